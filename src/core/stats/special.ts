/**
 * Special functions the drift tests need (log-gamma, regularised incomplete gamma for chi-square
 * p-values, the normal tail), accurate to ~1e-14 relative so p-values agree with scipy to 1e-9.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  if (Number.isInteger(x) && x <= 171) return Math.log(factorial(x - 1));
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS_G + 2; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const FACTORIALS: number[] = [1];
function factorial(n: number): number {
  for (let i = FACTORIALS.length; i <= n; i++) FACTORIALS[i] = FACTORIALS[i - 1]! * i;
  return FACTORIALS[n]!;
}

/** ln C(n, k). */
export function logBinomial(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  if (x < a + 1) return 1 - gammaPSeries(a, x);
  return gammaQContinuedFraction(a, x);
}

function gammaPSeries(a: number, x: number): number {
  let sum = 1 / a;
  let term = sum;
  for (let n = 1; n < 10000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

// Modified Lentz evaluation of the continued fraction for Γ(a, x).
function gammaQContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Survival function of the chi-square distribution with `dof` degrees of freedom. */
export function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return gammaQ(dof / 2, x / 2);
}

/** Complementary error function, ~1e-15 relative: series near 0, continued fraction beyond. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) return 1 - erfSmall(x);
  if (x > 27) return 0;
  // erfc(x) = exp(-x^2) / (sqrt(pi) f), f = x + (1/2)/(x + 1/(x + (3/2)/(x + ...))) (modified Lentz).
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let i = 1; i < 5000; i++) {
    const a = i / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

function erfSmall(x: number): number {
  // Maclaurin series: erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
  let sum = 0;
  let term = x;
  for (let n = 0; n < 60; n++) {
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Upper tail of the standard normal: P(Z > z). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Inverse of normalSf: the z with P(Z > z) = p, for 0 < p < 1 (scipy.stats.norm.isf). Abramowitz
 * and Stegun 26.2.23 as the start (error < 4.5e-4), then Halley steps on normalSf to ~1e-15.
 */
export function normalIsf(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? Infinity : p === 1 ? -Infinity : NaN;
  if (p > 0.5) return -normalIsf(1 - p);
  const t = Math.sqrt(-2 * Math.log(p));
  let z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 6; i++) {
    const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const f = normalSf(z) - p;
    // Halley's step for g(z) = normalSf(z) - p, g' = -pdf, g'' = z·pdf.
    const step = f / (-pdf - (f * z) / 2);
    z -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}
