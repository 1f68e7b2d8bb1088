/**
 * Percentile bootstrap. One resample = n row draws with replacement (xoshiro128**), kept as a
 * count per row; every metric engine of the evaluation (candidate, baseline, every slice) is
 * evaluated on the SAME counts, so all intervals and paired differences share the draws and no
 * engine copies or re-sorts rows per resample. A resample where a metric is undefined (e.g. AUC
 * with one class drawn) is left out of that metric's interval.
 */
import type { MetricEngine } from '../metrics/engine.js';
import { Xoshiro128 } from './prng.js';
import { quantilesOfSorted, sortedFinite } from './quantile.js';

/** Replaces `counts` with the draw counts of one resample of `counts.length` rows. */
export function drawCounts(rng: Xoshiro128, counts: Int32Array): void {
  const n = counts.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const j = rng.nextInt(n);
    counts[j] = (counts[j] as number) + 1;
  }
}

/**
 * Runs `resamples` resamples of `n` rows; returns per engine a resamples × names matrix
 * (row-major) of metric values.
 */
export function bootstrapEngines(
  n: number,
  engines: readonly MetricEngine[],
  opts: { resamples: number; seed: number },
): Float64Array[] {
  const rng = new Xoshiro128(opts.seed);
  const counts = new Int32Array(n);
  const out = engines.map((e) => new Float64Array(opts.resamples * e.names.length));
  for (let b = 0; b < opts.resamples; b++) {
    drawCounts(rng, counts);
    engines.forEach((e, k) => {
      const m = e.names.length;
      e.compute(counts, (out[k] as Float64Array).subarray(b * m, (b + 1) * m));
    });
  }
  return out;
}

/** Column `j` of a row-major matrix with `width` columns. */
export function column(matrix: Float64Array, width: number, j: number): Float64Array {
  const rows = matrix.length / width;
  const out = new Float64Array(rows);
  for (let b = 0; b < rows; b++) out[b] = matrix[b * width + j] as number;
  return out;
}

/** Central percentile interval at `confidence` (numpy 'linear' quantiles); undefined if no values. */
export function percentileInterval(
  values: Float64Array,
  confidence: number,
): [number, number] | undefined {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return undefined;
  const [lo, hi] = quantilesOfSorted(sorted, [(1 - confidence) / 2, 1 - (1 - confidence) / 2]);
  return [lo as number, hi as number];
}

/**
 * Two-sided paired-bootstrap p-value for "candidate − baseline = 0": twice the smaller share of
 * resampled differences on either side of 0, each with the +1 correction (Davison & Hinkley),
 * p = min(1, 2·min(#{δ ≤ 0} + 1, #{δ ≥ 0} + 1) / (B + 1)), B = resamples with a defined δ.
 * Never below 2/(B+1); 1 when the models agree on every resample.
 */
export function pairedBootstrapPValue(deltas: Float64Array): number {
  let b = 0;
  let le = 0;
  let ge = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i] as number;
    if (!Number.isFinite(d)) continue;
    b++;
    if (d <= 0) le++;
    if (d >= 0) ge++;
  }
  if (b === 0) return 1;
  return Math.min(1, (2 * Math.min(le + 1, ge + 1)) / (b + 1));
}
