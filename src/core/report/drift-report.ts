import type { ColumnDrift, DriftReport } from '../drift/compare-profiles.js';
import type { PerformanceDrift } from '../drift/performance-drift.js';
import {
  chartTheme,
  CURRENT_COLOUR,
  DATA_COLOUR,
  REFERENCE_COLOUR,
  THRESHOLD_COLOUR,
} from './chart-theme.js';
import { axisLegend, fitAxis } from './chart-axis.js';
import { details, MAX_NAME_CHARS } from './markdown.js';
import { SAME_BY_DEFINITION } from './metric-selection.js';
import { escapeMarkdown, escapeMermaid } from './markdown-escape.js';
import {
  formatNumber,
  formatPClause,
  formatPlain,
  formatPValue,
  formatShare,
} from './number-format.js';

/**
 * The drift report as GitHub Markdown (job summary, artifact, retraining PR body): verdict, one
 * table row per column sorted by severity, Mermaid bar/line charts of reference vs current
 * histograms for the most drifted columns, and the trend over earlier checks when a history exists.
 */
export interface DriftHistoryEntry {
  at: string;
  drifted: boolean;
  share: number;
  n_drifted: number;
  n_tested: number;
  run_url?: string;
  /** The model checked, so one history file can serve the catalog site (`modelci site`). */
  model?: string;
  /** The share of drifted columns that means dataset drift, at the time of the check. */
  threshold?: number;
  /** Set when labelled rows were checked. */
  performance_drifted?: boolean;
}

export interface DriftReportContext {
  model?: string;
  reference: string;
  current: string;
  runUrl?: string;
  history?: DriftHistoryEntry[];
  /** ISO time of this check, the trend's last x label. */
  now?: string;
  /** Charts for at most this many drifted columns (default 4). */
  maxCharts?: number;
  /** Table rows at most (default 60); the rest are counted. */
  maxRows?: number;
  /** The data contract checks of the current data (Markdown), shown beside the verdict. */
  dataChecks?: string;
}

/** A statistic as the drift report shows it: 4 significant digits, `—` when there is none. */
export const fmt = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : formatNumber(x);

const pct = (x: number): string => formatShare(x);

export function renderDriftMarkdown(report: DriftReport, ctx: DriftReportContext): string {
  const out: string[] = [];
  const title = ctx.model ? `Drift check: ${escapeMarkdown(ctx.model)}` : 'Drift check';
  out.push(`## ${title}`, '');
  out.push(datasetHeadline(report), '');
  out.push(
    `Reference: \`${codeSafe(ctx.reference)}\` (${report.rows.reference} rows) · current: \`${codeSafe(ctx.current)}\` (${report.rows.current} rows)${ctx.runUrl ? ` · [run](${encodeURI(ctx.runUrl)})` : ''}`,
    '',
  );
  if (ctx.dataChecks) out.push(ctx.dataChecks, '');
  for (const line of roleLines(report)) out.push(line, '');
  if (report.performance) out.push(...performanceSection(report.performance), '');
  for (const p of report.problems) out.push(`> [!WARNING]\n> ${escapeMarkdown(p, 300)}`, '');
  out.push(...columnTable(report.columns, ctx.maxRows ?? 60), '');
  const drifted = report.columns
    .filter((c) => c.drifted && c.histogram)
    .slice(0, ctx.maxCharts ?? 4);
  if (drifted.length) {
    out.push(
      '### Most drifted columns',
      '',
      'Blue bars: share of reference rows per bin; orange line: share of current rows.',
      '',
    );
    for (const c of drifted) out.push(...histogramChart(c), '');
  }
  if (ctx.history && ctx.history.length) out.push(...trendChart(ctx.history, report, ctx.now), '');
  out.push(
    '<sub>Tests follow Evidently’s defaults (KS / chi-square / z for ≤ 1000 reference rows, Wasserstein / Jensen-Shannon above); values match scipy.</sub>',
  );
  return out.join('\n');
}

/** Text inside `inline code`: backticks cannot close it, nothing else is interpreted. */
function codeSafe(s: string): string {
  return s
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
}

/** Always how many columns drifted, whatever the dataset verdict. */
export function datasetHeadline(report: DriftReport): string {
  const counts = `${report.n_drifted} of ${report.n_tested} feature columns drifted (${pct(report.share)})`;
  const threshold = `${pct(report.drift_share_threshold)} dataset threshold`;
  if (report.n_tested === 0) return '**No column tested**: nothing to compare.';
  return (report.dataset_drifted ?? report.drifted)
    ? `**Drift detected**: ${counts}, at or above the ${threshold}.`
    : `**No dataset drift**: ${counts}, below the ${threshold}.`;
}

const codes = (names: string[]) => names.map((c) => `\`${codeSafe(c)}\``).join(', ');

