/**
 * Quantile of the finite values, as numpy.quantile's default ('linear', type 7): position q·(m−1)
 * in the sorted values, interpolated. NaN when there are no finite values.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantilesOfSorted(sortedFinite(values), [q])[0] as number;
}

/** Finite values ascending (NaN and ±Infinity dropped). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let m = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) out[m++] = v;
  }
  return out.subarray(0, m).sort();
}

export function quantilesOfSorted(sorted: ArrayLike<number>, qs: number[]): number[] {
  return qs.map((q) => quantileOfSorted(sorted, q));
}

/** numpy `np.quantile(sorted, q)` with method 'linear', using numpy's `_lerp` rounding; NaN when empty. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  const pos = q * (m - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, m - 1);
  const frac = pos - lo;
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // numpy's _lerp: a + (b-a)·t, computed from the upper end when t ≥ 0.5
  return frac >= 0.5 ? b - (b - a) * (1 - frac) : a + (b - a) * frac;
}
