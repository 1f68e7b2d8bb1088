/**
 * Probabilities as exporters compute them: in float32. A random forest's class weights (1/n_trees
 * each) add up to 1.0000001 on a row where every tree agrees, and skl2onnx's binary trees give
 * 1 − that = −1.2e−7 for the other class; a softmax row sums to 1 within a few ulps. Values within
 * PROBABILITY_TOLERANCE of [0, 1], in rows that sum to 1 within it, are float32 rounding: they are
 * clipped to [0, 1] for the metrics. Anything further off is not a probability (logits, scores,
 * unnormalised one-vs-rest outputs) and is refused with the row, the class and the value.
 */

/**
 * 1e-5: two orders of magnitude above float32 rounding of a sum of a few hundred terms near 1
 * (ulp(1) = 1.2e−7), far below any real departure from a probability.
 */
export const PROBABILITY_TOLERANCE = 1e-5;

export type ProbabilityProblem =
  | { kind: 'value'; row: number; column: number; value: number }
  | { kind: 'sum'; row: number; sum: number };

/**
 * Clips `proba` (n rows × k columns, row-major) into [0, 1] in place where it is off by float32
 * rounding only, and returns the first value or row sum that is off by more (`row` is 0-based in
 * `proba`). With `k` = 1 the values are P(positive class) and there is no row sum to check.
 */
export function clipProbabilities(
  proba: Float64Array | Float32Array,
  k: number,
  tolerance = PROBABILITY_TOLERANCE,
): ProbabilityProblem | undefined {
  const n = k > 0 ? Math.floor(proba.length / k) : 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = proba[i * k + j]!;
      if (!(v >= -tolerance && v <= 1 + tolerance))
        return { kind: 'value', row: i, column: j, value: v };
      sum += v;
    }
    if (k > 1 && Math.abs(sum - 1) > tolerance) return { kind: 'sum', row: i, sum };
    for (let j = 0; j < k; j++) {
      const v = proba[i * k + j]!;
      if (v < 0) proba[i * k + j] = 0;
      else if (v > 1) proba[i * k + j] = 1;
    }
  }
  return undefined;
}

/** One probability clipped into [0, 1] when off by float32 rounding only; NaN when further off. */
export function clipProbability(v: number, tolerance = PROBABILITY_TOLERANCE): number {
  if (!(v >= -tolerance && v <= 1 + tolerance)) return NaN;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
