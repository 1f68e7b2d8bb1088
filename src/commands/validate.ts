import { writeFileSync } from 'node:fs';
import { readContract } from '../config/contract-file.js';
import type { Contract } from '../core/contract/contract.js';
import { DatasetCheck } from '../core/contract/dataset-check.js';
import { LeakageCheck } from '../core/contract/leakage.js';
import {
  validationReport,
  type DatasetRole,
  type DatasetSummary,
  type ValidationReport,
} from '../core/contract/report.js';
import { RowIndex } from '../core/contract/row-index.js';
import { skewContract } from '../core/contract/skew.js';
import type { Violation } from '../core/contract/violation.js';
import { ModelciError } from '../core/errors.js';
import { openTable } from '../data/open-table.js';
import type { TableSource } from '../data/table.js';
import { tableBatches } from '../data/table-batches.js';
import { isProfilePath, profileFile, readProfile, type ProfileProgress } from './profile.js';

/**
 * `runValidate`: data files against a data contract, each in one streaming pass (memory bounded by
 * a batch, per-column counters and, for unique columns and the training data's rows, one 64-bit
 * hash per value or row). With training data: its label leakage, and the rows and ids each data
 * file shares with it. With a training profile: train/serve skew of each data file.
 */
export interface ValidateOptions {
  /** The contract file; optional when only skew is checked. */
  contract?: string;
  /** Data files to check (a holdout, a production window, serve's prediction log). */
  data: string[];
  /** Training data: checked too, for leakage, and as what the data must not overlap with. */
  train?: string;
  /** Training profile (or data): the reference of train/serve skew. */
  trainingProfile?: string;
  /** The label when the contract names none (the model's data.label). */
  label?: string;
  /** Milliseconds since the epoch: what freshness is measured against (core has no clock). */
  now: number;
  model?: string;
  onProgress?: (p: ProfileProgress) => void;
}

