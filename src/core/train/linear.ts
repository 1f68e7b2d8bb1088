import { robustSolve } from './linalg.js';
import { fitScaling } from './standardize.js';

/**
 * Least squares with an optional L2 penalty, as scikit-learn's `LinearRegression` (alpha 0) and
 * `Ridge(alpha)`: `‖y - Xw - b‖² + alpha·‖w‖²` on raw features, intercept unpenalised. Closed form
 * on centred, scaled columns (better conditioned), mapped back to raw features.
 */
export interface LinearFit {
  coef: number[];
  intercept: number;
}

export function fitLinear(
  x: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  alpha = 0,
): LinearFit {
  const { mean, scale } = fitScaling(x, n, d);
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += (y[i]! - yMean) / (i + 1);
  // Z = (X - mean) / scale; solve (ZᵀZ + alpha·S⁻²) v = Zᵀ(y - ȳ), w = v / scale.
  const a = new Float64Array(d * d);
  const b = new Float64Array(d);
  const zi = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) zi[j] = (x[i * d + j]! - mean[j]!) / scale[j]!;
    const r = y[i]! - yMean;
    for (let j = 0; j < d; j++) {
      b[j]! += zi[j]! * r;
      for (let l = j; l < d; l++) a[j * d + l]! += zi[j]! * zi[l]!;
    }
  }
  for (let j = 0; j < d; j++) {
    a[j * d + j]! += alpha / scale[j]! ** 2;
    for (let l = 0; l < j; l++) a[j * d + l] = a[l * d + j]!;
  }
  const v = robustSolve(a, b, d);
  const coef = Array.from(v, (vj, j) => vj / scale[j]!);
  let intercept = yMean;
  for (let j = 0; j < d; j++) intercept -= coef[j]! * mean[j]!;
  return { coef, intercept };
}
