/**
 * A metric engine computes a fixed list of metrics on fixed rows under per-row weights. Weights
 * are bootstrap counts (how often each row was drawn), so one engine serves the point estimate
 * (weights = null: every row once) and every resample without copying or re-sorting rows.
 */
export interface MetricEngine {
  readonly names: readonly string[];
  /** Rows this engine covers. */
  readonly size: number;
  /**
   * Writes one value per name into `out` (NaN where undefined, e.g. AUC with one class).
   * `counts`: weight per GLOBAL row (length = all rows), or null for unweighted.
   */
  compute(counts: Int32Array | null, out: Float64Array): void;
}

/** Per-local-row weights from global counts; `rows` null means local = global. */
export class WeightGather {
  private readonly local: Int32Array;
  private readonly ones: Int32Array;

  constructor(
    private readonly rows: Uint32Array | null,
    size: number,
  ) {
    this.local = new Int32Array(size);
    this.ones = new Int32Array(size).fill(1);
  }

  of(counts: Int32Array | null): Int32Array {
    if (counts === null) return this.ones;
    const rows = this.rows;
    if (rows === null) return counts;
    const local = this.local;
    for (let i = 0; i < rows.length; i++) local[i] = counts[rows[i] as number] as number;
    return local;
  }
}

/** Copies `src` restricted to `rows` (or returns it when rows is null). */
export function take<T extends Int32Array | Float64Array>(src: T, rows: Uint32Array | null): T {
  if (rows === null) return src;
  const out = new (src.constructor as { new (n: number): T })(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = src[rows[i] as number] as number;
  return out;
}
