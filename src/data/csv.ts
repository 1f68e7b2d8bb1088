import { createReadStream } from 'node:fs';
import { ModelciError } from '../core/errors.js';
import { assertDataFile } from './data-file.js';
import { CsvParser, type RawRecord } from './csv-parser.js';
import { parseNumberBytes } from './parse-number.js';
import type { RecordBatch, TableSource } from './table.js';

export interface CsvOptions {
  delimiter?: string;
  /** Invalid UTF-8 in a field: stop with an error naming line and column, or replace with U+FFFD and count. */
  invalidUtf8?: 'error' | 'replace';
  /** Read chunk size; tests make it tiny to cross every boundary. */
  chunkBytes?: number;
}

/** Text that means "no value" in a numeric column (pandas' defaults, the common ones). */
export const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-nan', '#n/a']);

export interface ScanSpec {
  /** Columns parsed as numbers (empty/NA -> NaN). */
  numeric?: string[];
  /** Columns kept as text. */
  strings?: string[];
  batchSize?: number;
  /** Non-numeric text in a numeric column: error (default) or NaN, counted in `invalid`. */
  onInvalidNumber?: 'error' | 'nan';
}

export interface ScanBatch {
  /** 1-based data row number of the first row (header excluded). */
  firstRow: number;
  length: number;
  /** One array per `spec.numeric` column, in that order; NaN = missing or invalid. */
  numeric: Float64Array[];
  /** One array per `spec.strings` column. */
  strings: string[][];
  /** File line where each row starts, for error messages. */
  lines: Int32Array;
  /** Per numeric column: count of cells that were text, not a number (with onInvalidNumber 'nan'). */
  invalid: number[];
  /** Per numeric column, the first few of those cells (data row, text), for reports that show them. */
  invalidCells: { row: number; text: string }[][];
}

/** Invalid cells kept per numeric column and batch (the count has them all). */
export const INVALID_EXAMPLES = 5;

export interface CsvSource extends TableSource {
  format: 'csv';
  /** Streams only the named columns, numbers parsed straight from bytes (no strings made). */
  scan(spec: ScanSpec): AsyncIterable<ScanBatch>;
  /** Cells replaced because they were not valid UTF-8 (with invalidUtf8: 'replace'), so far. */
  readonly invalidUtf8Cells: number;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Opens a CSV file with a header row. Reads only the header now; rows stream on demand. */
export async function openCsv(file: string, opts: CsvOptions = {}): Promise<CsvSource> {
  await assertDataFile(file, 'CSV');
  if (
    opts.delimiter !== undefined &&
    (opts.delimiter.length !== 1 || opts.delimiter.charCodeAt(0) > 127)
  )
    throw new ModelciError(
      'INPUT',
      `CSV delimiter must be one ASCII character (got ${JSON.stringify(opts.delimiter)})`,
    );
  const reader = new CsvReader(file, opts);
  await reader.readHeader();
  return reader;
}

class CsvReader implements CsvSource {
  readonly format = 'csv' as const;
  columns: string[] = [];
  invalidUtf8Cells = 0;
  private readonly delimiter: number;
  private readonly chunkBytes: number;

  constructor(
    readonly file: string,
    private readonly opts: CsvOptions,
  ) {
    this.delimiter = (opts.delimiter ?? ',').charCodeAt(0);
    this.chunkBytes = opts.chunkBytes ?? 1 << 20;
  }

  async readHeader(): Promise<void> {
    let header: string[] | undefined;
    const stream = createReadStream(this.file, {
      highWaterMark: Math.min(this.chunkBytes, 1 << 16),
    });
    const parser = new CsvParser({ file: this.file, delimiter: this.delimiter }, (r) => {
      header ??= Array.from({ length: r.count }, (_, i) => this.text(r, i, 'header'));
    });
    try {
      for await (const chunk of stream) {
        parser.push(chunk as Buffer);
        if (header) break;
      }
      if (!header) parser.end();
    } finally {
      stream.destroy();
    }
    if (!header)
      throw new ModelciError('DATA', 'the file is empty: expected a header row with column names', {
        file: this.file,
      });
    const seen = new Map<string, number>();
    this.columns = header.map((raw, i) => {
      const name = raw.trim() === '' ? `column_${i + 1}` : raw;
      const prev = seen.get(name);
      if (prev !== undefined)
        throw new ModelciError(
          'DATA',
          `column name "${name}" appears twice in the header (columns ${prev + 1} and ${i + 1})`,
          {
            file: this.file,
            row: 1,
            hint: 'Give every column a unique name',
          },
        );
      seen.set(name, i);
      return name;
    });
  }

