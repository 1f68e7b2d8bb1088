import { cell, safeUrl, table } from '../report/markdown.js';
import { formatNumber, formatPClause, formatSigned } from '../report/number-format.js';
import type { Direction } from '../report/direction.js';
import { compareRuns, type ComparedMetric, type MetricVerdict, type ValueRow } from './compare.js';
import type { RunRecord } from './record.js';

// The PR comment's "what changed" section: this PR's training run against the base branch's
// latest, in GitHub-flavoured Markdown (every value from a run escaped: params are user data).

export interface RunChangesOptions {
  /** The branch the base run was trained on (the pull request's base), for the headings. */
  baseBranch?: string;
  directions?: Record<string, Direction>;
  primaryMetric?: string;
  precision?: number;
  /** Most metric rows shown; the rest are counted. */
  maxMetrics?: number;
  /** Most param / data / code rows shown; the rest are counted. */
  maxRows?: number;
  /** The registered version this PR's model is evaluated against, and the run that trained it. */
  baseline?: BaselineRunLink;
}

/** The registry baseline's training run (its version's `lineage.run`), as the comment links it. */
export interface BaselineRunLink {
  version: string;
  /** The stage the baseline came from (`production`), when it came from one. */
  stage?: string;
  /** The run id the version's lineage names. */
  id: string;
  /** Its record, when the run is here (neither it nor `problem`: the run was not fetched). */
  run?: RunRecord;
  /** Why the ref here is not a readable run. */
  problem?: string;
}

const VERDICT_LABEL: Record<MetricVerdict, string> = {
  better: '✅ better',
  worse: '❌ worse',
  changed: '⚠️ changed',
  'no significant change': '➖ no significant change',
};

/** The code commit is always different between a base run and a PR's: it is in the headline. */
const HEADLINE_ONLY = new Set(['commit']);

function runLabel(r: RunRecord): string {
  const id = `\`${cell(r.id)}\``;
  const commit = r.code.commit ? ` @ ${cell(r.code.commit.slice(0, 7))}` : '';
  const url = r.ci?.run_url;
  return url && /^https?:\/\//.test(url) ? `[${id}](${safeUrl(url)})${commit}` : `${id}${commit}`;
}

/** One line naming the run that trained the registered baseline, linked as the PR's run is. */
export function baselineRunLine(b: BaselineRunLink): string {
  const which = `${b.stage ? `**${cell(b.stage)}** ` : ''}version \`${cell(b.version)}\``;
  const run = b.run
    ? runLabel(b.run)
    : `\`${cell(b.id)}\` (${b.problem ? cell(b.problem) : 'not among the runs here: `modelci runs fetch` brings it'})`;
  return `The registered baseline, ${which}, was trained by run ${run}.`;
}

function changedRows(group: string, rows: ValueRow[]): string[][] {
  const changed = rows.filter((r) => r.differs && !HEADLINE_ONLY.has(r.key));
  return changed.map((r) => [
    `${group} · ${cell(r.key, 60)}`,
    r.values[0] === null ? '—' : cell(r.values[0]!),
    r.values[1] === null ? '—' : cell(r.values[1]!),
  ]);
}

function metricRow(m: ComparedMetric, precision: number | undefined): string[] {
  const [base, head] = m.cells;
  const value = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, precision));
  const verdict = head?.verdict
    ? `${VERDICT_LABEL[head.verdict]}${head.significance ? ` (${formatPClause(head.significance.p)}, ${head.significance.method === 'paired' ? 'paired test' : 'intervals'})` : ''}`
    : m.source === 'training'
      ? 'no test (training metric)'
      : 'no test (no intervals on the same data)';
  return [
    `${cell(m.key, 60)} <sub>${m.source === 'evaluation' ? 'holdout' : 'training'}</sub>`,
    value(base?.value),
    value(head?.value),
    head?.delta === undefined ? '—' : formatSigned(head.delta, precision),
    head?.value === undefined || base?.value === undefined ? '—' : verdict,
  ];
}

