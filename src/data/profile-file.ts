import { ColumnProfile } from '../core/profile/column-profile.js';
import type { PerformanceSpec } from '../core/profile/performance-profile.js';
import { TableProfile } from '../core/profile/table-profile.js';
import type { CsvSource } from './csv.js';
import type { JsonlSource } from './jsonl.js';
import { openTable } from './open-table.js';
import type { RecordBatch } from './table.js';

/**
 * A data file (CSV, JSONL, Parquet) read in one streaming pass into a TableProfile: what
 * `modelci profile` writes and what drift compares. Lives with the readers so a worker thread
 * (src/parallel) can profile one side of a drift check while the main thread profiles the other.
 */
export interface ProfileProgress {
  file: string;
  rows: number;
}

export interface ProfileFileOptions {
  sketchSize?: number;
  /** Also summarise model performance (label vs prediction) for performance drift. */
  performance?: PerformanceSpec;
  onProgress?: (p: ProfileProgress) => void;
}

/** Problems met while reading that do not stop the run (reported with the result). */
export interface ReadNotes {
  invalidUtf8Cells: number;
}

const SNIFF_ROWS = 2000;
const BATCH_ROWS = 8192;

export async function profileFile(
  file: string,
  opts: ProfileFileOptions = {},
): Promise<{ profile: TableProfile; notes: ReadNotes }> {
  const source = await openTable(file, { invalidUtf8: 'replace' });
  const profile = new TableProfile(opts.sketchSize);
  if (opts.performance) profile.trackPerformance(opts.performance);
  profile.beginSource(file, source.format);
  let invalidUtf8 = 0;
  if (source.format === 'csv') invalidUtf8 = await profileCsv(source as CsvSource, profile, opts);
  else {
    for await (const batch of source.batches(BATCH_ROWS)) {
      profile.addBatch(withoutShadowRows(batch));
      opts.onProgress?.({ file, rows: profile.rows });
    }
  }
  if (source.format === 'jsonl') invalidUtf8 = (source as JsonlSource).invalidUtf8Lines;
  return { profile, notes: { invalidUtf8Cells: invalidUtf8 } };
}

/**
 * A prediction log holds a shadow's rows beside the answers of the same requests: the traffic is
 * the answered rows, so the shadow's are left out of a profile (they would count each row twice).
 */
function withoutShadowRows(batch: RecordBatch): RecordBatch {
  const role = batch.columns.indexOf('_role');
  const roles = role < 0 ? undefined : batch.values[role]!;
  if (!roles || !roles.includes('shadow')) return batch;
  const keep: number[] = [];
  for (let r = 0; r < batch.length; r++) if (roles[r] !== 'shadow') keep.push(r);
  return {
    ...batch,
    length: keep.length,
    values: batch.values.map((col) => keep.map((r) => col[r]!)),
  };
}

/**
 * CSV: columns whose first rows are all numbers (or missing) are scanned as numbers straight from
 * bytes (no strings made, the fast path); the rest as text. A "numeric" column that later holds
 * text is counted as such (and reported as mixed); a second look finds where its first text is.
 */
async function profileCsv(
  source: CsvSource,
  profile: TableProfile,
  opts: ProfileFileOptions,
): Promise<number> {
  const sniff = new TableProfile(2);
  for await (const batch of source.batches(SNIFF_ROWS)) {
    sniff.addBatch(batch);
    break;
  }
  const numeric = source.columns.filter((n) => {
    const c = sniff.columns.get(n);
    return (
      c !== undefined &&
      c.numeric + c.infinite > 0 &&
      c.text === 0 &&
      c.boolean === 0 &&
      c.infinite === 0
    );
  });
  const strings = source.columns.filter((n) => !numeric.includes(n));
  profile.declareColumns(source.columns);
  // The sniffed rows are read again below: count invalid UTF-8 from the full pass only.
  const invalidBefore = source.invalidUtf8Cells;
  for await (const batch of source.scan({
    numeric,
    strings,
    batchSize: BATCH_ROWS,
    onInvalidNumber: 'nan',
  })) {
    profile.addScanBatch(batch, numeric, strings);
    opts.onProgress?.({ file: source.file, rows: profile.rows });
  }
  const invalidUtf8 = source.invalidUtf8Cells - invalidBefore;
  const unlocated = numeric.filter((n) => profile.columns.get(n)!.text > 0);
  if (unlocated.length) await locateFirstText(source, profile, unlocated);
  return invalidUtf8;
}

async function locateFirstText(
  source: CsvSource,
  profile: TableProfile,
  names: string[],
): Promise<void> {
  const left = new Set(names);
  for await (const batch of source.batches(BATCH_ROWS)) {
    for (const name of [...left]) {
      const c = batch.columns.indexOf(name);
      const probe = new ColumnProfile(name, 2);
      const values = batch.values[c]!;
      for (let r = 0; r < batch.length && probe.text === 0; r++)
        probe.add(values[r] ?? null, source.file, batch.firstRow + r);
      if (probe.firstText) {
        profile.columns.get(name)!.firstText = probe.firstText;
        left.delete(name);
      }
    }
    if (left.size === 0) return;
  }
}
