import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { ModelciError } from '../core/errors.js';
import { assertDataFile } from './data-file.js';
import { isFlatNumberColumn, readNumberColumn } from './parquet-numbers.js';
import type { Cell, RecordBatch, TableSource } from './table.js';

/**
 * Parquet reader on hyparquet, streamed one row group at a time (memory bounded by the largest
 * row group). Top-level columns only; INT64 becomes a number, dates ISO text, nested values JSON.
 */
export interface ParquetSource extends TableSource {
  format: 'parquet';
  rowCount: number;
  /**
   * The named columns of each row group, decoded column by column. Those in `asNumbers` that are
   * flat numeric columns come as one Float64Array each (null -> NaN), the rest as hyparquet reads them.
   */
  columnGroups(columns: string[], asNumbers?: ReadonlySet<string>): AsyncIterable<ColumnGroup>;
}

/** A piece of one decoded column: `data[from..from+length)`. */
export interface ColumnPiece {
  data: ArrayLike<unknown>;
  from: number;
  length: number;
}

/** One row group's decoded columns, in the pieces (pages) hyparquet decoded them in. */
export interface ColumnGroup {
  /** 1-based data row of the group's first row. */
  firstRow: number;
  length: number;
  /** The pieces that hold rows `start..start+n)` (0-based within the group) of a column. */
  slices(column: string, start: number, n: number): Iterable<ColumnPiece>;
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
    async *columnGroups(
      wanted: string[],
      asNumbers = new Set<string>(),
    ): AsyncIterable<ColumnGroup> {
      const fast = wanted.filter((c) => {
        const node = schema.children.find((n) => n.element.name === c);
        return asNumbers.has(c) && node !== undefined && isFlatNumberColumn(node);
      });
      const general = wanted.filter((c) => !fast.includes(c));
      for (const [g, [rowStart, rowEnd]] of groups.entries()) {
        const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>(
          wanted.map((c) => [c, []]),
        );
        try {
          for (const name of fast) {
            const chunk = metadata.row_groups[g]!.columns.find(
              (c) =>
                c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name,
            );
            const node = schema.children.find((n) => n.element.name === name)!;
            if (!chunk) throw new Error(`no column chunk for ${name}`);
            const data = await readNumberColumn({
              file: buffer,
              metadata,
              node,
              chunk,
              rows: rowEnd - rowStart,
            });
            chunks.get(name)!.push({ start: 0, data });
          }
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
        yield {
          firstRow: rowStart + 1,
          length: rowEnd - rowStart,
          *slices(column: string, start: number, n: number): Iterable<ColumnPiece> {
            const end = start + n;
            for (const c of chunks.get(column) ?? []) {
              const lo = Math.max(start, c.start);
              const hi = Math.min(end, c.start + c.data.length);
              if (hi > lo) yield { data: c.data, from: lo - c.start, length: hi - lo };
            }
          },
        };
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
