/**
 * A deterministic, mergeable quantile sketch (a compactor hierarchy, as in Manku-Rajagopalan-Lindsay
 * and KLL without the coin flips): level h holds items of weight 2^h; a level that exceeds k items is
 * sorted and every other item moves up with double weight (a level holds at most k items).
 *
 * Error, stated and tracked: one compaction at level h moves the count of items <= x, for any x, by
 * at most 2^h. The sketch sums those weights in `rankError`, so every rank it answers is within
 * ±rankError of the true rank, after any sequence of inserts and merges (errors of merged sketches
 * add). For n >= k items inserted in one pass, rankError <= n * (floor(log2(n / k)) + 1) / k (level h
 * compacts at most n / (k 2^h) times); with k = 10000 and
 * n = 10^6 that is <= 700 ranks (0.07 %). Until n exceeds k nothing is compacted and the sketch holds
 * the data exactly (up to k items), so small samples give exactly scipy's statistics.
 */
export const DEFAULT_SKETCH_K = 10000;

export interface QuantileSketchJson {
  k: number;
  n: number;
  rankError: number;
  /** levels[h]: items of weight 2^h (unsorted). */
  levels: number[][];
  /** Per level, how many compactions happened (alternates which half is kept). */
  compactions: number[];
}

export class QuantileSketch {
  readonly k: number;
  n = 0;
  rankError = 0;
  private levels: number[][] = [[]];
  private compactions: number[] = [0];

  constructor(k = DEFAULT_SKETCH_K) {
    if (!Number.isInteger(k) || k < 2 || k % 2)
      throw new RangeError('sketch size must be an even integer >= 2');
    this.k = k;
  }

  add(x: number): void {
    const l0 = this.levels[0]!;
    l0.push(x);
    this.n++;
    if (l0.length > this.k) this.compress();
  }

  /** Weight of one item at the highest level: the resolution of a rank answer. */
  get topWeight(): number {
    return 2 ** (this.levels.length - 1);
  }

  /** True while no compaction has happened: the sketch holds every item. */
  get exact(): boolean {
    return this.levels.length === 1;
  }

  merge(other: QuantileSketch): void {
    if (other.k !== this.k)
      throw new RangeError(`cannot merge sketches of size ${this.k} and ${other.k}`);
    for (let h = 0; h < other.levels.length; h++) {
      if (h >= this.levels.length) {
        this.levels.push([]);
        this.compactions.push(0);
      }
      for (const x of other.levels[h]!) this.levels[h]!.push(x);
      this.compactions[h] = Math.max(this.compactions[h]!, other.compactions[h] ?? 0);
    }
    this.n += other.n;
    this.rankError += other.rankError;
    this.compress();
  }

  private compress(): void {
    for (let h = 0; h < this.levels.length; h++) {
      const level = this.levels[h]!;
      if (level.length <= this.k) continue;
      const sorted = Float64Array.from(level).sort();
      const odd = sorted.length % 2;
      // Keep one item back when the count is odd so the halves pair up.
      const held = odd ? [sorted[sorted.length - 1]!] : [];
      const offset = this.compactions[h]! % 2;
      const up: number[] = [];
      for (let i = offset; i < sorted.length - odd; i += 2) up.push(sorted[i]!);
      this.compactions[h]!++;
      this.rankError += 2 ** h;
      this.levels[h] = held;
      if (h + 1 >= this.levels.length) {
        this.levels.push([]);
        this.compactions.push(0);
      }
      const next = this.levels[h + 1]!;
      for (const x of up) next.push(x);
    }
  }

  /** All items sorted, with their weights (1 everywhere while exact). */
  weighted(): { values: Float64Array; weights: Float64Array } {
    const total = this.levels.reduce((s, l) => s + l.length, 0);
    const pairs = new Float64Array(total * 2);
    let i = 0;
    this.levels.forEach((level, h) => {
      for (const x of level) {
        pairs[i++] = x;
        pairs[i++] = 2 ** h;
      }
    });
    const order = Array.from({ length: total }, (_, j) => j).sort(
      (a, b) => pairs[2 * a]! - pairs[2 * b]!,
    );
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    order.forEach((j, r) => {
      values[r] = pairs[2 * j]!;
      weights[r] = pairs[2 * j + 1]!;
    });
    return { values, weights };
  }

  /** Exact sorted data; only while `exact`. */
  sortedValues(): Float64Array {
    if (!this.exact) throw new Error('sketch is compacted');
    return Float64Array.from(this.levels[0]!).sort();
  }

  /**
   * The item at (0-based, weighted) rank r: its true rank is within ±(rankError + topWeight) of r.
   */
  quantileAtRank(r: number): number {
    const { values, weights } = this.weighted();
    let cum = 0;
    for (let i = 0; i < values.length; i++) {
      cum += weights[i]!;
      if (cum > r) return values[i]!;
    }
    return values[values.length - 1]!;
  }

  toJSON(): QuantileSketchJson {
    return {
      k: this.k,
      n: this.n,
      rankError: this.rankError,
      levels: this.levels.map((l) => [...l]),
      compactions: [...this.compactions],
    };
  }

  static fromJSON(json: QuantileSketchJson): QuantileSketch {
    const s = new QuantileSketch(json.k);
    s.n = json.n;
    s.rankError = json.rankError;
    s.levels = json.levels.map((l) => [...l]);
    s.compactions = [...json.compactions];
    const held = s.levels.reduce((sum, l, h) => sum + l.length * 2 ** h, 0);
    if (held !== s.n) throw new RangeError(`sketch weights add up to ${held}, not n = ${s.n}`);
    return s;
  }
}
