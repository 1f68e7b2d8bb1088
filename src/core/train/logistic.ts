import { robustSolve } from './linalg.js';
import { applyScaling, fitScaling } from './standardize.js';

/**
 * L2-regularised logistic regression, binary or multinomial, with scikit-learn's objective
 * `0.5·‖W‖² + C·Σ log-loss` (intercepts unpenalised) on standardised features, solved by Newton's
 * method with a backtracking line search: no randomness, so the same data gives the same weights.
 * The standardisation is folded back, so the weights apply to raw features.
 */
export interface LogisticOptions {
  /** Inverse regularisation strength, as scikit-learn's `C` (default 1). */
  C?: number;
  maxIter?: number;
  /** Stop when the largest gradient entry is below this (default 1e-9). */
  tol?: number;
}

export interface LogisticFit {
  /** Raw-feature weights: 1 row for binary (the positive class), k rows for multinomial. */
  coef: number[][];
  intercept: number[];
  iterations: number;
  converged: boolean;
  /** Final objective value (standardised space). */
  objective: number;
}

/** x: n × d row-major; y: class index 0..k-1 per row; k ≥ 2. */
export function fitLogistic(
  x: Float64Array,
  y: Int32Array,
  n: number,
  d: number,
  k: number,
  opts: LogisticOptions = {},
): LogisticFit {
  const C = opts.C ?? 1;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-9;
  const scaling = fitScaling(x, n, d);
  const z = applyScaling(x, n, d, scaling);
  const K = k === 2 ? 1 : k;
  const q = d + 1;
  const P = K * q;
  let theta = new Float64Array(P);

  const scores = new Float64Array(K);
  const prob = new Float64Array(K);
  // Probabilities of the K modelled outputs for row i; returns the row's log-loss.
  const rowLoss = (t: Float64Array, i: number): number => {
    const row = i * d;
    for (let a = 0; a < K; a++) {
      let s = t[a * q + d]!;
      for (let j = 0; j < d; j++) s += t[a * q + j]! * z[row + j]!;
      scores[a] = s;
    }
    if (K === 1) {
      const s = scores[0]!;
      prob[0] = 1 / (1 + Math.exp(-s));
      const softplus = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
      return softplus - (y[i] === 1 ? s : 0);
    }
    let max = -Infinity;
    for (let a = 0; a < K; a++) max = Math.max(max, scores[a]!);
    let sum = 0;
    for (let a = 0; a < K; a++) sum += prob[a] = Math.exp(scores[a]! - max);
    for (let a = 0; a < K; a++) prob[a]! /= sum;
    return max + Math.log(sum) - scores[y[i]!]!;
  };
  const objective = (t: Float64Array): number => {
    let f = 0;
    for (let a = 0; a < K; a++) for (let j = 0; j < d; j++) f += 0.5 * t[a * q + j]! ** 2;
    let loss = 0;
    for (let i = 0; i < n; i++) loss += rowLoss(t, i);
    return f + C * loss;
  };

  let f = objective(theta);
  let iterations = 0;
  let converged = false;
  const grad = new Float64Array(P);
  const hess = new Float64Array(P * P);
  const xt = new Float64Array(q);
  xt[d] = 1;
  for (; iterations < maxIter; iterations++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      rowLoss(theta, i);
      for (let j = 0; j < d; j++) xt[j] = z[i * d + j]!;
      for (let a = 0; a < K; a++) {
        const r = C * (prob[a]! - (K === 1 ? (y[i] === 1 ? 1 : 0) : y[i] === a ? 1 : 0));
        for (let j = 0; j < q; j++) grad[a * q + j]! += r * xt[j]!;
        for (let b = a; b < K; b++) {
          const w =
            C * (K === 1 ? prob[0]! * (1 - prob[0]!) : prob[a]! * ((a === b ? 1 : 0) - prob[b]!));
          if (w === 0) continue;
          // Upper triangle of the (a, b) block, mirrored after the pass.
          for (let j = 0; j < q; j++) {
            const wj = w * xt[j]!;
            const base = (a * q + j) * P + b * q;
            for (let l = a === b ? j : 0; l < q; l++) hess[base + l]! += wj * xt[l]!;
          }
        }
      }
    }
    for (let a = 0; a < K; a++)
      for (let j = 0; j < d; j++) {
        grad[a * q + j]! += theta[a * q + j]!;
        hess[(a * q + j) * P + a * q + j]! += 1;
      }
    for (let r = 0; r < P; r++) for (let c = 0; c < r; c++) hess[r * P + c] = hess[c * P + r]!;

    let gmax = 0;
    for (let r = 0; r < P; r++) gmax = Math.max(gmax, Math.abs(grad[r]!));
    if (gmax <= tol) {
      converged = true;
      break;
    }
    const step = robustSolve(hess, grad, P);
    let slope = 0;
    for (let r = 0; r < P; r++) slope -= grad[r]! * step[r]!;
    let t = 1;
    let next = theta;
    let fNext = f;
    for (let ls = 0; ls < 50; ls++) {
      next = theta.map((v, r) => v - t * step[r]!);
      fNext = objective(next);
      if (fNext <= f + 1e-4 * t * slope) break;
      t /= 2;
    }
    if (!(fNext < f) && Math.abs(slope) < 1e-14 * Math.max(1, Math.abs(f))) {
      converged = true;
      break;
    }
    theta = next;
    f = fNext;
  }

  if (K > 1) {
    // Softmax is unchanged by a shared shift of the intercepts; centre them as scikit-learn does.
    let mean = 0;
    for (let a = 0; a < K; a++) mean += theta[a * q + d]! / K;
    for (let a = 0; a < K; a++) theta[a * q + d]! -= mean;
  }
  const coef: number[][] = [];
  const intercept: number[] = [];
  for (let a = 0; a < K; a++) {
    const row: number[] = [];
    let b = theta[a * q + d]!;
    for (let j = 0; j < d; j++) {
      const w = theta[a * q + j]! / scaling.scale[j]!;
      row.push(w);
      b -= w * scaling.mean[j]!;
    }
    coef.push(row);
    intercept.push(b);
  }
  return { coef, intercept, iterations, converged, objective: f };
}

/** Class probabilities (n × k, row-major) of a raw-feature fit, in float64. */
export function predictLogistic(
  fit: Pick<LogisticFit, 'coef' | 'intercept'>,
  x: Float64Array,
  n: number,
  d: number,
): Float64Array {
  const K = fit.coef.length;
  const k = K === 1 ? 2 : K;
  const out = new Float64Array(n * k);
  const s = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < K; a++) {
      let v = fit.intercept[a]!;
      for (let j = 0; j < d; j++) v += fit.coef[a]![j]! * x[i * d + j]!;
      s[a] = v;
    }
    if (K === 1) {
      const p = 1 / (1 + Math.exp(-s[0]!));
      out[i * 2] = 1 - p;
      out[i * 2 + 1] = p;
    } else {
      let max = -Infinity;
      for (let a = 0; a < K; a++) max = Math.max(max, s[a]!);
      let sum = 0;
      for (let a = 0; a < K; a++) sum += out[i * k + a] = Math.exp(s[a]! - max);
      for (let a = 0; a < K; a++) out[i * k + a]! /= sum;
    }
  }
  return out;
}
