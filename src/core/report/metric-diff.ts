import { metricDirection, type Direction } from './direction.js';
import type { FlatMetrics, MetricScalar } from './flatten.js';

export type Verdict = 'better' | 'worse' | 'unchanged';

export interface DiffOptions {
  directions?: Record<string, Direction>;
  /** Absolute change at or below which a metric is unchanged. */
  tolerance?: number;
  /** Change relative to |base| at or below which a metric is unchanged. */
  relativeTolerance?: number;
}

export type MetricRow =
  | {
      kind: 'numeric';
      key: string;
      base: number;
      head: number;
      delta: number;
      /** delta / |base|; null when base is 0. */
      relative: number | null;
      direction: Direction | undefined;
      /** undefined: it changed but the direction is unknown. */
      verdict: Verdict | undefined;
    }
  | { kind: 'text'; key: string; base: MetricScalar; head: MetricScalar; changed: boolean }
  | { kind: 'added'; key: string; head: MetricScalar }
  | { kind: 'removed'; key: string; base: MetricScalar };

export function isNumber(v: MetricScalar | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Unchanged when |delta| is within the larger of the absolute tolerance and the relative tolerance
 * times |base| (the `math.isclose` rule), else better or worse by the direction.
 */
export function verdictOf(
  base: number,
  head: number,
  direction: Direction | undefined,
  opts: DiffOptions = {},
): Verdict | undefined {
  const delta = head - base;
  const allowed = Math.max(opts.tolerance ?? 0, (opts.relativeTolerance ?? 0) * Math.abs(base));
  if (Math.abs(delta) <= allowed) return 'unchanged';
  if (!direction) return undefined;
  return delta > 0 === (direction === 'higher') ? 'better' : 'worse';
}

/** One row per metric: head's keys in order, then metrics only the base has. */
export function diffMetrics(
  base: FlatMetrics,
  head: FlatMetrics,
  opts: DiffOptions = {},
): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const [key, h] of head) {
    if (!base.has(key)) {
      rows.push({ kind: 'added', key, head: h });
      continue;
    }
    const b = base.get(key)!;
    if (isNumber(b) && isNumber(h)) {
      const direction = metricDirection(key, opts.directions);
      rows.push({
        kind: 'numeric',
        key,
        base: b,
        head: h,
        delta: h - b,
        relative: b === 0 ? null : (h - b) / Math.abs(b),
        direction,
        verdict: verdictOf(b, h, direction, opts),
      });
    } else {
      rows.push({ kind: 'text', key, base: b, head: h, changed: !Object.is(b, h) });
    }
  }
  for (const [key, b] of base) if (!head.has(key)) rows.push({ kind: 'removed', key, base: b });
  return rows;
}

export function countVerdicts(rows: MetricRow[]): Record<Verdict | 'added' | 'removed', number> {
  const n = { better: 0, worse: 0, unchanged: 0, added: 0, removed: 0 };
  for (const r of rows) {
    if (r.kind === 'added') n.added++;
    else if (r.kind === 'removed') n.removed++;
    else if (r.kind === 'numeric' && r.verdict) n[r.verdict]++;
  }
  return n;
}
