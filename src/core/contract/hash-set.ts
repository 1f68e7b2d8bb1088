/**
 * Values and rows by a 64-bit hash (two murmur3-style 32-bit lanes with different seeds), and a set
 * of such hashes that remembers the first row each was seen in: uniqueness of an id column and the
 * rows two data sets share, in 12 bytes a distinct value (x2 for the open-addressing slack) instead
 * of the values themselves. Two different values collide with probability ~n^2 / 2^65: 3e-8 for a
 * million rows.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, k: number, c1: number, c2: number): number {
  k = Math.imul(k, c1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, c2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A running 64-bit hash of a sequence of values (one value, or the cells of a row). */
export class Hasher64 {
  a = 0;
  b = 0;

  reset(): this {
    this.a = 0x9747b28c;
    this.b = 0x5bd1e995;
    return this;
  }

  private word(k: number): void {
    this.a = mix(this.a, k, 0xcc9e2d51, 0x1b873593);
    this.b = mix(this.b, k, 0x85ebca77, 0xc2b2ae3d);
  }

  number(x: number): this {
    f64[0] = x === 0 ? 0 : x; // -0 and 0 are one value
    this.word(1);
    this.word(u32[0]!);
    this.word(u32[1]!);
    return this;
  }

  text(s: string): this {
    this.word(2);
    this.word(s.length);
    let i = 0;
    for (; i + 1 < s.length; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < s.length) this.word(s.charCodeAt(i));
    return this;
  }

  boolean(v: boolean): this {
    this.word(v ? 3 : 4);
    return this;
  }

  missing(): this {
    this.word(5);
    return this;
  }

  /** Finishes the hash into `a` and `b`; `reset()` before the next one. */
  done(): this {
    const a = this.a;
    this.a = fmix(a ^ this.b);
    this.b = fmix(this.b ^ Math.imul(a, 0x27d4eb2f));
    return this;
  }
}

export class HashRowSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** 1-based row of the first value with this hash; 0 = empty slot. */
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
  }

  /** Adds the hash with its row; returns 0 when it is new, else the row it was first seen in. */
  addOrFirst(a: number, b: number, row: number): number {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    const found = this.slot(a, b);
    if (this.rows[found] !== 0) return this.rows[found]!;
    this.hi[found] = a;
    this.lo[found] = b;
    this.rows[found] = row;
    this.size++;
    return 0;
  }

  /** The row the hash was first seen in, or 0. */
  firstRow(a: number, b: number): number {
    return this.rows[this.slot(a, b)]!;
  }

  private slot(a: number, b: number): number {
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    while (this.rows[i] !== 0 && (this.hi[i] !== a || this.lo[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const n = rows.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const s = this.slot(hi[i]!, lo[i]!);
      this.hi[s] = hi[i]!;
      this.lo[s] = lo[i]!;
      this.rows[s] = rows[i]!;
    }
  }
}
