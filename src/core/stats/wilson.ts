import { normalSf } from './special.js';

/** The standard normal quantile z with P(Z > z) = tail, by bisection on normalSf (to 1e-12). */
export function normalUpperQuantile(tail: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (normalSf(mid) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Wilson score interval of a proportion `hits / n` at `confidence` (scipy's
 * binomtest(hits, n).proportion_ci(confidence, method='wilson')); undefined for n = 0.
 */
export function wilsonInterval(
  hits: number,
  n: number,
  confidence: number,
): [number, number] | undefined {
  if (n === 0) return undefined;
  const z = normalUpperQuantile((1 - confidence) / 2);
  const p = hits / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
