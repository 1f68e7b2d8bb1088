/** Dense symmetric positive-definite solves for the built-in trainers (small p: features + 1). */

/** Solves A x = b for symmetric positive-definite A (p × p, row-major) by Cholesky; null if not SPD. */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / l[j * p + j]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** Solves with a growing diagonal jitter when A is only semi-definite (collinear features). */
export function robustSolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  let trace = 0;
  for (let i = 0; i < p; i++) trace += a[i * p + i]!;
  let jitter = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    const m = jitter === 0 ? a : a.slice();
    if (jitter) for (let i = 0; i < p; i++) m[i * p + i]! += jitter;
    const x = choleskySolve(m, b, p);
    if (x) return x;
    jitter = jitter === 0 ? Math.max(1e-12, (1e-12 * trace) / p) : jitter * 10;
  }
  throw new Error('linear system is singular');
}
