import { renderDataChecks } from './data-checks.js';
import type {
  EvaluationReport,
  Fingerprint,
  GateVerdict,
  MetricComparison,
  MetricValue,
  SliceMetrics,
  TensorSpec,
} from './evaluation-report.js';
import { defaultPrimaryMetric } from '../metrics/names.js';
import { significanceLevel } from '../stats/significance.js';
import { cell, details, MAX_NAME_CHARS, table } from './markdown.js';
import { selectMetrics, type MetricSelection } from './metric-selection.js';
import { formatMetricDelta, formatMetricValue, metricUnit } from './metric-units.js';
import {
  formatBytes,
  formatNumber,
  formatPClause,
  formatPercent,
  formatPValue,
  formatSigned,
} from './number-format.js';
import { effectiveVerdict, SHOWN_VERDICT_LABEL, shownVerdict } from './verdict.js';

const MISSING = '—';

const TEST_NAMES: Record<MetricComparison['test'], string> = {
  mcnemar: 'McNemar',
  paired_bootstrap: 'paired bootstrap',
  two_proportion_z: 'two-proportion z',
  two_sample_bootstrap: 'two-sample bootstrap',
};

/** How the comment shows an evaluation report: what leads, which metrics are in the table. */
export interface ReportView {
  precision: number;
  /** The primary metric (config `primary_metric`, else the report's, else the task default). */
  primary?: string;
  /** `comment.metrics`: the table's metrics after the primary; default: the gated ones. */
  metrics?: string[];
}

/** α of the report's verdicts: one minus its interval level. */
export function reportAlpha(r: Pick<EvaluationReport, 'bootstrap'>): number {
  return significanceLevel(r.bootstrap.confidence);
}

function interval(ci: [number, number] | undefined, precision: number, signed = false): string {
  if (!ci) return '';
  const f = signed ? formatSigned : formatNumber;
  return ` [${f(ci[0], precision)}, ${f(ci[1], precision)}]`;
}

function withCi(name: string, m: MetricValue | undefined, precision: number): string {
  return m ? `${formatMetricValue(name, m.value, precision)}${interval(m.ci, precision)}` : MISSING;
}

function deltaText(name: string, c: MetricComparison, precision: number): string {
  return `${formatMetricDelta(name, c.delta, precision)}${interval(c.ci_delta, precision, true)}`;
}

function comparisonCells(
  name: string,
  c: MetricComparison | undefined,
  precision: number,
  alpha: number,
): string[] {
  if (!c) return [MISSING, MISSING, MISSING, ' '];
  return [
    deltaText(name, c, precision),
    formatPercent(c.relative_delta),
    `${formatPValue(c.p_value)} (${TEST_NAMES[c.test]})`,
    SHOWN_VERDICT_LABEL[shownVerdict(c, alpha)],
  ];
}

const levelOf = (r: Pick<EvaluationReport, 'bootstrap'>) =>
  formatNumber(r.bootstrap.confidence * 100, 3);

/** The metric's name cell; the primary metric is bold and says so. */
function nameCell(n: string, primary: string | undefined): string {
  return n === primary ? `**${cell(n, MAX_NAME_CHARS)}** (primary)` : cell(n, MAX_NAME_CHARS);
}

/** The metric sections a table shows (an evaluation report, or one arm against another live). */
export type MetricsWithComparison = Pick<
  EvaluationReport,
  'metrics' | 'baseline_metrics' | 'comparison' | 'bootstrap'
>;

/** Metrics with intervals; with a baseline, the comparison and its significance. */
export function reportMetricsTable(
  r: MetricsWithComparison,
  precision: number,
  names: string[] = Object.keys(r.metrics),
  primary?: string,
  sides: { baseline: string; candidate: string } = { baseline: 'baseline', candidate: 'candidate' },
): string {
  const level = levelOf(r);
  if (!r.baseline_metrics && !r.comparison)
    return table(
      ['metric', `value (${level}% CI)`],
      ['left', 'right'],
      names.map((n) => [nameCell(n, primary), withCi(n, r.metrics[n], precision)]),
    );
  const alpha = reportAlpha(r);
  return table(
    [
      'metric',
      cell(sides.baseline),
      `${cell(sides.candidate)} (${level}% CI)`,
      `Δ (${level}% CI)`,
      'Δ%',
      'p',
      'verdict',
    ],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    names.map((n) => {
      const c = r.comparison?.[n];
      const baseline = r.baseline_metrics?.[n] ?? (c ? { value: c.baseline } : undefined);
      return [
        nameCell(n, primary),
        withCi(n, baseline, precision),
        withCi(n, r.metrics[n], precision),
        ...comparisonCells(n, c, precision, alpha),
      ];
    }),
  );
}

function gateCounts(g: GateVerdict): string {
  const failed = g.results.filter((x) => !x.passed).length;
  const skipped = g.results.filter((x) => x.skipped).length;
  const applied = g.results.length - skipped;
  const na = skipped ? `; ${skipped} need a baseline` : '';
  return g.passed
    ? `**Gates: ✅ passed** (${applied} of ${applied}${na})`
    : `**Gates: ❌ failed** (${failed} of ${applied} failed${na})`;
}

