import { normalSf } from '../stats/special.js';

/**
 * Two-proportion z-test (Evidently's `z` stattest for binary columns): pooled proportion, two-sided
 * p = 2 P(Z > |z|). `refHits`/`curHits` count one of the two labels on each side.
 */
export function proportionZTest(
  refHits: number,
  nRef: number,
  curHits: number,
  nCur: number,
): { statistic: number; pValue: number } {
  const p1 = refHits / nRef;
  const p2 = curHits / nCur;
  const pooled = (p1 * nRef + p2 * nCur) / (nRef + nCur);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
  // Both sides constant on the same label: identical, p = 1 (Evidently's special case).
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
