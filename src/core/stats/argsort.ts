/**
 * Stable ascending argsort of doubles. Large arrays use an LSD radix sort on the IEEE-754 bits
 * (4 passes of 16 bits, O(n)), because comparator sorts of index arrays are ~10× slower at 1M rows.
 * NaN must not occur (callers validate); -0 sorts with 0.
 */
export function argsort(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 4096) return idx.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);

  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (values[i] as number) + 0; // -0 -> 0
  const words = new Uint32Array(keys.buffer); // little-endian: [lo, hi] per double
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1] as number;
    const l = words[2 * i] as number;
    // order-preserving map of doubles to unsigned: flip all bits of negatives, the sign of others
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let src = idx;
  let dst = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (const [word, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((word[i] as number) >>> shift) & 0xffff;
      count[d] = (count[d] as number) + 1;
    }
    if (count[((word[0] as number) >>> shift) & 0xffff] === n) continue; // all equal: no-op pass
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = src[i] as number;
      const d = ((word[j] as number) >>> shift) & 0xffff;
      const at = count[d] as number;
      dst[at] = j;
      count[d] = at + 1;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