  /** Decodes field i; invalid UTF-8 is an error or a counted replacement. */
  private text(r: RawRecord, i: number, column: string | number): string {
    const s = r.starts[i]!;
    const e = r.ends[i]!;
    let out = r.buf.toString('utf8', s, e);
    if (out.includes('\uFFFD')) {
      try {
        fatalDecoder.decode(r.buf.subarray(s, e));
      } catch {
        if (this.opts.invalidUtf8 !== 'replace')
          throw new ModelciError('DATA', 'the text is not valid UTF-8', {
            file: this.file,
            row: r.line,
            column,
            hint: 'Save the file as UTF-8',
          });
        this.invalidUtf8Cells++;
      }
    }
    if (r.escaped[i]) out = out.replace(/""/g, '"');
    return out;
  }

  /**
   * Like `text`, but a short unescaped field whose bytes were seen before in this column returns
   * the same string without decoding it again: categorical columns repeat a few labels millions of
   * times, and decoding each cell was a sixth of a large drift check (plus the garbage).
   */
  private internedText(r: RawRecord, i: number, intern: TextIntern): string {
    const s = r.starts[i]!;
    const e = r.ends[i]!;
    if (e - s > TextIntern.MAX_BYTES || r.escaped[i]) return this.text(r, i, this.columns[i]!);
    const h = TextIntern.hash(r.buf, s, e);
    const hit = intern.get(h, r.buf, s, e);
    if (hit !== undefined) return hit;
    const out = this.text(r, i, this.columns[i]!);
    // Replaced invalid UTF-8 is counted per cell: such cells are decoded (and counted) every time.
    if (!out.includes('\uFFFD')) intern.put(h, r.buf, s, e, out);
    return out;
  }

  private checkWidth(r: RawRecord): void {
    if (r.count !== this.columns.length)
      throw new ModelciError(
        'DATA',
        `the row has ${r.count} fields but the header has ${this.columns.length}`,
        {
          file: this.file,
          row: r.line,
          hint: 'Every row needs one value per column (quote values that contain the delimiter)',
        },
      );
  }

  /** Streams records through the parser, handing each data record to `onRecord`. */
  private async *records(
    onRecord: (r: RawRecord) => void,
    flush: () => unknown[],
  ): AsyncGenerator<unknown> {
    let isHeader = true;
    const parser = new CsvParser({ file: this.file, delimiter: this.delimiter }, (r) => {
      if (isHeader) {
        isHeader = false;
        return;
      }
      this.checkWidth(r);
      onRecord(r);
    });
    const stream = createReadStream(this.file, { highWaterMark: this.chunkBytes });
    try {
      for await (const chunk of stream) {
        parser.push(chunk as Buffer);
        yield* flush();
      }
      parser.end();
      yield* flush();
    } finally {
      stream.destroy();
    }
  }

  async *batches(batchSize = 65536): AsyncIterable<RecordBatch> {
    const width = this.columns.length;
    const ready: RecordBatch[] = [];
    let values: string[][] = Array.from({ length: width }, () => []);
    let length = 0;
    let firstRow = 1;
    const emit = (): void => {
      ready.push({ columns: this.columns, firstRow, length, values });
      firstRow += length;
      values = Array.from({ length: width }, () => []);
      length = 0;
    };
    const gen = this.records(
      (r) => {
        for (let c = 0; c < width; c++) values[c]!.push(this.text(r, c, this.columns[c]!));
        if (++length === batchSize) emit();
      },
      () => ready.splice(0),
    );
    for await (const b of gen) yield b as RecordBatch;
    if (length > 0) yield { columns: this.columns, firstRow, length, values };
  }

