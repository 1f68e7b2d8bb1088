import { numpySum } from '../drift/numpy-sum.js';

/** numpy `np.std(x)` (ddof 0): two-pass, mean first, summed in numpy's order. */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  const mean = numpySum(values) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = ((values[i] as number) - mean) ** 2;
  return Math.sqrt(numpySum(sq) / n);
}
