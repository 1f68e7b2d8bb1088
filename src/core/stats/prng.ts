/**
 * Seeded PRNG for reproducible bootstrap draws: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32. 32-bit integer arithmetic only, so test/fixtures/metrics/make_reference.py can
 * replay exactly the same draws.
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `seed`: any integer in [0, 2^53); equal seeds give equal streams. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a non-negative safe integer (got ${seed})`);
    }
    const hi = Math.floor(seed / 0x100000000);
    let sm = (seed >>> 0) ^ Math.imul(hi, 0x9e3779b9);
    const next = (): number => {
      sm = (sm + 0x9e3779b9) | 0;
      let t = sm ^ (sm >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r >>> 0;
  }

  /**
   * The four state words, for loops that inline the generator (a method call per draw costs
   * about 3x the draw itself at a million draws): read with `state()`, write back with
   * `setState()` so the stream continues exactly where the loop left it.
   */
  state(into: Int32Array): void {
    into[0] = this.s0;
    into[1] = this.s1;
    into[2] = this.s2;
    into[3] = this.s3;
  }

  setState(from: Int32Array): void {
    this.s0 = from[0] as number;
    this.s1 = from[1] as number;
    this.s2 = from[2] as number;
    this.s3 = from[3] as number;
  }

  /** A copy that continues the same stream independently. */
  clone(): Xoshiro128 {
    const c = Object.create(Xoshiro128.prototype) as Xoshiro128;
    c.s0 = this.s0;
    c.s1 = this.s1;
    c.s2 = this.s2;
    c.s3 = this.s3;
    return c;
  }

  /**
   * Advances the state by 2^64 draws (Blackman & Vigna's jump polynomial), so that consecutive
   * jumps give non-overlapping streams: one per bootstrap resample, whichever thread draws it.
   */
  jump(): void {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (const word of JUMP)
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          s0 ^= this.s0;
          s1 ^= this.s1;
          s2 ^= this.s2;
          s3 ^= this.s3;
        }
        this.nextUint32();
      }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** Uniform integer in [0, n), unbiased: top bits of a draw, rejecting values ≥ n. */
  nextInt(n: number): number {
    const shift = 32 - bitsFor(n);
    for (;;) {
      const r = this.nextUint32() >>> shift;
      if (r < n) return r;
    }
  }
}

/** Bits needed for values 0..n-1 (at least 1, so that n = 1 still draws). */
export function bitsFor(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x100000000) {
    throw new RangeError(`n must be an integer in [1, 2^32] (got ${n})`);
  }
  return Math.max(1, 32 - Math.clz32(n - 1));
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
