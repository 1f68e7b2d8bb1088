/**
 * A deterministic, mergeable quantile sketch (a compactor hierarchy, as in Manku-Rajagopalan-Lindsay
 * and KLL without the coin flips): level h holds items of weight 2^h; a level that exceeds k items is
 * sorted and every other item moves up with double weight (a level holds at most k items).
 *
 * Error, stated and tracked: one compaction at level h moves the count of items <= x, for any x, by
 * at most 2^h. The sketch sums those weights in `rankError`, so every rank it answers is within
 * ±rankError of the true rank, after any sequence of inserts and merges (errors of merged sketches
 * add). For n >= k items inserted in one pass, rankError <= n * (floor(log2(n / k)) + 1) / k (level h
 * compacts at most n / (k 2^h) times); with k = 10000 and n = 10^6 that is <= 700 ranks (0.07 %).
 * Until n exceeds k nothing is compacted and the sketch holds the data exactly (up to k items), so
 * small samples give exactly scipy's statistics.
 */
import { Float64Sorter } from './sort-float64.js';

export const DEFAULT_SKETCH_K = 10000;

/** One sorter per thread of work: its scratch buffer is reused across every sketch. */
const sorter = new Float64Sorter();
let mergeScratch = new Float64Array(0);

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
  /** Per level a growable buffer and its fill; typed arrays keep the hot path GC-free. */
  private buffers: Float64Array[] = [];
  private fill: number[] = [];
  private compactions: number[] = [];
  /**
   * Per level, the start offsets of the sorted runs it holds, or null when the order is unknown.
   * Levels above 0 only receive sorted halves from the level below, so compacting them is a merge of
   * a few runs instead of a sort (half of all sorting work); merged or loaded sketches sort instead.
   */
  private runs: (number[] | null)[] = [];
  private cache: { values: Float64Array; weights: Float64Array } | undefined;

  constructor(k = DEFAULT_SKETCH_K) {
    if (!Number.isInteger(k) || k < 2 || k % 2)
      throw new RangeError('sketch size must be an even integer >= 2');
    this.k = k;
    this.addLevel();
  }

  private addLevel(): void {
    // Level 0 starts small and grows: most columns of small files never need k slots.
    this.buffers.push(
      new Float64Array(this.buffers.length === 0 ? Math.min(this.k + 1, 1024) : this.k + 1),
    );
    this.fill.push(0);
    this.compactions.push(0);
    this.runs.push([]);
  }

  private push(h: number, x: number): void {
    let buf = this.buffers[h]!;
    const f = this.fill[h]!;
    if (f === buf.length) {
      // Grows by doubling; an upper level may briefly hold k + k/2 + 1 items before it compacts.
      const bigger = new Float64Array(buf.length * 2);
      bigger.set(buf);
      this.buffers[h] = buf = bigger;
    }
    buf[f] = x;
    this.fill[h] = f + 1;
  }

  add(x: number): void {
    this.cache = undefined;
    this.push(0, x);
    this.n++;
    if (this.fill[0]! > this.k) this.compress();
  }

  /** Weight of one item at the highest level: the resolution of a rank answer. */
  get topWeight(): number {
    return 2 ** (this.buffers.length - 1);
  }

  /** True while no compaction has happened: the sketch holds every item. */
  get exact(): boolean {
    return this.buffers.length === 1;
  }

  merge(other: QuantileSketch): void {
    if (other.k !== this.k)
      throw new RangeError(`cannot merge sketches of size ${this.k} and ${other.k}`);
    this.cache = undefined;
    for (let h = 0; h < other.buffers.length; h++) {
      if (h >= this.buffers.length) this.addLevel();
      const src = other.buffers[h]!;
      const f = other.fill[h]!;
      this.runs[h] = null;
      for (let i = 0; i < f; i++) {
        this.push(h, src[i]!);
        // Compact as soon as a level overflows, so buffers never exceed k + 1 items.
        if (this.fill[h]! > this.k) this.compactLevel(h);
      }
      this.compactions[h] = Math.max(this.compactions[h]!, other.compactions[h] ?? 0);
    }
    this.n += other.n;
    this.rankError += other.rankError;
    this.compress();
  }

  private compress(): void {
    for (let h = 0; h < this.buffers.length; h++) if (this.fill[h]! > this.k) this.compactLevel(h);
  }

  private compactLevel(h: number): void {
    const f = this.fill[h]!;
    const sorted = this.sortLevel(h, f);
    const odd = f % 2;
    const offset = this.compactions[h]! % 2;
    if (h + 1 >= this.buffers.length) this.addLevel();
    const up = this.runs[h + 1];
    if (up) up.push(this.fill[h + 1]!);
    for (let i = offset; i < f - odd; i += 2) this.push(h + 1, sorted[i]!);
    // Keep one item back when the count is odd so the halves pair up.
    if (odd) this.buffers[h]![0] = sorted[f - 1]!;
    this.fill[h] = odd;
    this.runs[h] = odd ? [0] : [];
    this.compactions[h]!++;
    this.rankError += 2 ** h;
    if (this.fill[h + 1]! > this.k) this.compactLevel(h + 1);
  }

  /** The first f items of level h in ascending order (level 0 and unknown order: sorted; else merged runs). */
  private sortLevel(h: number, f: number): Float64Array {
    const buf = this.buffers[h]!;
    const runs = this.runs[h];
    if (h === 0 || !runs || runs.length === 0 || runs[0] !== 0) {
      sorter.sort(buf, f);
      return buf;
    }
    if (mergeScratch.length < f) mergeScratch = new Float64Array(Math.max(f, this.k + 1));
    // Merge runs pairwise, left to right: at most 4 runs (a kept item and three halves).
    let end = runs.length > 1 ? runs[1]! : f;
    for (let r = 1; r < runs.length; r++) {
      const next = r + 1 < runs.length ? runs[r + 1]! : f;
      const mid = end;
      let i = 0;
      let j = mid;
      let o = 0;
      while (i < mid && j < next) mergeScratch[o++] = buf[i]! <= buf[j]! ? buf[i++]! : buf[j++]!;
      while (i < mid) mergeScratch[o++] = buf[i++]!;
      while (j < next) mergeScratch[o++] = buf[j++]!;
      buf.set(mergeScratch.subarray(0, next));
      end = next;
    }
    return buf;
  }

  /** All items sorted, with their weights (1 everywhere while exact). Cached until the next change. */
  weighted(): { values: Float64Array; weights: Float64Array } {
    if (this.cache) return this.cache;
    let total = 0;
    for (const f of this.fill) total += f;
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    // Sort a copy of each level (the radix sorter: the native sort was 6% of a large drift check,
    // on the thread that compares), then merge them one after another (few levels).
    let len = 0;
    for (let h = 0; h < this.buffers.length; h++) {
      const level = Float64Array.from(this.buffers[h]!.subarray(0, this.fill[h]!));
      sorter.sort(level);
      const w = 2 ** h;
      let i = len - 1;
      let j = level.length - 1;
      for (let o = len + level.length - 1; o >= 0 && j >= 0; o--) {
        if (i >= 0 && values[i]! > level[j]!) {
          values[o] = values[i]!;
          weights[o] = weights[i]!;
          i--;
        } else {
          values[o] = level[j]!;
          weights[o] = w;
          j--;
        }
      }
      len += level.length;
    }
    this.cache = { values, weights };
    return this.cache;
  }

  /** Exact sorted data; only while `exact`. */
  sortedValues(): Float64Array {
    if (!this.exact) throw new Error('sketch is compacted');
    return this.weighted().values;
  }

  /** The item at (0-based, weighted) rank r: its true rank is within ±(rankError + topWeight) of r. */
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
      levels: this.buffers.map((b, h) => Array.from(b.subarray(0, this.fill[h]!))),
      compactions: [...this.compactions],
    };
  }

  static fromJSON(json: QuantileSketchJson): QuantileSketch {
    const s = new QuantileSketch(json.k);
    if (!Array.isArray(json.levels) || json.levels.length === 0)
      throw new RangeError('sketch has no levels');
    s.buffers = [];
    s.fill = [];
    s.compactions = [];
    s.runs = [];
    json.levels.forEach((level, h) => {
      if (level.length > json.k + 1)
        throw new RangeError(`sketch level ${h} holds ${level.length} items, more than k + 1`);
      const buf = new Float64Array(Math.max(16, level.length));
      buf.set(level);
      s.buffers.push(buf);
      s.fill.push(level.length);
      s.compactions.push(json.compactions[h] ?? 0);
      s.runs.push(null); // stored unsorted
    });
    s.n = json.n;
    s.rankError = json.rankError;
    const held = json.levels.reduce((sum, l, h) => sum + l.length * 2 ** h, 0);
    if (held !== s.n) throw new RangeError(`sketch weights add up to ${held}, not n = ${s.n}`);
    return s;
  }
}
