/**
 * Percentile bootstrap, Poisson flavour (Hanley & MacGibbon 2006; Chamandy et al. 2012): in each
 * resample every row gets an independent Poisson(1) weight instead of a multinomial count of n
 * draws. The weights have the multinomial's mean and (as n grows) its covariance, so intervals
 * agree with the classic bootstrap (test/fixtures/bootstrap checks them against a scikit-learn
 * multinomial bootstrap, and their coverage); unlike the multinomial, rows need no shared total,
 * so weights are written in one sequential pass and resamples split across threads.
 *
 * Resample b draws from the seed's stream jumped b times (2^64 draws apart), so a seed gives the
 * same intervals whichever thread computes which resample. Every metric engine of the evaluation
 * (candidate, baseline, every slice) is evaluated on the SAME weights, so all intervals and paired
 * differences share the draws and no engine copies or re-sorts rows per resample. A resample where
 * a metric is undefined (e.g. AUC with one class drawn) is left out of that metric's interval.
 */
import type { MetricEngine } from '../metrics/engine.js';
import { Xoshiro128 } from './prng.js';
import { quantilesOfSorted, sortedFinite } from './quantile.js';

/**
 * Poisson(1) by inversion of a 32-bit uniform u: the weight is the least k with u < T[k], where
 * T[k] = floor(P(X ≤ k) · 2^32) (exact integers, computed with 60-digit decimals; the last is
 * 2^32), so weights are at most 12 (P(X > 12) < 2^-32). Integers, so make_reference.py replays
 * the same weights.
 */
const POISSON_T = Float64Array.from([
  1580030168, 3160060337, 3950075421, 4213413783, 4279248373, 4292415291, 4294609777, 4294923276,
  4294962463, 4294966817, 4294967252, 4294967292, 4294967296,
]);

/** Weight by the top 16 bits of u where the whole 2^16-wide bucket maps to one weight, else 255. */
const POISSON_TOP16 = (() => {
  const table = new Uint8Array(65536);
  const weightOf = (u: number): number => {
    let k = 0;
    while (u >= POISSON_T[k]!) k++;
    return k;
  };
  for (let h = 0; h < 65536; h++) {
    const lo = weightOf(h * 65536);
    table[h] = lo === weightOf(h * 65536 + 65535) ? lo : 255;
  }
  return table;
})();

/**
 * Fills `weights` with independent Poisson(1) draws from `rng`, one 32-bit draw per row. The
 * xoshiro128** step is inlined on local state (the same arithmetic as Xoshiro128.nextUint32, so
 * the same draws): it makes the loop three times faster than a method call per row.
 */
export function drawPoissonWeights(rng: Xoshiro128, weights: Uint8Array): void {
  const top = POISSON_TOP16;
  const t = POISSON_T;
  const state = new Int32Array(4);
  rng.state(state);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    const x = Math.imul(s1, 5);
    const u = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= shifted;
    s3 = (s3 << 11) | (s3 >>> 21);
    let k = top[u >>> 16] as number;
    if (k === 255) {
      k = 0;
      while (u >= (t[k] as number)) k++;
    }
    weights[i] = k;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.setState(state);
}

/** Resamples `from` (inclusive) to `to` (exclusive) of a bootstrap: a slice of the work. */
export interface ResampleRange {
  from: number;
  to: number;
}

/**
 * Runs the resamples of `range` (default: all) over `n` rows; returns per engine a
 * (resamples in range) × names matrix (row-major) of metric values.
 */
export function bootstrapEngines(
  n: number,
  engines: readonly MetricEngine[],
  opts: { resamples: number; seed: number },
  range: ResampleRange = { from: 0, to: opts.resamples },
): Float64Array[] {
  const streams = new Xoshiro128(opts.seed);
  for (let b = 0; b < range.from; b++) streams.jump();
  const weights = new Uint8Array(n);
  const count = range.to - range.from;
  const out = engines.map((e) => new Float64Array(count * e.names.length));
  for (let b = 0; b < count; b++) {
    drawPoissonWeights(streams.clone(), weights);
    streams.jump();
    engines.forEach((e, k) => {
      const m = e.names.length;
      e.compute(weights, (out[k] as Float64Array).subarray(b * m, (b + 1) * m));
    });
  }
  return out;
}

/** Even split of `resamples` into `parts` contiguous ranges (the first ones one longer). */
export function splitResamples(resamples: number, parts: number): ResampleRange[] {
  const out: ResampleRange[] = [];
  let from = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(resamples / parts) + (p < resamples % parts ? 1 : 0);
    if (size > 0) out.push({ from, to: from + size });
    from += size;
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
