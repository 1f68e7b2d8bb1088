import type {
  EvaluationReport,
  Fingerprint,
  GateVerdict,
  MetricComparison,
  MetricValue,
  SliceMetrics,
  TensorSpec,
} from './evaluation-report.js';
import { cell, table } from './markdown.js';
import { NO_DIRECTION_LABEL, VERDICT_LABEL } from './metrics-table.js';
import {
  formatBytes,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
} from './number-format.js';

const MISSING = '—';

function interval(ci: [number, number] | undefined, precision: number, signed = false): string {
  if (!ci) return '';
  const f = signed ? formatSigned : formatNumber;
  return ` [${f(ci[0], precision)}, ${f(ci[1], precision)}]`;
}

function withCi(m: MetricValue | undefined, precision: number): string {
  return m ? `${formatNumber(m.value, precision)}${interval(m.ci, precision)}` : MISSING;
}

function comparisonCells(c: MetricComparison | undefined, precision: number): string[] {
  if (!c) return [MISSING, MISSING, MISSING, ' '];
  return [
    `${formatSigned(c.delta, precision)}${interval(c.ci_delta, precision, true)}`,
    formatPercent(c.relative_delta),
    `${formatPValue(c.p_value)} (${c.test === 'mcnemar' ? 'McNemar' : 'paired bootstrap'})`,
    c.verdict ? VERDICT_LABEL[c.verdict] : NO_DIRECTION_LABEL,
  ];
}

/** Metrics with intervals; with a baseline, the paired comparison and its significance. */
export function reportMetricsTable(r: EvaluationReport, precision: number): string {
  const names = Object.keys(r.metrics);
  if (!r.baseline_metrics && !r.comparison)
    return table(
      ['metric', 'value (95% CI)'],
      ['left', 'right'],
      names.map((n) => [cell(n), withCi(r.metrics[n], precision)]),
    );
  for (const n of Object.keys(r.baseline_metrics ?? {})) if (!names.includes(n)) names.push(n);
  return table(
    ['metric', 'baseline', 'candidate (95% CI)', 'Δ (95% CI)', 'Δ%', 'p', 'verdict'],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    names.map((n) => {
      const c = r.comparison?.[n];
      const baseline = r.baseline_metrics?.[n] ?? (c ? { value: c.baseline } : undefined);
      return [
        cell(n),
        withCi(baseline, precision),
        withCi(r.metrics[n], precision),
        ...comparisonCells(c, precision),
      ];
    }),
  );
}

export function gatesSection(g: GateVerdict): string {
  const failed = g.results.filter((x) => !x.passed).length;
  const head = g.passed
    ? `**Gates: ✅ passed** (${g.results.length} of ${g.results.length})`
    : `**Gates: ❌ failed** (${failed} of ${g.results.length} failed)`;
  if (g.results.length === 0) return head;
  return `${head}\n\n${table(
    ['gate', 'result', 'reason'],
    ['left', 'left', 'left'],
    g.results.map((x) => [cell(x.gate), x.passed ? '✅ pass' : '❌ fail', cell(x.reason, 300)]),
  )}`;
}

/** Only slices that regressed: a slice that got worse while the total did not is the point. */
export function sliceRegressions(slices: SliceMetrics[], precision: number): string | undefined {
  const rows: string[][] = [];
  for (const s of slices) {
    if (!s.regressed) continue;
    const worse = Object.entries(s.comparison ?? {}).filter(([, c]) => c.verdict === 'worse');
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

/** The evaluation report as Markdown sections: metrics, gates, slice regressions, model diff. */
export function renderEvaluationReport(r: EvaluationReport, precision: number): string {
  const d = r.dataset;
  const parts = [
    `Evaluated on ${cell(d.path, 80)} (${d.rows ?? '?'} rows${d.dropped_rows ? `, ${d.dropped_rows} dropped` : ''}, label ${cell(d.label)}; ${r.bootstrap.resamples} bootstrap resamples, ${formatNumber(r.bootstrap.confidence * 100, 3)}% intervals)`,
  ];
  const verdicts = Object.values(r.comparison ?? {}).map((c) => c.verdict);
  if (verdicts.length) {
    const n = (v: string) => verdicts.filter((x) => x === v).length;
    const counts = [
      n('worse') ? `**${n('worse')} worse**` : '',
      n('better') ? `${n('better')} better` : '',
      n('unchanged') ? `${n('unchanged')} unchanged` : '',
    ];
    parts.push(`${counts.filter(Boolean).join(' · ')} than the baseline`);
  }
  parts.push(reportMetricsTable(r, precision));
  if (r.gates) parts.push(gatesSection(r.gates));
  const slices = r.slices ? sliceRegressions(r.slices, precision) : undefined;
  if (slices) parts.push(slices);
  parts.push(modelDiff(r));
  return parts.join('\n\n');
}

/** Comparisons that got worse: counted as regressions like the file diff's. */
export function reportRegressions(r: EvaluationReport): number {
  return Object.values(r.comparison ?? {}).filter((c) => c.verdict === 'worse').length;
}
