import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { ModelciError } from '../core/errors.js';
import { openCsv } from './csv.js';
import type { Fingerprint } from '../core/report/evaluation-report.js';

/** sha256 and size of a file, streamed (data sets can be larger than memory). */
export async function fingerprintFile(file: string): Promise<Fingerprint> {
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch (e) {
    throw new ModelciError('FILE', `cannot read file (${(e as NodeJS.ErrnoException).code})`, {
      file,
      hint: 'Check the path',
    });
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return { path: file, sha256: hash.digest('hex'), bytes };
}

/** Number of data rows of a CSV file, by the real parser (quoted newlines are not row breaks). */
export async function countCsvRows(file: string): Promise<number> {
  const source = await openCsv(file);
  let rows = 0;
  for await (const b of source.scan({ batchSize: 65536 })) rows += b.length;
  return rows;
}