export async function runValidate(opts: ValidateOptions): Promise<ValidationReport> {
  if (opts.data.length === 0 && !opts.train)
    throw new ModelciError('USAGE', 'no data to validate', {
      hint: 'Pass --data <file> (or --model with data.train / data.holdout in modelci.yaml)',
    });
  if (!opts.contract && !opts.trainingProfile)
    throw new ModelciError('USAGE', 'nothing to validate against', {
      hint: 'Pass --contract <file> (or --training-profile <profile.json> for train/serve skew)',
    });
  const contract = opts.contract ? readContract(opts.contract).contract : undefined;
  const label = contract?.label ?? opts.label;
  const skew = opts.trainingProfile ? await trainingSkew(opts.trainingProfile, label) : undefined;
  const train = opts.train ? await openTable(opts.train, { invalidUtf8: 'replace' }) : undefined;
  const data: TableSource[] = [];
  for (const file of opts.data) data.push(await openTable(file, { invalidUtf8: 'replace' }));
  // Rows are compared over the columns every file has, in the training data's order.
  const index = train
    ? new RowIndex(
        train.columns.filter((c) => data.every((d) => d.columns.includes(c))),
        contract?.id,
      )
    : undefined;
  const datasets: DatasetSummary[] = [];
  const violations: Violation[] = [];
  const pass = async (source: TableSource, role: 'train' | 'data'): Promise<void> => {
    const r = await checkSource(source, {
      contract,
      skew: role === 'data' ? skew : undefined,
      index: index && { table: index, mode: role === 'train' ? 'add' : 'probe' },
      // Leakage is a property of what the model learns from: the training data when given.
      leakage: label !== undefined && (role === 'train' || !train) ? label : undefined,
      role,
      now: opts.now,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    datasets.push(r.summary);
    violations.push(...r.violations);
    if (index && role === 'data')
      violations.push(...index.overlaps(source.file, train!.file, r.summary.rows));
  };
  if (train) await pass(train, 'train');
  for (const source of data) await pass(source, 'data');
  const report = validationReport(
    opts.contract ?? `train/serve skew against ${opts.trainingProfile}`,
    datasets,
    violations,
    opts.model ?? contract?.model,
  );
  return opts.contract && opts.trainingProfile
    ? { ...report, training_profile: opts.trainingProfile }
    : report;
}

async function trainingSkew(file: string, label: string | undefined): Promise<Contract> {
  const profile = isProfilePath(file) ? readProfile(file) : (await profileFile(file)).profile;
  if (profile.rows === 0)
    throw new ModelciError('DATA', 'the training profile is empty: nothing to compare with', {
      file,
    });
  // The label is the column a prediction log lacks: the profile names it when it summarised
  // performance (`modelci profile --label`).
  return skewContract(profile, label ?? profile.performance?.spec.label);
}

/** A serve prediction log (src/core/serve/prediction-rows.ts): its metadata columns say so. */
export function isPredictionLog(columns: readonly string[]): boolean {
  return columns.includes('_ts') && columns.includes('_model') && columns.includes('_version');
}

/** One file against a contract alone (what `contract infer` checks its own output with, tests). */
export async function checkDataset(
  contract: Contract,
  file: string,
  opts: { now: number },
): Promise<{ summary: DatasetSummary; violations: Violation[] }> {
  const source = await openTable(file, { invalidUtf8: 'replace' });
  return checkSource(source, {
    contract,
    skew: undefined,
    index: undefined,
    leakage: undefined,
    role: 'data',
    now: opts.now,
  });
}

interface SourceChecks {
  contract: Contract | undefined;
  skew: Contract | undefined;
  index: { table: RowIndex; mode: 'add' | 'probe' } | undefined;
  leakage: string | undefined;
  role: 'train' | 'data';
  now: number;
  onProgress?: (p: ProfileProgress) => void;
}

/** One data file through every check that applies to it, in one pass. */
async function checkSource(
  source: TableSource,
  c: SourceChecks,
): Promise<{ summary: DatasetSummary; violations: Violation[] }> {
  const file = source.file;
  if (c.contract) assertOverlap(c.contract, source);
  const serving = isPredictionLog(source.columns);
  const checks: DatasetCheck[] = [];
  if (c.contract) checks.push(new DatasetCheck(c.contract, { dataset: file, serving }));
  if (c.skew)
    checks.push(new DatasetCheck(c.skew, { dataset: file, serving, against: 'training' }));
  for (const check of checks) check.see(source.columns);
  const leakage =
    c.leakage && source.columns.includes(c.leakage) && !serving
      ? new LeakageCheck(c.leakage, leakageFeatures(c.contract, source.columns))
      : undefined;
  const read = readPlan(
    [c.contract, c.skew],
    [...(c.index?.table.columns ?? []), ...(c.index?.table.id ? [c.index.table.id] : [])],
    leakage ? source.columns : [],
  );
  let rows = 0;
  for await (const batch of tableBatches(source, read)) {
    for (const check of checks) check.add(batch);
    if (c.index?.mode === 'add') c.index.table.add(batch);
    else c.index?.table.probe(batch);
    leakage?.add(batch);
    rows += batch.length;
    c.onProgress?.({ file, rows });
  }
  if (rows === 0)
    throw new ModelciError(
      'DATA',
      source.columns.length
        ? 'the file is empty: it has a header but no rows to validate'
        : 'the file is empty: no rows to validate',
      { file, hint: 'Check the step that wrote it' },
    );
  const role: DatasetRole = c.role === 'train' ? 'train' : serving ? 'serving' : 'data';
  const columns = Math.max(source.columns.length, ...checks.map((k) => k.columnCount));
  return {
    summary: { file, role, format: source.format, rows, columns },
    violations: [
      ...checks.flatMap((k) => k.finish(c.now)),
      ...(leakage ? leakage.finish(file, rows) : []),
    ],
  };
}

/**
 * Which columns to read, and how: as numbers from the bytes where every contract applied says
 * number or integer (the fast path), as cells for the rest.
 */
function readPlan(
  contracts: (Contract | undefined)[],
  alsoRead: string[],
  allColumns: readonly string[],
): { numeric: string[]; other: string[] } {
  const typed = new Map<string, boolean>();
  for (const contract of contracts)
    for (const col of contract?.columns ?? []) {
      const numeric = col.type?.is === 'number' || col.type?.is === 'integer';
      typed.set(col.name, (typed.get(col.name) ?? true) && numeric);
    }
  const numeric = [...typed].filter(([, n]) => n).map(([name]) => name);
  const other = [...new Set([...typed.keys(), ...alsoRead, ...allColumns])].filter(
    (n) => !numeric.includes(n),
  );
  return { numeric, other };
}

/** The features leakage looks at: not the id, unique columns or timestamps (they predict rows). */
function leakageFeatures(
  contract: Contract | undefined,
  columns: readonly string[],
): Map<string, 'number' | 'text' | undefined> {
  const out = new Map<string, 'number' | 'text' | undefined>();
  for (const name of columns) {
    const col = contract?.columns.find((c) => c.name === name);
    if (col?.unique || col?.type?.is === 'timestamp' || name === contract?.id) continue;
    const t = col?.type?.is;
    out.set(name, t === 'number' || t === 'integer' ? 'number' : t ? 'text' : undefined);
  }
  return out;
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
