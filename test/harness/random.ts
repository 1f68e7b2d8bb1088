/**
 * mulberry32: a seeded PRNG in [0, 1) with 32-bit integer steps, for test and bench data that must
 * be the same on every run. (A float-arithmetic LCG loses low bits and cycles after ~10k draws.)
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
