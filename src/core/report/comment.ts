import type { EvaluationReport } from './evaluation-report.js';
import { renderEvaluationReport, reportRegressions } from './evaluation-markdown.js';
import { historyChart, type ChartPoint } from './history.js';
import { commentMarker } from './marker.js';
import { cell, details, MAX_NAME_CHARS, safeUrl } from './markdown.js';
import { selectRows, type RowSelection } from './metric-selection.js';
import { formatMetricDelta, formatMetricValue } from './metric-units.js';
import { countVerdicts, type MetricRow } from './metric-diff.js';
import {
  fullValuesTable,
  metricRowCells,
  metricsTable,
  NO_DIRECTION_LABEL,
  rowPriority,
  verdictSummary,
} from './metrics-table.js';
import { DEFAULT_PRECISION, formatCount, formatPercent } from './number-format.js';

/** GitHub refuses issue comments longer than this many characters. */
export const COMMENT_MAX_CHARS = 65_536;
/** GitHub refuses a step summary larger than 1 MiB. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export interface CommentLinks {
  /** The commit the metrics are for (the PR head, not the merge commit). */
  sha?: string;
  commitUrl?: string;
  runUrl?: string;
}

export interface CommentContent {
  model: string;
  workflow: string;
  /** The base vs head diff of metrics files. */
  rows?: MetricRow[];
  /** An evaluation report, shown before the file diff. */
  report?: EvaluationReport;
  chart?: { metric: string; points: ChartPoint[] };
  /** What changed between the base branch's training run and this PR's (Markdown, escaped). */
  changes?: string;
  precision?: number;
  /** The metric the comment leads with (config `primary_metric`). */
  primaryMetric?: string;
  /** `comment.metrics`: the table's metrics after the primary; the rest are collapsed. */
  metrics?: string[];
  links?: CommentLinks;
}

export interface RenderLimit {
  max: number;
  /** Comments are limited in characters, step summaries in bytes. */
  unit: 'chars' | 'utf8';
}

export interface RenderedComment {
  markdown: string;
  /** Metrics that got worse (file diff plus report comparisons). */
  regressions: number;
  truncated: boolean;
}

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

