import { extname } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { openCsv, type CsvOptions } from './csv.js';
import type { TableSource } from './table.js';

export type TableOptions = CsvOptions;

/**
 * Opens a tabular file by its extension: .csv/.tsv/.txt (CSV), .jsonl/.ndjson (JSON Lines), .parquet.
 * The JSON Lines and Parquet readers load on first use: hyparquet is ~190 KiB that every CSV run
 * of evaluate, drift or validate would otherwise parse at start-up.
 */
export async function openTable(file: string, opts: TableOptions = {}): Promise<TableSource> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return openCsv(file, opts);
  if (ext === '.tsv') return openCsv(file, { delimiter: '\t', ...opts });
  if (ext === '.jsonl' || ext === '.ndjson') {
    const { openJsonl } = await import('./jsonl.js');
    return openJsonl(file, opts.invalidUtf8 ? { invalidUtf8: opts.invalidUtf8 } : {});
  }
  if (ext === '.parquet' || ext === '.pq') return (await import('./parquet.js')).openParquet(file);
  throw new ModelciError('INPUT', `unsupported data file type "${ext || '(none)'}"`, {
    file,
    hint: 'Use a .csv, .tsv, .jsonl or .parquet file',
  });
}