export function gatesSection(g: GateVerdict): string {
  const head = gateCounts(g);
  if (g.results.length === 0) return head;
  return `${head}\n\n${table(
    ['gate', 'result', 'reason'],
    ['left', 'left', 'left'],
    g.results.map((x) => [
      cell(x.gate),
      x.skipped ? '➖ no baseline' : x.passed ? '✅ pass' : '❌ fail',
      cell(x.reason, 300),
    ]),
  )}`;
}

/**
 * The line a reviewer reads first: the primary metric (value, Δ with its interval, verdict) and
 * the gate result.
 */
export function reportHeadline(r: EvaluationReport, precision: number, primary?: string): string {
  const parts: string[] = [];
  const m = primary ? r.metrics[primary] : undefined;
  if (primary && m) {
    parts.push(`**${cell(primary, MAX_NAME_CHARS)}** ${withCi(primary, m, precision)}`);
    const c = r.comparison?.[primary];
    if (c)
      parts.push(
        `Δ ${deltaText(primary, c, precision)} · ${SHOWN_VERDICT_LABEL[shownVerdict(c, reportAlpha(r))]} (${formatPClause(c.p_value)})`,
      );
    else parts.push('no baseline');
  } else if (primary) parts.push(`primary metric ${cell(primary)} was not computed`);
  if (r.gates) parts.push(gateCounts(r.gates));
  return parts.join(' · ');
}

/** `**1 worse** · 2 better · 11 no significant change than the baseline`. */
function comparisonCounts(r: EvaluationReport, names: string[]): string | undefined {
  const alpha = reportAlpha(r);
  const shown = names.map((n) => r.comparison?.[n]).filter((c) => c !== undefined);
  if (!shown.length) return undefined;
  const n = (v: string) => shown.filter((c) => effectiveVerdict(c, alpha) === v).length;
  const counts = [
    n('worse') ? `**${n('worse')} worse**` : '',
    n('better') ? `${n('better')} better` : '',
    n('unchanged') ? `${n('unchanged')} with no significant change` : '',
  ];
  return `Against the baseline on the same rows: ${counts.filter(Boolean).join(' · ')}`;
}

function notes(r: EvaluationReport, sel: MetricSelection): string[] {
  const out: string[] = [];
  if (r.comparison)
    out.push(
      `✅ / ❌: beyond the tolerance and significant at α = ${formatNumber(reportAlpha(r), 3)} (p < α: the Δ interval excludes 0); ➖ otherwise, the direction is in Δ.`,
    );
  const timed = Object.entries(r.metrics).find(([n, v]) => metricUnit(n) === 'ms' && v.timings);
  if (r.latency)
    out.push(
      `Latency: milliseconds per request, percentiles over ${r.latency.requests} single-row request${r.latency.requests === 1 ? '' : 's'} per model to modelci serve on loopback, each timed on its own from request to parsed answer (after ${r.latency.warmup} untimed).`,
    );
  // Reports written before single-row timing: per-row times of whole batches.
  else if (timed)
    out.push(
      `Latency: milliseconds per row, percentiles over ${timed[1].timings} timed batch${timed[1].timings === 1 ? ' (one batch: p50 = p95; lower `evaluate.batch_size` for more)' : 'es'}.`,
    );
  if (sel.duplicates.length)
    out.push(`Not repeated: ${sel.duplicates.map((d) => cell(d.why)).join('; ')}.`);
  return out;
}

/** The evaluation report as Markdown sections: headline, metrics, gates, slice regressions, model diff. */
export function renderEvaluationReport(r: EvaluationReport, view: ReportView): string {
  const { precision } = view;
  const alpha = reportAlpha(r);
  const worse = new Set(
    Object.entries(r.comparison ?? {})
      .filter(([, c]) => effectiveVerdict(c, alpha) === 'worse')
      .map(([n]) => n),
  );
  const sel = selectMetrics(r, {
    primary: view.primary ?? r.primary_metric ?? defaultPrimaryMetric(r.task),
    ...(view.metrics ? { listed: view.metrics } : {}),
    worse,
  });
  const d = r.dataset;
  const parts = [reportHeadline(r, precision, sel.primary)];
  const counts = comparisonCounts(r, [...sel.shown, ...sel.more]);
  parts.push(
    `${counts ? `${counts}. ` : ''}Evaluated on ${cell(d.path, 80)} (${d.rows ?? '?'} rows${d.dropped_rows ? `, ${d.dropped_rows} dropped` : ''}, label ${cell(d.label)}; ${r.bootstrap.resamples} bootstrap resamples, ${levelOf(r)}% intervals)`,
  );
  parts.push(reportMetricsTable(r, precision, sel.shown, sel.primary));
  const lines = notes(r, sel);
  if (lines.length) parts.push(`<sub>${lines.join('<br>')}</sub>`);
  if (sel.more.length)
    parts.push(
      details(
        `${sel.more.length} more metric${sel.more.length === 1 ? '' : 's'}`,
        reportMetricsTable(r, precision, sel.more),
      ),
    );
  if (r.gates) parts.push(gatesSection(r.gates));
  if (r.data_checks) parts.push(renderDataChecks(r.data_checks));
  const slices = r.slices ? sliceRegressions(r.slices, precision, alpha) : undefined;
  if (slices) parts.push(slices);
  parts.push(modelDiff(r));
  return parts.join('\n\n');
}

