/**
 * Canary routing: which of two versions answers a request. With a request id the choice is a
 * point in [0, 1) derived from a well-mixed hash of the id (serve/routing-point.ts: SHA-256), so
 * the same id always lands on the same version and any id scheme, sequential ones included, splits
 * at the weight within binomial noise; without one, a sequence counter spreads requests so the
 * share matches the weight exactly.
 */

/** True when the request goes to the canary. `weight` is the canary's share in [0, 1]. */
export function routesToCanary(
  weight: number,
  point: number | undefined,
  sequence: number,
): boolean {
  if (weight <= 0) return false;
  if (weight >= 1) return true;
  if (point !== undefined) return point < weight;
  // Request n goes to the canary when floor((n+1)w) steps past floor(nw): exactly w of any prefix.
  return Math.floor((sequence + 1) * weight) > Math.floor(sequence * weight);
}
