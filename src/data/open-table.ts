import { extname } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { openCsv, type CsvOptions } from './csv.js';
import type { TableSource } from './table.js';

export type TableOptions = CsvOptions;

/** Opens a tabular file by its extension: .csv/.tsv/.txt (CSV). */
export async function openTable(file: string, opts: TableOptions = {}): Promise<TableSource> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return openCsv(file, opts);
  if (ext === '.tsv') return openCsv(file, { delimiter: '\t', ...opts });
  throw new ModelciError('INPUT', `unsupported data file type "${ext || '(none)'}"`, {
    file,
    hint: 'Use a .csv file',
  });
}
