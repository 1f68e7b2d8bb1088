/**
 * Candidate vs baseline: one MetricComparison per metric both models have, on the same rows
 * (paired: evaluate, a shadow) or on different rows (independent: a canary split).
 */
import { directionOf, type Direction } from '../metrics/names.js';
import type { MetricComparison } from '../report/evaluation-report.js';
import { mcnemarExact } from '../stats/binomial.js';
import { pairedBootstrapPValue, percentileInterval } from '../stats/bootstrap.js';
import { significanceLevel } from '../stats/significance.js';
import { proportionZTest } from '../drift/z-test.js';

export interface ComparisonOptions {
  directions?: Record<string, Direction>;
  tolerance?: number;
  relativeTolerance?: number;
  confidence: number;
}

/** Counts of discordant pairs: b = only the candidate right, c = only the baseline right. */
export interface Discordance {
  b: number;
  c: number;
}

/** Accuracy-type metrics, compared with McNemar's exact test on the discordant pairs. */
export const MCNEMAR_METRICS: ReadonlySet<string> = new Set(['accuracy']);

export function compareMetric(
  metric: string,
  candidate: number,
  baseline: number,
  /** Paired bootstrap differences (candidate − baseline) per resample; empty without resamples. */
  deltas: Float64Array,
  discordance: Discordance | undefined,
  o: ComparisonOptions,
): MetricComparison {
  const useMcnemar = MCNEMAR_METRICS.has(metric) && discordance !== undefined;
  const p = useMcnemar
    ? mcnemarExact(discordance.b, discordance.c)
    : bootstrapP(deltas, candidate - baseline);
  return comparison(
    metric,
    candidate,
    baseline,
    deltas,
    useMcnemar ? 'mcnemar' : 'paired_bootstrap',
    p,
    o,
  );
}

/**
 * Candidate vs baseline on different rows (the two arms of a canary split): accuracy by the
 * pooled two-proportion z-test on the counts of right answers (scipy's chi2_contingency without
 * correction gives the same p), every other metric by the percentile bootstrap of the difference
 * of two independent resamplings (`deltas`, one per resample pair).
 */
export function compareIndependent(
  metric: string,
  candidate: number,
  baseline: number,
  deltas: Float64Array,
  rows: { candidate: number; baseline: number },
  o: ComparisonOptions,
): MetricComparison {
  if (MCNEMAR_METRICS.has(metric)) {
    const z = proportionZTest(
      Math.round(baseline * rows.baseline),
      rows.baseline,
      Math.round(candidate * rows.candidate),
      rows.candidate,
    );
    return comparison(metric, candidate, baseline, deltas, 'two_proportion_z', z.pValue, o);
  }
  const p = bootstrapP(deltas, candidate - baseline);
  return comparison(metric, candidate, baseline, deltas, 'two_sample_bootstrap', p, o);
}

function bootstrapP(deltas: Float64Array, delta: number): number {
  return deltas.length > 0 ? pairedBootstrapPValue(deltas) : delta === 0 ? 1 : NaN;
}

function comparison(
  metric: string,
  candidate: number,
  baseline: number,
  deltas: Float64Array,
  test: MetricComparison['test'],
  p: number,
  o: ComparisonOptions,
): MetricComparison {
  const direction = directionOf(metric, o.directions);
  const delta = candidate - baseline;
  const ci = deltas.length > 0 ? percentileInterval(deltas, o.confidence) : undefined;
  const significant = p < significanceLevel(o.confidence);
  const out: MetricComparison = {
    baseline,
    candidate,
    delta,
    relative_delta: baseline === 0 ? null : delta / Math.abs(baseline),
    test,
    p_value: p,
    significant,
    verdict: verdictOf(delta, baseline, direction, o, significant),
    direction,
  };
  if (ci) out.ci_delta = ci;
  return out;
}

/**
 * better or worse only when |Δ| is beyond the absolute and the relative tolerance AND the paired
 * test is significant; otherwise unchanged (the report shows the direction in Δ).
 */
export function verdictOf(
  delta: number,
  baseline: number,
  direction: Direction,
  o: { tolerance?: number; relativeTolerance?: number },
  significant: boolean,
): 'better' | 'worse' | 'unchanged' {
  const abs = Math.abs(delta);
  if (
    abs <= (o.tolerance ?? 0) ||
    abs <= (o.relativeTolerance ?? 0) * Math.abs(baseline) ||
    delta === 0 ||
    !significant
  ) {
    return 'unchanged';
  }
  return delta > 0 === (direction === 'higher') ? 'better' : 'worse';
}

/** McNemar counts over `rows` (all rows when null) from the two models' predicted labels. */
export function discordance(
  yTrue: Int32Array,
  candidate: Int32Array,
  baseline: Int32Array,
  rows: Uint32Array | null,
): Discordance {
  let b = 0;
  let c = 0;
  const n = rows ? rows.length : yTrue.length;
  for (let j = 0; j < n; j++) {
    const i = rows ? (rows[j] as number) : j;
    const y = yTrue[i];
    const cr = candidate[i] === y;
    const br = baseline[i] === y;
    if (cr && !br) b++;
    else if (br && !cr) c++;
  }
  return { b, c };
}
