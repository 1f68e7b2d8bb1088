import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { ModelciError } from '../core/errors.js';
import { assertDataFile } from './data-file.js';
import type { Cell, RecordBatch, TableSource } from './table.js';

/**
 * Parquet reader on hyparquet, streamed one row group at a time (memory bounded by the largest
 * row group). Top-level columns only; INT64 becomes a number, dates ISO text, nested values JSON.
 */
export interface ParquetSource extends TableSource {
  format: 'parquet';
  rowCount: number;
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
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
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
          throw new ModelciError(
            'PARSE',
            `cannot read rows ${rowStart + 1}..${rowEnd} (${(e as Error).message})`,
            {
              file,
              row: rowStart + 1,
              hint: 'The file may be corrupt or use an unsupported compression codec',
            },
          );
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

function toCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}
