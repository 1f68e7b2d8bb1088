import type { ColumnValues, TableBatch } from '../core/contract/table-batch.js';
import type { CsvSource } from './csv.js';
import type { TableSource } from './table.js';

export interface TableRead {
  /** Columns to read as numbers (CSV: parsed straight from the bytes, the fast path). */
  numeric: string[];
  /** Columns to read as they are (CSV text, JSON and Parquet values). */
  other: string[];
  batchSize?: number;
}

/**
 * Any table source as the batches the contract checks read (src/core/contract/table-batch.ts). A
 * CSV is scanned: only the named columns, numbers without strings; other formats stream their
 * batches as they come, with every column they hold (JSON Lines may add keys as it goes).
 */
export async function* tableBatches(
  source: TableSource,
  read: TableRead,
): AsyncIterable<TableBatch> {
  const batchSize = read.batchSize ?? 8192;
  if (source.format === 'csv') {
    const numeric = read.numeric.filter((n) => source.columns.includes(n));
    const other = read.other.filter((n) => source.columns.includes(n));
    for await (const b of (source as CsvSource).scan({
      numeric,
      strings: other,
      batchSize,
      onInvalidNumber: 'nan',
    })) {
      const columns = new Map<string, ColumnValues>();
      numeric.forEach((n, k) =>
        columns.set(n, {
          numbers: b.numeric[k]!,
          invalid: { count: b.invalid[k]!, examples: b.invalidCells[k]! },
        }),
      );
      other.forEach((n, k) => columns.set(n, { cells: b.strings[k]! }));
      yield { firstRow: b.firstRow, length: b.length, columns };
    }
    return;
  }
  for await (const b of source.batches(batchSize)) {
    const columns = new Map<string, ColumnValues>();
    b.columns.forEach((n, c) => columns.set(n, { cells: b.values[c]! }));
    yield { firstRow: b.firstRow, length: b.length, columns };
  }
}