/** Prediction and label drift: said only of columns that were tested, and why others were not. */
function roleLines(report: DriftReport): string[] {
  const out: string[] = [];
  for (const [role, drift, what] of [
    ['prediction', report.prediction_drift, 'Prediction'],
    ['label', report.label_drift ?? null, 'Label'],
  ] as const) {
    if (drift)
      out.push(
        drift.drifted
          ? `**${what} drift** in ${codes(drift.columns)} (tested: ${codes(drift.tested)}; not counted as feature drift).`
          : `No ${what.toLowerCase()} drift in ${codes(drift.tested)} (not counted as feature drift).`,
      );
    const untested = report.columns.filter((c) => c.role === role && c.test === null);
    if (untested.length)
      out.push(
        `${what} column${untested.length === 1 ? '' : 's'} not tested: ${untested
          .slice(0, 8)
          .map(
            (c) =>
              `\`${codeSafe(c.name)}\`${c.problems[0] ? ` (${escapeMarkdown(c.problems[0], 80)})` : ''}`,
          )
          .join(', ')}${untested.length > 8 ? `, … ${untested.length - 8} more` : ''}.`,
      );
  }
  return out;
}

function columnTable(columns: ColumnDrift[], maxRows: number): string[] {
  const rows = [
    '| column | type | test | statistic | p-value | drifted | missing (ref → cur) | notes |',
    '| --- | --- | --- | ---: | ---: | :---: | --- | --- |',
  ];
  // Every drifted column is listed, however many; the others fill up to maxRows.
  const shown = columns.filter((c, i) => c.drifted || i < maxRows);
  for (const c of shown) {
    const notes = [...c.problems];
    if (c.unseen_categories?.length)
      notes.push(
        `new: ${c.unseen_categories
          .slice(0, 5)
          .map((u) => (u.length > 30 ? `${u.slice(0, 29)}…` : u))
          .join(', ')}`,
      );
    if (c.statistic_error) notes.push(`± ${fmt(c.statistic_error)} (sketch)`);
    rows.push(
      `| ${escapeMarkdown(c.name, MAX_NAME_CHARS)}${c.role === 'feature' ? '' : ` (${c.role})`} | ${c.type} | ${c.test ?? '—'} | ${fmt(c.statistic)} | ${c.p_value === undefined ? '—' : formatPValue(c.p_value)} | ${c.test === null ? '—' : c.drifted ? '🔴 yes' : 'no'} | ${pct(c.missing_rate.reference)} → ${pct(c.missing_rate.current)} | ${escapeMarkdown(notes.join('; '), 200)} |`,
    );
  }
  if (columns.length > shown.length)
    rows.push(
      `| … ${columns.length - shown.length} more columns, none drifted, in the JSON result | | | | | | | |`,
    );
  // A long name without spaces would push the numbers off-screen: cut in the table, whole below.
  const cut = shown.filter((c) => c.name.length > MAX_NAME_CHARS);
  if (cut.length)
    rows.push(
      '',
      details(
        `Full names of ${cut.length} column${cut.length === 1 ? '' : 's'} cut in the table`,
        cut.map((c) => `- ${escapeMarkdown(c.name, 1000)}`).join('\n'),
      ),
    );
  return rows;
}

function performanceSection(perf: PerformanceDrift): string[] {
  const checked = perf.metrics.filter((m) => m.drifted);
  const out = [
    '### Performance on labelled rows',
    '',
    perf.drifted
      ? `**Performance drift**: ${checked.map((m) => `${escapeMarkdown(m.name)} ${fmt(m.reference)} → ${fmt(m.current)} (allowed drop ${m.max_drop}), ${significance(m)}`).join('; ')}.`
      : perf.metrics.some((m) => m.checked)
        ? 'Performance is within its allowed drop.'
        : 'Performance not checked.',
    '',
    `Label \`${codeSafe(perf.label)}\`, prediction ${perf.prediction ? `\`${codeSafe(perf.prediction)}\`` : '—'}${perf.score ? `, score \`${codeSafe(perf.score)}\`` : ''} · reference: ${
      perf.reference_source === 'registry'
        ? `metrics recorded for version ${escapeMarkdown(perf.reference_version ?? '?')} (evaluation data${perf.rows.reference ? `, ${perf.rows.reference} rows` : ''})`
        : `labelled reference rows (${perf.rows.reference ?? 0})`
    } · current: ${perf.rows.current} labelled, ${perf.unlabelled.current} without a label or prediction`,
    '',
  ];
  for (const p of perf.problems) out.push(`> [!WARNING]\n> ${escapeMarkdown(p, 300)}`, '');
  if (!perf.metrics.length) return out;
  out.push(
    '| metric | reference | current | change | allowed drop | drifted | p-value | significant |',
    '| --- | ---: | ---: | ---: | ---: | :---: | ---: | --- |',
  );
  // A metric equal to another by definition (recall_weighted = accuracy) is not a second row.
  const byName = new Map(perf.metrics.map((m) => [m.name, m]));
  const twin = (m: PerformanceDrift['metrics'][number]) => {
    const of = byName.get(SAME_BY_DEFINITION[m.name] ?? '');
    return of && of.reference === m.reference && of.current === m.current && !m.checked;
  };
  for (const m of perf.metrics.filter((x) => !twin(x)))
    out.push(
      `| ${escapeMarkdown(m.name)} | ${fmt(m.reference)} | ${fmt(m.current)} | ${m.change > 0 ? '+' : ''}${fmt(m.change)} | ${m.max_drop ?? '—'} | ${m.checked ? (m.drifted ? '🔴 yes' : 'no') : '—'} | ${formatPValue(m.p_value)} | ${significance(m)} |`,
    );
  return out;
}

/** α of the performance tests (the p-value drift tests' default threshold). */
const PERFORMANCE_ALPHA = 0.05;

/** Whether a performance change is significant: only metrics with a test (accuracy) can say. */
function significance(m: PerformanceDrift['metrics'][number]): string {
  if (m.p_value === undefined) return 'not tested (no test for this metric)';
  return m.p_value < PERFORMANCE_ALPHA
    ? `significant, ${formatPClause(m.p_value)}`
    : `not significant, ${formatPClause(m.p_value)}`;
}

function histogramChart(c: ColumnDrift): string[] {
  const h = c.histogram!;
  const max = Math.max(...h.reference, ...h.current, 0.01);
  // Numeric bins (ranges) and categories too long for the axis get a number and a legend line.
  const axis = fitAxis(h.labels, h.edges !== undefined);
  const indexed = axis.indexed;
  const out = [
    `**${escapeMarkdown(c.name)}** — ${c.test} ${fmt(c.statistic)}${c.p_value !== undefined ? `, ${formatPClause(c.p_value)}` : ''}`,
    '',
    '```mermaid',
    chartTheme([REFERENCE_COLOUR, CURRENT_COLOUR]),
    'xychart-beta',
    `  title "${escapeMermaid(c.name)}"`,
    `  x-axis "${h.edges ? 'bin' : c.type === 'numeric' ? 'value' : indexed ? 'category (see below)' : 'category'}" [${axis.labels.map((l) => `"${escapeMermaid(l)}"`).join(', ')}]`,
    `  y-axis "share of rows" 0 --> ${formatPlain(Math.min(1, Math.ceil(max * 110) / 100), 3)}`,
    `  bar [${h.reference.map((x) => formatPlain(x)).join(', ')}]`,
    `  line [${h.current.map((x) => formatPlain(x)).join(', ')}]`,
    '```',
  ];
  if (indexed) out.push('', axisLegend(h.edges ? 'Bins' : 'Categories', h.labels));
  return out;
}