/** Only slices that regressed: a slice that got worse while the total did not is the point. */
export function sliceRegressions(
  slices: SliceMetrics[],
  precision: number,
  alpha: number,
): string | undefined {
  const rows: string[][] = [];
  for (const s of slices) {
    if (!s.regressed) continue;
    const worse = Object.entries(s.comparison ?? {}).filter(
      ([, c]) => effectiveVerdict(c, alpha) === 'worse',
    );
    const shown = worse.length ? worse : Object.entries(s.comparison ?? {}).slice(0, 1);
    if (shown.length === 0)
      rows.push([cell(`${s.column} = ${s.value}`), String(s.rows), ' ', ' ', ' ', ' ', ' ']);
    for (const [metric, c] of shown)
      rows.push([
        cell(`${s.column} = ${s.value}`),
        String(s.rows),
        cell(metric),
        formatNumber(c.baseline, precision),
        formatNumber(c.candidate, precision),
        formatSigned(c.delta, precision),
        formatPValue(c.p_value),
      ]);
  }
  if (rows.length === 0) return undefined;
  return `**Slice regressions**\n\n${table(
    ['slice', 'rows', 'metric', 'baseline', 'candidate', 'Δ', 'p'],
    ['left', 'right', 'left', 'right', 'right', 'right', 'right'],
    rows,
  )}`;
}

function tensors(list: TensorSpec[]): string {
  return list
    .map((t) =>
      cell(
        `${t.name}: ${t.type}[${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`,
        200,
      ),
    )
    .join('<br>');
}

function fingerprint(f: Fingerprint | undefined): string {
  if (!f) return MISSING;
  const rows = f.rows === undefined ? '' : `, ${f.rows} rows`;
  return `${cell(f.path, 80)} (${cell(f.sha256.slice(0, 12))}, ${formatBytes(f.bytes)}${rows})`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed between the baseline and the candidate model, besides the metrics. */
export function modelDiff(r: EvaluationReport): string {
  const c = r.candidate;
  const b = r.baseline;
  const rows: string[][] = [];
  const sizeDelta =
    b && b.model.bytes > 0
      ? ` (${formatPercent((c.model.bytes - b.model.bytes) / b.model.bytes)})`
      : '';
  rows.push([
    'size',
    b ? formatBytes(b.model.bytes) : MISSING,
    `${formatBytes(c.model.bytes)}${sizeDelta}`,
  ]);
  rows.push([
    'sha256',
    b ? cell(b.model.sha256.slice(0, 12)) : MISSING,
    cell(c.model.sha256.slice(0, 12)),
  ]);
  const io = (k: 'inputs' | 'outputs') =>
    !b ? MISSING : same(b.signature[k], c.signature[k]) ? 'unchanged' : tensors(b.signature[k]);
  rows.push(['inputs', io('inputs'), tensors(c.signature.inputs)]);
  rows.push(['outputs', io('outputs'), tensors(c.signature.outputs)]);
  if (r.dataset.training_data || b?.training_data)
    rows.push([
      'training data',
      b ? fingerprint(b.training_data) : MISSING,
      fingerprint(r.dataset.training_data),
    ]);
  const bp = b?.params ?? {};
  const cp = c.params ?? {};
  for (const k of [...new Set([...Object.keys(bp), ...Object.keys(cp)])]) {
    if (b && same(bp[k], cp[k])) continue;
    const v = (x: unknown) =>
      x === undefined ? MISSING : cell(JSON.stringify(x) ?? String(x), 80);
    rows.push([`param ${cell(k, 60)}`, b ? v(bp[k]) : MISSING, v(cp[k])]);
  }
  if (!b)
    return `**Model**\n\n${table(
      [' ', 'candidate'],
      ['left', 'left'],
      rows.map((x) => [x[0]!, x[2]!]),
    )}`;
  const baseName = `baseline${b.version ? ` ${cell(b.version)}` : ''} (${cell(b.source, 60)})`;
  return `**Model diff**\n\n${table([' ', baseName, 'candidate'], ['left', 'left', 'left'], rows)}`;
}

/** Comparisons that got worse: counted as regressions like the file diff's. */
export function reportRegressions(r: EvaluationReport): number {
  const alpha = reportAlpha(r);
  return Object.values(r.comparison ?? {}).filter((c) => effectiveVerdict(c, alpha) === 'worse')
    .length;
}
