/**
 * A metric engine computes a fixed list of metrics on fixed rows under per-row weights. Weights
 * are bootstrap weights (Uint8Array: Poisson draws) or counts of distinct rows (Int32Array), so
 * one engine serves the point estimate (weights = null: every row once) and every resample
 * without copying or re-sorting rows.
 */
export type RowWeights = Uint8Array | Int32Array;

export interface MetricEngine {
  readonly names: readonly string[];
  /** Rows this engine covers. */
  readonly size: number;
  /**
   * Writes one value per name into `out` (NaN where undefined, e.g. AUC with one class).
   * `counts`: weight per GLOBAL row (length = all rows), or null for unweighted.
   */
  compute(counts: RowWeights | null, out: Float64Array): void;
}

/** Per-local-row weights from global counts; `rows` null means local = global. */
export class WeightGather {
  private local8: Uint8Array | undefined;
  private local32: Int32Array | undefined;
  private ones: Uint8Array | undefined;

  constructor(
    private readonly rows: Uint32Array | null,
    private readonly size: number,
  ) {}

  of(counts: RowWeights | null): RowWeights {
    if (counts === null) return (this.ones ??= new Uint8Array(this.size).fill(1));
    const rows = this.rows;
    if (rows === null) return counts;
    const local =
      counts instanceof Uint8Array
        ? (this.local8 ??= new Uint8Array(this.size))
        : (this.local32 ??= new Int32Array(this.size));
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