/**
 * "What changed" between the base branch's latest run and this PR's run: the params, data
 * fingerprints and training code that differ, then the metrics with a verdict only where a test
 * says the difference is significant (a paired test an evaluation recorded, else both runs'
 * intervals on the same data).
 */
export function renderRunChanges(
  base: RunRecord,
  head: RunRecord,
  o: RunChangesOptions = {},
): string {
  const c = compareRuns([base, head], {
    ...(o.directions ? { directions: o.directions } : {}),
    ...(o.primaryMetric ? { first: [o.primaryMetric] } : {}),
  });
  const baseName = o.baseBranch ? `**${cell(o.baseBranch)}**` : 'base run';
  const parts = [
    `#### What changed since ${o.baseBranch ? `${baseName}'s latest run` : 'the base run'}`,
    `This PR's run ${runLabel(head)} against ${baseName} run ${runLabel(base)}.`,
    ...(o.baseline ? [baselineRunLine(o.baseline)] : []),
  ];
  const rows = [
    ...changedRows('param', c.params),
    ...changedRows('data', c.data),
    ...changedRows('code', c.code),
  ];
  const same = (what: string, all: ValueRow[]) => {
    const n = all.filter((r) => !r.differs && !HEADLINE_ONLY.has(r.key)).length;
    return n ? `${n} ${what}` : undefined;
  };
  const unchanged = [
    same('params', c.params),
    same('data sets', c.data),
    same('code and environment entries', c.code),
  ].filter((x) => x !== undefined);
  // A sweep that changes hundreds of params must not push the metrics out of the comment.
  const maxRows = o.maxRows ?? 40;
  if (rows.length)
    parts.push(table(['', baseName, 'this PR'], ['left', 'left', 'left'], rows.slice(0, maxRows)));
  if (rows.length > maxRows)
    parts.push(
      `<sub>${rows.length - maxRows} more differences: \`modelci runs compare ${cell(base.id)} ${cell(head.id)}\`.</sub>`,
    );
  if (!rows.length) parts.push('**Same params, data and training code** as the base run.');
  if (rows.length && unchanged.length) parts.push(`<sub>Unchanged: ${unchanged.join(', ')}.</sub>`);

  const max = o.maxMetrics ?? 12;
  const metrics = c.metrics.filter(
    (m) => m.cells[0]?.value !== undefined || m.cells[1]?.value !== undefined,
  );
  if (metrics.length) {
    // The primary metric leads (compareRuns sorts it first), then the ones that changed.
    const shown = metrics
      .map((m, i) => ({ m, i, rank: i === 0 && o.primaryMetric ? -1 : m.differs ? 0 : 1 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .slice(0, max)
      .sort((a, b) => a.i - b.i)
      .map(({ m }) => metricRow(m, o.precision));
    parts.push(
      table(
        ['metric', baseName, 'this PR', 'Δ', 'verdict'],
        ['left', 'right', 'right', 'right', 'left'],
        shown,
      ),
    );
    if (metrics.length > shown.length)
      parts.push(
        `<sub>${metrics.length - shown.length} more metrics: \`modelci runs compare ${cell(base.id)} ${cell(head.id)}\`.</sub>`,
      );
  }
  return parts.join('\n\n');
}

/** The section when the base branch has no run to compare with, saying how to get one. */
export function renderNoBaseRun(
  head: RunRecord,
  baseBranch: string | undefined,
  baseline?: BaselineRunLink,
): string {
  const where = baseBranch ? `**${cell(baseBranch)}**` : "the pull request's base branch";
  return [
    '#### What changed',
    `No run of ${where} to compare this PR's run ${runLabel(head)} with: \`modelci train\` records runs there and pushes them on \`push\` events; \`modelci runs fetch\` brings them.`,
    ...(baseline ? [baselineRunLine(baseline)] : []),
  ].join('\n\n');
}
