/**
 * Canary routing: which of two versions answers a request. With a request id the choice is a
 * hash of the id (the same id always lands on the same version, so retries are consistent);
 * without one, a sequence counter spreads requests so the share matches the weight exactly.
 */

/** FNV-1a, 32 bits: stable across processes and platforms, enough spread for routing. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True when the request goes to the canary. `weight` is the canary's share in [0, 1]. */
export function routesToCanary(weight: number, id: string | undefined, sequence: number): boolean {
  if (weight <= 0) return false;
  if (weight >= 1) return true;
  if (id !== undefined && id !== '') return fnv1a32(id) / 2 ** 32 < weight;
  // Request n goes to the canary when floor((n+1)w) steps past floor(nw): exactly w of any prefix.
  return Math.floor((sequence + 1) * weight) > Math.floor(sequence * weight);
}
