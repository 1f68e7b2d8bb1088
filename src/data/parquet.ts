import { open } from 'node:fs/promises';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { ModelciError } from '../core/errors.js';
import { assertDataFile } from './data-file.js';
import { isFlatNumberColumn, NumberColumnCursor, type ReadAt } from './parquet-numbers.js';
import type { Cell, RecordBatch, TableSource } from './table.js';

/**
 * Parquet reader on hyparquet, streamed one row group at a time (memory bounded by the largest
 * row group). Top-level columns only; INT64 becomes a number, dates ISO text, nested values JSON.
 */
export interface ParquetSource extends TableSource {
  format: 'parquet';
  rowCount: number;
  /**
   * The named columns in batches of up to `batchSize` rows (never across row groups). Those in
   * `asNumbers` that are flat numeric columns come as one Float64Array per batch (null -> NaN),
   * decoded page by page; the rest as hyparquet reads them, a row group at a time.
   */
  columnBatches(
    columns: string[],
    asNumbers: ReadonlySet<string>,
    batchSize: number,
  ): AsyncIterable<ColumnBatch>;
}

/** A piece of one decoded column: `data[from..from+length)`. */
export interface ColumnPiece {
  data: ArrayLike<unknown>;
  from: number;
  length: number;
}

/** Up to `batchSize` rows of the named columns. */
export interface ColumnBatch {
  /** 1-based data row of the batch's first row. */
  firstRow: number;
  length: number;
  /** The flat numeric columns asked for as numbers, one value per row of the batch. */
  numbers: ReadonlyMap<string, Float64Array>;
  /** The pieces that hold rows `0..length)` of the batch for a column not in `numbers`. */
  slices(column: string): Iterable<ColumnPiece>;
}

export async function openParquet(file: string): Promise<ParquetSource> {
  await assertDataFile(file, 'Parquet');
  const buffer = await asyncBufferFromFile(file);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new ModelciError('PARSE', `not a readable Parquet file (${(e as Error).message})`, {
      file,
      hint: 'Check that the file is Parquet and not truncated',
    });
  }
  const schema = parquetSchema(metadata);
  const columns = schema.children.map((c) => c.element.name);
  const groups: [number, number][] = [];
  let start = 0;
  for (const rg of metadata.row_groups) {
    const n = Number(rg.num_rows);
    groups.push([start, start + n]);
    start += n;
  }
  return {
    file,
    format: 'parquet',
    columns,
    rowCount: Number(metadata.num_rows),
    async *columnBatches(
      wanted: string[],
      asNumbers: ReadonlySet<string>,
      batchSize: number,
    ): AsyncIterable<ColumnBatch> {
      const fast = wanted.filter((c) => {
        const node = schema.children.find((n) => n.element.name === c);
        return asNumbers.has(c) && node !== undefined && isFlatNumberColumn(node);
      });
      const general = wanted.filter((c) => !fast.includes(c));
      const handle = await open(file, 'r');
      const readAt: ReadAt = async (position, length) => {
        const bytes = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(bytes, got, length - got, position + got);
          if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${position + got}`);
          got += bytesRead;
        }
        return bytes;
      };
      try {
        for (const [g, [rowStart, rowEnd]] of groups.entries()) {
          const rows = rowEnd - rowStart;
          const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>(
            general.map((c) => [c, []]),
          );
          let cursors: Map<string, NumberColumnCursor>;
          try {
            cursors = new Map(
              fast.map((name) => {
                const chunk = metadata.row_groups[g]!.columns.find(
                  (c) =>
                    c.meta_data?.path_in_schema.length === 1 &&
                    c.meta_data.path_in_schema[0] === name,
                );
                if (!chunk) throw new Error(`no column chunk for ${name}`);
                const node = schema.children.find((n) => n.element.name === name)!;
                return [name, new NumberColumnCursor({ readAt, node, chunk, rows })];
              }),
            );
            if (general.length)
              await parquetRead({
                file: buffer,
                metadata,
                rowStart,
                rowEnd,
                columns: general,
                onChunk: (c) =>
                  chunks
                    .get(c.columnName)
                    ?.push({ start: c.rowStart - rowStart, data: c.columnData }),
              });
          } catch (e) {
            throw readError(file, rowStart, rowEnd, e);
          }
          for (const list of chunks.values()) list.sort((a, b) => a.start - b.start);
          for (let s = 0; s < rows; s += batchSize) {
            const n = Math.min(batchSize, rows - s);
            const numbers = new Map<string, Float64Array>();
            try {
              for (const [name, cursor] of cursors) {
                const out = new Float64Array(n);
                await cursor.fill(out, 0, n);
                numbers.set(name, out);
              }
            } catch (e) {
              throw readError(file, rowStart + s, rowStart + s + n, e);
            }
            yield {
              firstRow: rowStart + s + 1,
              length: n,
              numbers,
              *slices(column: string): Iterable<ColumnPiece> {
                const end = s + n;
                for (const c of chunks.get(column) ?? []) {
                  const lo = Math.max(s, c.start);
                  const hi = Math.min(end, c.start + c.data.length);
                  if (hi > lo) yield { data: c.data, from: lo - c.start, length: hi - lo };
                }
              },
            };
          }
        }
      } finally {
        await handle.close();
      }
    },
    async *batches(batchSize = 65536): AsyncIterable<RecordBatch> {
      for (const [rowStart, rowEnd] of groups) {
        let rows: unknown[][] = [];
        try {
          await parquetRead({
            file: buffer,
            metadata,
            rowStart,
            rowEnd,
            columns,
            onComplete: (r) => (rows = r as unknown[][]),
          });
        } catch (e) {
          throw readError(file, rowStart, rowEnd, e);
        }
        for (let s = 0; s < rows.length; s += batchSize) {
          const slice = rows.slice(s, s + batchSize);
          yield {
            columns,
            firstRow: rowStart + s + 1,
            length: slice.length,
            values: columns.map((_, c) => slice.map((r) => toCell(r[c]))),
          };
        }
      }
    },
  };
}

function readError(file: string, rowStart: number, rowEnd: number, e: unknown): ModelciError {
  return new ModelciError(
    'PARSE',
    `cannot read rows ${rowStart + 1}..${rowEnd} (${(e as Error).message})`,
    {
      file,
      row: rowStart + 1,
      hint: 'The file may be corrupt or use an unsupported compression codec',
    },
  );
}

function toCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}
