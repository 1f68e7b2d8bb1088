import type { EvaluationReport, MetricValue } from './evaluation-report.js';
import { lastSegment } from './direction.js';
import type { MetricScalar } from './flatten.js';
import type { MetricRow } from './metric-diff.js';

/**
 * Which metrics the comment shows in its table, which it collapses, and which it leaves out as
 * exact duplicates. The primary metric leads; `comment.metrics` names the rest of the table, or by
 * default the table holds the metrics the gates read; a metric that got significantly worse is
 * always in the table. Everything else goes to the collapsed details.
 */
export interface MetricSelection {
  primary: string | undefined;
  /** Table rows in order: the primary first. */
  shown: string[];
  /** Collapsed rows. */
  more: string[];
  duplicates: Duplicate[];
}

export interface Duplicate {
  name: string;
  of: string;
  why: string;
}

/**
 * Metrics equal to another by definition (same value on any rows): weighted recall is
 * Σ_k (n_k / n) · TP_k / n_k = Σ_k TP_k / n, which is accuracy.
 */
export const SAME_BY_DEFINITION: Record<string, string> = { recall_weighted: 'accuracy' };

const sameInterval = (a?: [number, number], b?: [number, number]) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

function sameMetric(a: MetricValue | undefined, b: MetricValue | undefined, needCi: boolean) {
  if (!a || !b) return a === b;
  if (a.value !== b.value) return false;
  return needCi ? sameInterval(a.ci, b.ci) : a.ci === b.ci || sameInterval(a.ci, b.ci);
}

/**
 * Exact duplicates among the report's metrics: equal by definition with equal values, or (for any
 * two metrics) equal value and equal interval on the same rows, for the candidate and the baseline.
 * The one kept is the primary or a listed metric, else the one that comes first.
 */
export function findDuplicates(r: EvaluationReport, keep: Set<string>): Duplicate[] {
  const names = Object.keys(r.metrics);
  const same = (a: string, b: string, needCi: boolean) =>
    sameMetric(r.metrics[a], r.metrics[b], needCi) &&
    sameMetric(r.baseline_metrics?.[a], r.baseline_metrics?.[b], needCi);
  const out: Duplicate[] = [];
  const dropped = new Set<string>();
  for (let j = 0; j < names.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [names[i]!, names[j]!];
      if (dropped.has(a) || dropped.has(b)) continue;
      const defined = SAME_BY_DEFINITION[b] === a || SAME_BY_DEFINITION[a] === b;
      if (!same(a, b, !defined)) continue;
      const [kept, gone] = keep.has(b) && !keep.has(a) ? [b, a] : [a, b];
      dropped.add(gone);
      out.push({
        name: gone,
        of: kept,
        why: defined
          ? `${gone} equals ${kept} by definition`
          : `${gone} has the same value and interval as ${kept} on the same rows`,
      });
    }
  }
  return out;
}

/** `name` or a key whose last segment is `name` (primary_metric: roc_auc matches eval.roc_auc). */
export function resolveMetricName(names: readonly string[], name: string): string | undefined {
  return names.includes(name) ? name : names.find((k) => lastSegment(k) === name);
}

export function selectMetrics(
  r: EvaluationReport,
  opts: { primary?: string; listed?: string[]; worse: Set<string> },
): MetricSelection {
  const names = [...Object.keys(r.metrics)];
  for (const n of Object.keys(r.baseline_metrics ?? {})) if (!names.includes(n)) names.push(n);
  const primary = opts.primary ? resolveMetricName(names, opts.primary) : undefined;
  const listed = (opts.listed ?? [])
    .map((n) => resolveMetricName(names, n))
    .filter((n): n is string => n !== undefined);
  const gated = new Set(
    (r.gates?.results ?? []).map((g) => g.metric).filter((m): m is string => !!m),
  );
  const wanted = new Set<string>(opts.listed ? listed : names.filter((n) => gated.has(n)));
  const duplicates = findDuplicates(r, new Set([...(primary ? [primary] : []), ...listed]));
  const gone = new Set(duplicates.map((d) => d.name));
  const inTable = (n: string) => n !== primary && (wanted.has(n) || opts.worse.has(n));
  const order = opts.listed ? [...listed, ...names.filter((n) => !listed.includes(n))] : names;
  const shown = [...(primary ? [primary] : []), ...order.filter((n) => !gone.has(n) && inTable(n))];
  const more = names.filter((n) => !gone.has(n) && n !== primary && !inTable(n));
  return { primary, shown, more, duplicates };
}

/** Metrics-file rows in the same shape: the primary first, listed rows in the table, the rest collapsed. */
export interface RowSelection {
  primary: MetricRow | undefined;
  /** Every row kept, the primary first (duplicates left out). */
  rows: MetricRow[];
  /** Rows for the collapsed section (only when `listed` is given). */
  more: MetricRow[];
  duplicates: Duplicate[];
}

const sameScalar = (a: MetricScalar | undefined, b: MetricScalar | undefined) => Object.is(a, b);

function sides(r: MetricRow): [MetricScalar | undefined, MetricScalar | undefined] {
  return r.kind === 'added'
    ? [undefined, r.head]
    : r.kind === 'removed'
      ? [r.base, undefined]
      : [r.base, r.head];
}

export function selectRows(
  all: MetricRow[],
  opts: { primary?: string; listed?: string[] },
): RowSelection {
  const keys = all.map((r) => r.key);
  const primaryKey = opts.primary ? resolveMetricName(keys, opts.primary) : undefined;
  const byKey = new Map(all.map((r) => [r.key, r]));
  // Files carry no intervals: only metrics equal by definition (same prefix) count as duplicates.
  const duplicates: Duplicate[] = [];
  for (const r of all) {
    const last = lastSegment(r.key);
    const of = SAME_BY_DEFINITION[last];
    if (!of || r.key === primaryKey) continue;
    const twinKey = r.key.slice(0, r.key.length - last.length) + of;
    const twin = byKey.get(twinKey);
    if (!twin) continue;
    const [a, b] = sides(r);
    const [c, d] = sides(twin);
    if (sameScalar(a, c) && sameScalar(b, d))
      duplicates.push({
        name: r.key,
        of: twinKey,
        why: `${r.key} equals ${twinKey} by definition`,
      });
  }
  const gone = new Set(duplicates.map((d) => d.name));
  const primary = primaryKey ? byKey.get(primaryKey) : undefined;
  const rows = [
    ...(primary ? [primary] : []),
    ...all.filter((r) => r !== primary && !gone.has(r.key)),
  ];
  if (!opts.listed) return { primary, rows, more: [], duplicates };
  const listed = new Set(
    opts.listed.map((n) => resolveMetricName(keys, n)).filter((k): k is string => !!k),
  );
  const inTable = (r: MetricRow) =>
    r === primary || listed.has(r.key) || (r.kind === 'numeric' && r.verdict === 'worse');
  return { primary, rows: rows.filter(inTable), more: rows.filter((r) => !inTable(r)), duplicates };
}
