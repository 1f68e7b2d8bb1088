/**
 * Ascending in-place sort of a Float64Array prefix by LSD radix over the IEEE-754 bits (8 passes of
 * 8 bits; a pass whose byte is the same everywhere is skipped). About 1.5x faster than the native
 * TypedArray sort on the 10k-item buffers the quantile sketch compacts, where sorting dominated the
 * profile. Order: -Infinity < negatives < -0 < 0 < positives < Infinity (as the native sort; the
 * sketch never holds NaN).
 */
export class Float64Sorter {
  private scratch: Uint32Array = new Uint32Array(0);
  private readonly counts = new Uint32Array(256);

  sort(a: Float64Array, n: number = a.length): void {
    if (n < 64) {
      a.subarray(0, n).sort();
      return;
    }
    const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
    if (this.scratch.length < n * 2) this.scratch = new Uint32Array(n * 2);
    // Sortable keys: flip every bit of negatives, only the sign bit of the rest (little-endian words).
    for (let i = 1; i < 2 * n; i += 2) {
      const hi = words[i]!;
      if (hi & 0x80000000) {
        words[i] = ~hi;
        words[i - 1] = ~words[i - 1]!;
      } else words[i] = hi | 0x80000000;
    }
    let src: Uint32Array = words;
    let dst: Uint32Array = this.scratch;
    const counts = this.counts;
    for (let pass = 0; pass < 8; pass++) {
      const word = pass >> 2;
      const shift = (pass & 3) * 8;
      counts.fill(0);
      for (let i = word; i < 2 * n; i += 2) counts[(src[i]! >>> shift) & 255]!++;
      let sum = 0;
      let single = false;
      for (let b = 0; b < 256; b++) {
        const c = counts[b]!;
        if (c === n) single = true;
        counts[b] = sum;
        sum += c;
      }
      if (single) continue;
      for (let i = 0; i < n; i++) {
        const lo = src[2 * i]!;
        const hi = src[2 * i + 1]!;
        const o = counts[((word ? hi : lo) >>> shift) & 255]!++;
        dst[2 * o] = lo;
        dst[2 * o + 1] = hi;
      }
      const t = src;
      src = dst;
      dst = t;
    }
    if (src !== words) words.set(src.subarray(0, 2 * n));
    for (let i = 1; i < 2 * n; i += 2) {
      const hi = words[i]!;
      if (hi & 0x80000000) words[i] = hi & 0x7fffffff;
      else {
        words[i] = ~hi;
        words[i - 1] = ~words[i - 1]!;
      }
    }
  }
}
