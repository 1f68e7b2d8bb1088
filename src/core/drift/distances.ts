import { numpySum } from './numpy-sum.js';

/** Epsilon that replaces an exactly-zero bin share in PSI, on both sides, without renormalising. */
export const PSI_EPSILON = 1e-4;

/** Shares of a count vector (counts / total). */
export function proportions(counts: readonly number[]): number[] {
  const total = numpySum(counts);
  return counts.map((c) => c / total);
}

/** Population stability index over matching bins: sum (cur - ref) ln(cur / ref), zeros -> 1e-4. */
export function psi(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  const ref = proportions(referenceCounts).map((p) => (p === 0 ? PSI_EPSILON : p));
  const cur = proportions(currentCounts).map((p) => (p === 0 ? PSI_EPSILON : p));
  return numpySum(ref.map((r, i) => ((cur[i] as number) - r) * Math.log((cur[i] as number) / r)));
}

function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * scipy `spatial.distance.jensenshannon(p, q, base)`: sqrt of the JS divergence of the normalised
 * vectors; base e by default (Evidently), maximum sqrt(ln 2).
 */
export function jensenShannon(p0: readonly number[], q0: readonly number[], base?: number): number {
  const p = proportions(p0);
  const q = proportions(q0);
  const m = p.map((v, i) => (v + (q[i] as number)) / 2);
  const left = numpySum(p.map((v, i) => relEntr(v, m[i] as number)));
  const right = numpySum(q.map((v, i) => relEntr(v, m[i] as number)));
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}

/**
 * scipy `wasserstein_distance(u, v, u_weights, v_weights)` (1-D W1) on sorted values with optional
 * weights: the integral of |F_u - F_v| between consecutive pooled values.
 */
export function wassersteinDistance(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  uWeights?: ArrayLike<number>,
  vWeights?: ArrayLike<number>,
): number {
  const uTotal = uWeights ? numpySum(uWeights) : u.length;
  const vTotal = vWeights ? numpySum(vWeights) : v.length;
  return wassersteinSorted(u, v, uWeights, vWeights, uTotal, vTotal);
}

function wassersteinSorted(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  uw: ArrayLike<number> | undefined,
  vw: ArrayLike<number> | undefined,
  uTotal: number,
  vTotal: number,
): number {
  const n = u.length + v.length;
  const all = new Float64Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (i < u.length && (j >= v.length || (u[i] as number) <= (v[j] as number)))
      all[k] = u[i++] as number;
    else all[k] = v[j++] as number;
  }
  // searchsorted(all[k], 'right') on each side, as cumulative weight of values <= all[k].
  const terms = new Float64Array(Math.max(0, n - 1));
  let iu = 0;
  let iv = 0;
  let cu = 0;
  let cv = 0;
  for (let k = 0; k < n - 1; k++) {
    const x = all[k] as number;
    while (iu < u.length && (u[iu] as number) <= x) cu += uw ? (uw[iu++] as number) : (iu++, 1);
    while (iv < v.length && (v[iv] as number) <= x) cv += vw ? (vw[iv++] as number) : (iv++, 1);
    terms[k] = Math.abs(cu / uTotal - cv / vTotal) * ((all[k + 1] as number) - x);
  }
  return numpySum(terms);
}
