import { looksNumeric } from '../profile/column-profile.js';
import { parseTimestamp } from '../profile/timestamp.js';
import { ColumnCheck, plural } from './column-check.js';
import type { Contract, Relation } from './contract.js';
import { holds } from './relation.js';
import type { ColumnValues, TableBatch } from './table-batch.js';
import { Offences, share, type Violation } from './violation.js';

export interface DatasetCheckOptions {
  /** The data file as the user named it (reports and messages). */
  dataset: string;
  /**
   * A serve prediction log: its `_`-prefixed columns (time, model, version, outputs) are the
   * server's, not data, and the label is not there until someone joins it.
   */
  serving?: boolean;
  /** What the expectations come from (messages): the contract, or the training data (skew). */
  against?: 'contract' | 'training';
}

/**
 * One data set against a contract, batch by batch: every column's expectations, the relations
 * between columns, which columns are missing or extra, and the row-count band.
 */
export class DatasetCheck {
  rows = 0;
  private readonly checks = new Map<string, ColumnCheck>();
  private readonly present: string[] = [];
  private readonly presentSet = new Set<string>();
  private readonly relations: { relation: Relation; offences: Offences }[];

  constructor(
    readonly contract: Contract,
    readonly opts: DatasetCheckOptions,
  ) {
    for (const c of contract.columns)
      this.checks.set(c.name, new ColumnCheck(c, opts.against ?? 'contract'));
    this.relations = contract.relations.map((relation) => ({
      relation,
      offences: new Offences(),
    }));
  }

  /** The data's columns: a header read up front, or the keys a batch brought (JSON Lines). */
  see(names: Iterable<string>): void {
    for (const n of names)
      if (!this.presentSet.has(n)) {
        this.presentSet.add(n);
        this.present.push(n);
      }
  }

  /** How many columns the data has (so far). */
  get columnCount(): number {
    return this.present.length;
  }

  add(batch: TableBatch): void {
    this.see(batch.columns.keys());
    for (const [name, check] of this.checks) {
      const values = batch.columns.get(name);
      if (values) check.add(values, batch.length, batch.firstRow);
      else check.absent(batch.length, batch.firstRow);
    }
    for (const { relation, offences } of this.relations) {
      const left = numericView(batch.columns.get(relation.left), batch.length);
      const right =
        typeof relation.right === 'number'
          ? relation.right
          : numericView(batch.columns.get(relation.right), batch.length);
      for (let i = 0; i < batch.length; i++) {
        const a = left[i]!;
        const b = typeof right === 'number' ? right : right[i]!;
        if (a === a && b === b && !holds(a, relation.op, b))
          offences.add(
            batch.firstRow + i,
            typeof relation.right === 'number'
              ? `${relation.left}=${cellText(batch, relation.left, i)}`
              : `${relation.left}=${cellText(batch, relation.left, i)}, ${relation.right}=${cellText(batch, relation.right, i)}`,
          );
      }
    }
    this.rows += batch.length;
  }

  /** Every violation found; `now` (ms since the epoch) is what freshness is measured against. */
  finish(now: number): Violation[] {
    const found = this.violations(now);
    return this.opts.against === 'training' ? found.map((v) => ({ ...v, scope: 'skew' })) : found;
  }

  private violations(now: number): Violation[] {
    const { dataset, serving } = this.opts;
    const c = this.contract;
    const out: Violation[] = [];
    const missingColumns: string[] = [];
    for (const [name, check] of this.checks) {
      if (!this.presentSet.has(name)) {
        const optional = !check.contract.required || (serving && name === c.label);
        if (!optional) missingColumns.push(name);
        continue;
      }
      out.push(...check.violations(dataset, this.rows, now));
    }
    for (const name of missingColumns)
      out.push({
        dataset,
        check: 'missing_column',
        column: name,
        severity: 'error',
        count: 0,
        share: 0,
        message: `the column "${name}" is missing (${this.opts.against === 'training' ? 'the training data has it' : 'the contract requires it'})`,
        examples: [],
      });
    if (c.extraColumns !== 'ignore')
      for (const name of this.present) {
        if (this.checks.has(name) || (serving && name.startsWith('_'))) continue;
        out.push({
          dataset,
          check: 'extra_column',
          column: name,
          severity: c.extraColumns,
          count: 0,
          share: 0,
          message: `the column "${name}" is not in ${this.opts.against === 'training' ? 'the training data' : 'the contract'}`,
          examples: [],
        });
      }
    for (const { relation, offences } of this.relations) {
      if (!offences.count) continue;
      out.push({
        dataset,
        check: 'relation',
        column: relation.left,
        severity: relation.severity,
        count: offences.count,
        share: share(offences.count, this.rows),
        message: `${plural(offences.count, 'row')} break${offences.count === 1 ? 's' : ''} \`${relation.text}\``,
        examples: offences.examples,
      });
    }
    const band = c.rows;
    if (
      band &&
      ((band.min !== undefined && this.rows < band.min) ||
        (band.max !== undefined && this.rows > band.max))
    )
      out.push({
        dataset,
        check: 'rows',
        severity: band.severity,
        count: this.rows,
        share: 1,
        message: `${plural(this.rows, 'row')}; the contract expects ${band.min ?? 0} to ${band.max ?? 'any number of'} rows`,
        examples: [],
      });
    return out;
  }
}

/** A column as numbers for comparisons: numbers, numeric text and timestamps (ms); else NaN. */
function numericView(values: ColumnValues | undefined, length: number): Float64Array {
  if (values?.numbers) return values.numbers;
  const out = new Float64Array(length).fill(Number.NaN);
  const cells = values?.cells;
  if (!cells) return out;
  for (let i = 0; i < length; i++) {
    const v = cells[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'string') {
      const x = looksNumeric(v);
      out[i] = x === x ? x : parseTimestamp(v);
    }
  }
  return out;
}

function cellText(batch: TableBatch, column: string, i: number): string {
  const v = batch.columns.get(column);
  return String(v?.numbers ? v.numbers[i] : (v?.cells?.[i] ?? ''));
}