/** Distinct x labels, one per check: the date, with the time when a day has several checks. */
function checkLabels(ats: string[]): string[] {
  const day = (at: string) => at.slice(0, 10);
  const time = (at: string) => at.slice(0, 16).replace('T', ' ');
  const labels = ats.map((at) =>
    ats.filter((x) => day(x) === day(at)).length > 1 ? time(at) : day(at) || 'check',
  );
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n > 1 || labels.filter((x) => x === l).length > 1 ? `${l} #${n}` : l;
  });
}

function trendChart(history: DriftHistoryEntry[], report: DriftReport, now?: string): string[] {
  const points = [
    ...history.slice(-19).map((h) => ({ at: h.at, share: h.share })),
    { at: now ?? 'now', share: report.share },
  ];
  const labels = checkLabels(points.map((p) => p.at));
  const axis = fitAxis(labels);
  const out = [
    '### Trend',
    '',
    `Share of drifted feature columns at each of the last ${points.length} checks: orange line; the ${pct(report.drift_share_threshold)} dataset threshold: grey line.`,
    '',
    '```mermaid',
    chartTheme([DATA_COLOUR, THRESHOLD_COLOUR]),
    'xychart-beta',
    '  title "Share of drifted feature columns"',
    `  x-axis "check" [${axis.labels.map((l) => `"${escapeMermaid(l, 24)}"`).join(', ')}]`,
    '  y-axis "share" 0 --> 1',
    `  line [${points.map((p) => formatPlain(p.share, 3)).join(', ')}]`,
    `  line [${points.map(() => formatPlain(report.drift_share_threshold, 3)).join(', ')}]`,
    '```',
  ];
  if (axis.indexed) out.push('', axisLegend('Checks', labels));
  return out;
}