function footer(model: string, links: CommentLinks | undefined): string {
  const parts = [`modelci comment for ${cell(model)}`];
  const sha = links?.sha && /^[0-9a-f]{7,64}$/i.test(links.sha) ? links.sha : undefined;
  if (sha)
    parts.push(
      links?.commitUrl
        ? `commit [${sha.slice(0, 7)}](${safeUrl(links.commitUrl)})`
        : `commit ${sha.slice(0, 7)}`,
    );
  if (links?.runUrl) parts.push(`[workflow run](${safeUrl(links.runUrl)})`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

interface Shape {
  /** The metrics-file rows in the table (all of `selection.rows` unless truncated). */
  rows: MetricRow[] | undefined;
  details: boolean;
  chart: boolean;
  note: string | undefined;
}

function assemble(
  c: CommentContent,
  sel: RowSelection | undefined,
  s: Shape,
  precision: number,
  cache: Map<MetricRow, string>,
): string {
  const parts = [commentMarker(c.model, c.workflow), `### 📊 modelci · ${cell(c.model)}`];
  if (c.report)
    parts.push(
      renderEvaluationReport(c.report, {
        precision,
        ...(c.primaryMetric ? { primary: c.primaryMetric } : {}),
        ...(c.metrics ? { metrics: c.metrics } : {}),
      }),
    );
  const all = c.rows;
  if (all && sel) {
    if (c.report) parts.push('**Metrics files**');
    if (sel.primary) parts.push(rowHeadline(sel.primary, precision));
    parts.push(
      `${verdictSummary([...sel.rows, ...sel.more])} <sub>(point values from metrics files: no interval or test, so a verdict says only whether the change is beyond the tolerance, metrics.tolerance)</sub>`,
    );
    const primaryKey = sel.primary?.key;
    if (s.rows && s.rows.length) parts.push(metricsTable(s.rows, precision, cache, primaryKey));
    const notes: string[] = [];
    if ([...(s.rows ?? []), ...sel.more].some((r) => r.kind === 'numeric' && !r.verdict))
      notes.push(
        `${NO_DIRECTION_LABEL}: changed, but higher or lower is not known to be better; set \`metrics.directions\` in modelci.yaml.`,
      );
    if (sel.duplicates.length)
      notes.push(`Not repeated: ${sel.duplicates.map((d) => cell(d.why)).join('; ')}.`);
    if (notes.length) parts.push(`<sub>${notes.join('<br>')}</sub>`);
    if (s.details && sel.more.length)
      parts.push(
        details(
          `${sel.more.length} more metric${sel.more.length === 1 ? '' : 's'}`,
          metricsTable(sel.more, precision, cache),
        ),
      );
  }
  if (c.changes) parts.push(c.changes);
  if (s.chart && c.chart) {
    const chart = historyChart(c.chart.metric, c.chart.points);
    if (chart) parts.push(chart);
  }
  if (s.details && all && all.length)
    parts.push(details(`All values (${all.length} metrics, unrounded)`, fullValuesTable(all)));
  if (s.note) parts.push(`> [!NOTE]\n> ${s.note}`);
  parts.push(footer(c.model, c.links));
  return `${parts.join('\n\n')}\n`;
}

/** Row indices, most important first (the primary, regressions), then in their original order. */
function priorityOrder(rows: MetricRow[], primary: MetricRow | undefined): number[] {
  const rank = (r: MetricRow) => (r === primary ? -1 : rowPriority(r));
  return rows.map((_, i) => i).sort((a, b) => rank(rows[a]!) - rank(rows[b]!) || a - b);
}

/** `**test.roc_auc** (primary) 0.995 · was 0.9864 · Δ +0.0086 (+0.872%) · ✅ better`. */
function rowHeadline(r: MetricRow, precision: number): string {
  const name = `**${cell(r.key, MAX_NAME_CHARS)}** (primary)`;
  const [, , , , , verdict] = metricRowCells(r, precision);
  if (r.kind !== 'numeric') return `${name}: ${verdict}`;
  return `${name} ${formatMetricValue(r.key, r.head, precision)} · was ${formatMetricValue(r.key, r.base, precision)} · Δ ${formatMetricDelta(r.key, r.delta, precision)} (${formatPercent(r.relative)}) · ${verdict}`;
}

/** The `n` most important rows, shown in their original order. */
function keep(rows: MetricRow[], order: number[], n: number): MetricRow[] {
  const kept = new Uint8Array(rows.length);
  for (const i of order.slice(0, n)) kept[i] = 1;
  return rows.filter((_, i) => kept[i]);
}

/**
 * Renders the sticky comment (or the job summary) within GitHub's limit: when too long it drops
 * the full-values section first, then the least important table rows, and says so visibly.
 */
export function renderComment(
  c: CommentContent,
  limit: RenderLimit = { max: COMMENT_MAX_CHARS, unit: 'chars' },
): RenderedComment {
  const precision = c.precision ?? DEFAULT_PRECISION;
  const regressions =
    (c.rows ? countVerdicts(c.rows).worse : 0) + (c.report ? reportRegressions(c.report) : 0);
  const size = limit.unit === 'chars' ? (s: string) => s.length : utf8Length;
  const fits = (s: string) => size(s) < limit.max;
  const sel = c.rows
    ? selectRows(c.rows, {
        ...(c.primaryMetric ? { primary: c.primaryMetric } : {}),
        ...(c.metrics ? { listed: c.metrics } : {}),
      })
    : undefined;
  const all = sel?.rows ?? [];
  const cache = new Map<MetricRow, string>();
  const full = assemble(
    c,
    sel,
    { rows: all, details: true, chart: true, note: undefined },
    precision,
    cache,
  );
  if (fits(full)) return { markdown: full, regressions, truncated: false };

  const why = `GitHub limits ${limit.unit === 'chars' ? 'comments' : 'job summaries'} to ${formatCount(limit.max)} ${limit.unit === 'chars' ? 'characters' : 'bytes'}`;
  const leftOut = sel?.more.length
    ? `the unrounded values and the ${sel.more.length} collapsed metrics are left out`
    : 'the unrounded values are left out';
  const noDetails = assemble(
    c,
    sel,
    {
      rows: all,
      details: false,
      chart: true,
      note: `Truncated: ${leftOut} (${why}).`,
    },
    precision,
    cache,
  );
  if (fits(noDetails)) return { markdown: noDetails, regressions, truncated: true };

  const order = priorityOrder(all, sel?.primary);
  const withRows = (n: number) =>
    assemble(
      c,
      sel,
      {
        rows: keep(all, order, n),
        details: false,
        chart: true,
        note: `Truncated: ${n} of ${all.length} metrics shown, regressions first; ${leftOut} (${why}).`,
      },
      precision,
      cache,
    );
  // The largest row count that fits, by bisection.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(withRows(mid))) lo = mid;
    else hi = mid - 1;
  }
  const best = withRows(lo);
  if (fits(best)) return { markdown: best, regressions, truncated: true };
  // Last resort (a huge evaluation report): cut at a line and close with the note.
  const note = `\n\n> [!NOTE]\n> Truncated: the report is cut here (${why}).\n\n${footer(c.model, c.links)}\n`;
  let cut = best.slice(0, Math.max(0, limit.max - size(note) - 1));
  while (cut && !fits(cut + note)) cut = cut.slice(0, Math.floor(cut.length * 0.95));
  cut = cut.slice(0, cut.lastIndexOf('\n') + 1);
  return { markdown: cut + note, regressions, truncated: true };
}