  private indexOf(name: string): number {
    const i = this.columns.indexOf(name);
    if (i < 0)
      throw new ModelciError('DATA', `no column "${name}"`, {
        file: this.file,
        hint: `Columns are: ${this.columns.slice(0, 20).join(', ')}${this.columns.length > 20 ? ', ...' : ''}`,
      });
    return i;
  }

  async *scan(spec: ScanSpec): AsyncIterable<ScanBatch> {
    const numericNames = spec.numeric ?? [];
    const stringNames = spec.strings ?? [];
    const numIdx = numericNames.map((n) => this.indexOf(n));
    const strIdx = stringNames.map((n) => this.indexOf(n));
    const batchSize = spec.batchSize ?? 65536;
    const strictNumbers = (spec.onInvalidNumber ?? 'error') === 'error';
    const ready: ScanBatch[] = [];
    let firstRow = 1;
    const fresh = (): ScanBatch => ({
      firstRow,
      length: 0,
      numeric: numIdx.map(() => new Float64Array(batchSize)),
      strings: strIdx.map(() => []),
      lines: new Int32Array(batchSize),
      invalid: numIdx.map(() => 0),
      invalidCells: numIdx.map(() => []),
    });
    let cur = fresh();
    const interns = strIdx.map(() => new TextIntern());
    const gen = this.records(
      (r) => {
        const row = cur.length;
        for (let k = 0; k < numIdx.length; k++) {
          const c = numIdx[k]!;
          let v = parseNumberBytes(r.buf, r.starts[c]!, r.ends[c]!);
          if (Number.isNaN(v)) {
            const t = this.text(r, c, this.columns[c]!).trim();
            if (!MISSING_TOKENS.has(t.toLowerCase())) {
              if (strictNumbers)
                throw new ModelciError(
                  'DATA',
                  `"${t.length > 40 ? t.slice(0, 40) + '…' : t}" is not a number`,
                  {
                    file: this.file,
                    row: r.line,
                    column: this.columns[c]!,
                    hint: 'Fix the value, or leave the cell empty for a missing value',
                  },
                );
              cur.invalid[k]!++;
              const kept = cur.invalidCells[k]!;
              if (kept.length < INVALID_EXAMPLES) kept.push({ row: cur.firstRow + row, text: t });
            }
            v = NaN;
          }
          cur.numeric[k]![row] = v;
        }
        for (let k = 0; k < strIdx.length; k++)
          cur.strings[k]!.push(this.internedText(r, strIdx[k]!, interns[k]!));
        cur.lines[row] = r.line;
        cur.length++;
        if (cur.length === batchSize) {
          ready.push(cur);
          firstRow += cur.length;
          cur = fresh();
        }
      },
      () => ready.splice(0),
    );
    for await (const b of gen) yield b as ScanBatch;
    if (cur.length > 0) {
      cur.numeric = cur.numeric.map((a) => a.subarray(0, cur.length));
      cur.lines = cur.lines.subarray(0, cur.length);
      yield cur;
    }
  }
}

/**
 * Strings of one column by their bytes: FNV-1a hash, then a byte comparison (no false hits). Bounded:
 * past MAX_ENTRIES distinct values (free text) it stops adding and decoding goes on as before.
 */
class TextIntern {
  static readonly MAX_BYTES = 48;
  static readonly MAX_ENTRIES = 4096;
  private readonly table = new Map<number, { bytes: Buffer; text: string }>();

  static hash(buf: Buffer, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    return (h ^ (e - s)) >>> 0;
  }

  get(h: number, buf: Buffer, s: number, e: number): string | undefined {
    const hit = this.table.get(h);
    if (!hit || hit.bytes.length !== e - s) return undefined;
    const b = hit.bytes;
    for (let i = 0; i < b.length; i++) if (b[i] !== buf[s + i]) return undefined;
    return hit.text;
  }

  put(h: number, buf: Buffer, s: number, e: number, text: string): void {
    if (this.table.size >= TextIntern.MAX_ENTRIES) return;
    // A hash collision keeps the first value; the other one is simply decoded every time.
    if (!this.table.has(h)) this.table.set(h, { bytes: Buffer.from(buf.subarray(s, e)), text });
  }
}
