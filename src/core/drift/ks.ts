import { kolmogorovSmirnovSf } from './kolmogorov.js';

/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as scipy 1.10's `ks_2samp`: the statistic is the
 * largest ECDF gap over the pooled points (ties handled), the p-value exact (lattice paths, no tie
 * correction) when max(n1, n2) <= 10000 and otherwise `kstwo.sf(d, round(n1 n2 / (n1 + n2)))`.
 */
export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsResult {
  statistic: number;
  pValue: number;
  /** The method that produced the p-value ('exact' falls back to 'asymp' as scipy does). */
  method: 'exact' | 'asymp';
}

/** scipy's MAX_AUTO_N: above it the exact path count is not attempted in 'auto' mode. */
export const KS_MAX_AUTO_N = 10000;

/** Largest |ECDF_a - ECDF_b|; both inputs sorted ascending, no NaN. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = 0;
  let minS = 0;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || (a[i] as number) <= (b[j] as number)) ? a[i] : b[j];
    while (i < n1 && (a[i] as number) <= (v as number)) i++;
    while (j < n2 && (b[j] as number) <= (v as number)) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  }
  return Math.max(Math.min(-minS, 1), maxS);
}

export function ks2Samp(
  sortedA: ArrayLike<number>,
  sortedB: ArrayLike<number>,
  method: KsMethod = 'auto',
): KsResult {
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp needs two non-empty samples');
  let d = ksStatistic(sortedA, sortedB);
  const mode = method === 'auto' ? (Math.max(n1, n2) <= KS_MAX_AUTO_N ? 'exact' : 'asymp') : method;
  if (mode === 'exact') {
    const exact = exactTwoSided(n1, n2, d);
    d = exact.d;
    if (exact.ok) return { statistic: d, pValue: clip01(exact.p), method: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  return {
    statistic: d,
    pValue: clip01(kolmogorovSmirnovSf(roundHalfEven(en), d)),
    method: 'asymp',
  };
}

function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** scipy `_attempt_exact_2kssamp`, two-sided: d snapped to h / lcm(n1, n2). */
export function exactTwoSided(
  n1: number,
  n2: number,
  d: number,
): { ok: boolean; d: number; p: number } {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = h / lcm;
  if (h === 0) return { ok: true, d: snapped, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  return { ok: Number.isFinite(p) && p >= 0 && p <= 1, d: snapped, p };
}

/** P(D_{n,n} >= h/n) by the alternating series in Horner form (scipy `_compute_prob_outside_square`). */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * 1 - (share of lattice paths staying strictly inside |x/m - y/n| < h/lcm), by Viehmann's
 * recursion for 1-p (scipy `_compute_outer_prob_inside_method`); one sliding column of floats.
 */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let k = minj; k < maxj && k < lenA; k++) A[k] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
  }
  return A[maxj - minj - 1] as number;
}
