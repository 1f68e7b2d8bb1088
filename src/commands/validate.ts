import { writeFileSync } from 'node:fs';
import { readContract } from '../config/contract-file.js';
import type { Contract } from '../core/contract/contract.js';
import { DatasetCheck } from '../core/contract/dataset-check.js';
import {
  validationReport,
  type DatasetRole,
  type DatasetSummary,
  type ValidationReport,
} from '../core/contract/report.js';
import type { Violation } from '../core/contract/violation.js';
import { ModelciError } from '../core/errors.js';
import { openTable } from '../data/open-table.js';
import type { TableSource } from '../data/table.js';
import { tableBatches } from '../data/table-batches.js';
import type { ProfileProgress } from './profile.js';

/**
 * `runValidate`: data files against a data contract, each in one streaming pass (memory bounded by
 * a batch, the per-column counters and, for unique columns, one hash per distinct value).
 */
export interface ValidateOptions {
  /** The contract file. */
  contract: string;
  /** Data files to check. */
  data: string[];
  /** Milliseconds since the epoch: what freshness is measured against (core has no clock). */
  now: number;
  model?: string;
  onProgress?: (p: ProfileProgress) => void;
}

export async function runValidate(opts: ValidateOptions): Promise<ValidationReport> {
  if (opts.data.length === 0)
    throw new ModelciError('USAGE', 'no data to validate', {
      hint: 'Pass --data <file> (or --model with data.train / data.holdout in modelci.yaml)',
    });
  const { contract } = readContract(opts.contract);
  const datasets: DatasetSummary[] = [];
  const violations: Violation[] = [];
  for (const file of opts.data) {
    const r = await checkDataset(contract, file, opts);
    datasets.push(r.summary);
    violations.push(...r.violations);
  }
  return validationReport(opts.contract, datasets, violations, opts.model ?? contract.model);
}

/** A serve prediction log (src/core/serve/prediction-rows.ts): its metadata columns say so. */
export function isPredictionLog(columns: readonly string[]): boolean {
  return columns.includes('_ts') && columns.includes('_model') && columns.includes('_version');
}

export async function checkDataset(
  contract: Contract,
  file: string,
  opts: { now: number; onProgress?: (p: ProfileProgress) => void; role?: DatasetRole },
): Promise<{ summary: DatasetSummary; violations: Violation[] }> {
  const source = await openTable(file, { invalidUtf8: 'replace' });
  assertOverlap(contract, source);
  const serving = isPredictionLog(source.columns);
  const check = new DatasetCheck(contract, { dataset: file, serving });
  check.see(source.columns);
  const numeric = contract.columns
    .filter((c) => c.type?.is === 'number' || c.type?.is === 'integer')
    .map((c) => c.name);
  const other = contract.columns.map((c) => c.name).filter((n) => !numeric.includes(n));
  for await (const batch of tableBatches(source, { numeric, other })) {
    check.add(batch);
    opts.onProgress?.({ file, rows: check.rows });
  }
  if (check.rows === 0)
    throw new ModelciError(
      'DATA',
      source.columns.length
        ? 'the file is empty: it has a header but no rows to validate'
        : 'the file is empty: no rows to validate',
      { file, hint: 'Check the step that wrote it' },
    );
  const role: DatasetRole = opts.role ?? (serving ? 'serving' : 'data');
  return {
    summary: {
      file,
      role,
      format: source.format,
      rows: check.rows,
      columns: check.columnCount,
    },
    violations: check.finish(opts.now),
  };
}

/** A contract none of whose columns is in the data is the wrong contract (or the wrong file). */
function assertOverlap(contract: Contract, source: TableSource): void {
  if (source.columns.length === 0 || contract.columns.length === 0) return;
  if (contract.columns.some((c) => source.columns.includes(c.name))) return;
  const list = (names: string[]) =>
    names.slice(0, 8).join(', ') + (names.length > 8 ? ` and ${names.length - 8} more` : '');
  throw new ModelciError(
    'DATA',
    `none of the contract's columns is in the data (contract: ${list(contract.columns.map((c) => c.name))}; data: ${list(source.columns)})`,
    { file: source.file, hint: 'Check that the contract is the one for this data' },
  );
}

export function writeValidationReport(report: ValidationReport, file: string): void {
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}
