import { ModelciError } from '../core/errors.js';
import {
  INVALID_EXAMPLES,
  MISSING_TOKENS,
  type CsvSource,
  type ScanBatch,
  type ScanSpec,
} from './csv.js';
import type { ParquetSource } from './parquet.js';
import type { Cell, TableSource } from './table.js';

/**
 * The typed scan evaluate and the built-in trainer read (named columns, numbers as Float64Array,
 * text as strings) over any table format. A CSV parses numbers straight from its bytes; a Parquet
 * file is read column by column (only the named columns are decoded); JSON Lines goes through its
 * record batches. Every format keeps the CSV scan's rules: empty/NA/null is missing (NaN), text
 * that is not a number is an error naming row and column, or NaN and counted.
 */
export function scanTable(source: TableSource, spec: ScanSpec): AsyncIterable<ScanBatch> {
  if (source.format === 'csv') return (source as CsvSource).scan(spec);
  for (const name of [...(spec.numeric ?? []), ...(spec.strings ?? [])])
    if (!source.columns.includes(name))
      throw new ModelciError('DATA', `no column "${name}"`, {
        file: source.file,
        hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}${source.columns.length > 20 ? ', ...' : ''}`,
      });
  if (source.format === 'parquet') return scanColumns(source as ParquetSource, spec);
  return scanRecords(source, spec);
}

/** Per-batch conversion of cells, with the CSV scan's missing/invalid rules. */
class BatchBuilder {
  readonly strict: boolean;
  constructor(
    private readonly file: string,
    private readonly spec: ScanSpec,
  ) {
    this.strict = (spec.onInvalidNumber ?? 'error') === 'error';
  }

  /** A batch to fill; numeric columns in `decoded` are taken as they are. */
  fresh(firstRow: number, length: number, decoded?: ReadonlyMap<string, Float64Array>): ScanBatch {
    const numeric = this.spec.numeric ?? [];
    const lines = new Int32Array(length);
    for (let r = 0; r < length; r++) lines[r] = firstRow + r;
    return {
      firstRow,
      length,
      numeric: numeric.map((name) => decoded?.get(name) ?? new Float64Array(length)),
      strings: (this.spec.strings ?? []).map(() => []),
      lines,
      invalid: numeric.map(() => 0),
      invalidCells: numeric.map(() => []),
    };
  }

  /** Fills numeric column k of `b` from cells `src[from..from+b.length)` (any array-like). */
  numbers(b: ScanBatch, k: number, src: ArrayLike<unknown>, from: number, at = 0, n = b.length) {
    const out = b.numeric[k]!;
    if (isNumberArray(src)) {
      out.set(src.subarray(from, from + n), at);
      return;
    }
    for (let r = 0; r < n; r++) {
      const v = src[from + r];
      out[at + r] = typeof v === 'number' ? v : this.toNumber(v, b, k, at + r);
    }
  }

  strings(b: ScanBatch, k: number, src: ArrayLike<unknown>, from: number, n = b.length) {
    const out = b.strings[k]!;
    for (let r = 0; r < n; r++) out.push(toText(src[from + r]));
  }

  private toNumber(v: unknown, b: ScanBatch, k: number, r: number): number {
    if (v === null || v === undefined) return NaN;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return Number(v);
    const t = (typeof v === 'string' ? v : JSON.stringify(v)).trim();
    if (MISSING_TOKENS.has(t.toLowerCase())) return NaN;
    const x = Number(t);
    if (!Number.isNaN(x) && t !== '') return x;
    const column = this.spec.numeric![k]!;
    if (this.strict)
      throw new ModelciError(
        'DATA',
        `"${t.length > 40 ? t.slice(0, 40) + '…' : t}" is not a number`,
        {
          file: this.file,
          row: b.lines[r]!,
          column,
          hint: 'Fix the value, or leave it empty (null) for a missing value',
        },
      );
    b.invalid[k]!++;
    const kept = b.invalidCells[k]!;
    if (kept.length < INVALID_EXAMPLES) kept.push({ row: b.firstRow + r, text: t });
    return NaN;
  }
}

type NumberArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

/** Typed arrays of numbers copy in one call (BigInt64Array does not: its values are bigints). */
function isNumberArray(a: ArrayLike<unknown>): a is NumberArray {
  return ArrayBuffer.isView(a) && !(a instanceof BigInt64Array || a instanceof BigUint64Array);
}

function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

/** JSON Lines (and any other record source): cells of each batch, converted per column. */
async function* scanRecords(source: TableSource, spec: ScanSpec): AsyncIterable<ScanBatch> {
  const build = new BatchBuilder(source.file, spec);
  const numeric = spec.numeric ?? [];
  const strings = spec.strings ?? [];
  const none: Cell[] = [];
  for await (const rb of source.batches(spec.batchSize ?? 65536)) {
    const b = build.fresh(rb.firstRow, rb.length);
    // A key first seen in a later line is absent (missing) in the lines before it.
    const cells = (name: string) => {
      const c = rb.columns.indexOf(name);
      return c < 0 ? none : rb.values[c]!;
    };
    numeric.forEach((name, k) => build.numbers(b, k, cells(name), 0));
    strings.forEach((name, k) => build.strings(b, k, cells(name), 0));
    yield b;
  }
}

/**
 * Parquet: only the named columns decoded; flat numeric columns page by page straight into each
 * batch's Float64Array, others (text, nested, dates) a row group at a time by hyparquet. Memory:
 * a page per numeric column plus the other columns of one row group.
 */
async function* scanColumns(source: ParquetSource, spec: ScanSpec): AsyncIterable<ScanBatch> {
  const build = new BatchBuilder(source.file, spec);
  const numeric = spec.numeric ?? [];
  const strings = spec.strings ?? [];
  const batchSize = spec.batchSize ?? 65536;
  for await (const batch of source.columnBatches(
    [...new Set([...numeric, ...strings])],
    new Set(numeric.filter((n) => !strings.includes(n))),
    batchSize,
  )) {
    const b = build.fresh(batch.firstRow, batch.length, batch.numbers);
    numeric.forEach((name, k) => {
      if (batch.numbers.has(name)) return;
      let at = 0;
      for (const piece of batch.slices(name)) {
        build.numbers(b, k, piece.data, piece.from, at, piece.length);
        at += piece.length;
      }
    });
    strings.forEach((name, k) => {
      for (const piece of batch.slices(name))
        build.strings(b, k, piece.data, piece.from, piece.length);
    });
    yield b;
  }
}
