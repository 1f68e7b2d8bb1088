/**
 * Exact binomial probabilities for McNemar's test, accurate for large n: the pmf uses Loader's
 * saddle-point form (stirlerr + bd0, as R's dbinom and scipy's boost backend), not lgamma
 * differences that lose digits when n is large.
 */

const LN_2PI = Math.log(2 * Math.PI);

/** Exact stirlerr(n) = ln(n!) − ln(√(2π n) (n/e)^n) for small half-integers. */
const SFERR_HALVES = [
  0.0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
  0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
  0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
  0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
  0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
  0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
  0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
  0.0057462165130101155, 0.005554733551962801,
];

function stirlerr(n: number): number {
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n <= 15) {
    const nn = n + n;
    if (nn === Math.floor(nn)) return SFERR_HALVES[nn] as number;
    return lgamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_2PI / 2;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** bd0(x, np) = x ln(x/np) + np − x, computed without cancellation. */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    const s0 = (x - np) * v;
    let s = s0;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** Lanczos lgamma, only used for non-half-integer n ≤ 15 in stirlerr (never hit for integers). */
function lgamma(x: number): number {
  const g = 7;
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  x -= 1;
  let a = c[0] as number;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (c[i] as number) / (x + i);
  return 0.5 * LN_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
export function binomialPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k < 0 || k > n) return 0;
  if (k === 0) return Math.exp(n * Math.log1p(-p));
  if (k === n) return Math.exp(n * Math.log(p));
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}

/** P(X ≤ k), summing the pmf downward from k with the exact term ratio. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = binomialPmf(k, n, p);
  let sum = term;
  const ratio = (1 - p) / p;
  for (let i = k; i > 0; i--) {
    term *= (i / (n - i + 1)) * ratio; // pmf(i-1) / pmf(i)
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/**
 * McNemar's exact test: two-sided binomial test of b successes in b + c discordant pairs at
 * p = 0.5, as scipy.stats.binomtest(b, b + c).pvalue (= statsmodels mcnemar(exact=True)).
 * 1 when there are no discordant pairs.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  if (b === c) return 1;
  return Math.min(1, 2 * binomialCdf(Math.min(b, c), n, 0.5));
}
