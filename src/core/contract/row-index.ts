import type { Cell } from '../profile/column-profile.js';
import {
  FALSE_TOKENS,
  looksNumeric,
  MISSING_TOKENS,
  TRUE_TOKENS,
} from '../profile/column-profile.js';
import { HashRowSet, Hasher64 } from './hash-set.js';
import type { ColumnValues, TableBatch } from './table-batch.js';
import { Offences, share, type Violation } from './violation.js';

/**
 * Training vs holdout overlap: every training row (and id, when the contract names an id column) by
 * its 64-bit hash, then each holdout row looked up. Rows hash what their cells mean, over the
 * columns both files have, in one order: "1.0" in one CSV is 1 in the other, a JSON number is the
 * same number, and the column order of the files does not matter.
 */
/** Hashes one cell by what it means; returns true when it is missing. */
export function hashCell(h: Hasher64, v: Cell | undefined): boolean {
  if (v === null || v === undefined || (typeof v === 'number' && v !== v)) {
    h.missing();
    return true;
  }
  if (typeof v === 'number') h.number(v);
  else if (typeof v === 'boolean') h.boolean(v);
  else {
    const x = looksNumeric(v);
    if (x === x) h.number(x);
    else if (v.length < 5 && MISSING_TOKENS.has(v.toLowerCase())) {
      h.missing();
      return true;
    } else if (TRUE_TOKENS.has(v)) h.boolean(true);
    else if (FALSE_TOKENS.has(v)) h.boolean(false);
    else h.text(v);
  }
  return false;
}

function cellAt(values: ColumnValues | undefined, i: number): Cell | undefined {
  if (!values) return undefined;
  return values.numbers ? values.numbers[i] : values.cells?.[i];
}

export class RowIndex {
  private readonly rows = new HashRowSet();
  private readonly ids: HashRowSet | undefined;
  private readonly h = new Hasher64();
  /** Offending rows of the data set being probed. */
  private sharedRows = new Offences();
  private sharedIds = new Offences();

  /**
   * @param columns the columns rows are hashed over (those every file has), in one order
   * @param id the id column, when the contract declares one
   */
  constructor(
    readonly columns: readonly string[],
    readonly id?: string,
  ) {
    if (id) this.ids = new HashRowSet();
  }

  /** Adds the training data's rows. */
  add(batch: TableBatch): void {
    this.each(batch, (i, a, b) => this.rows.addOrFirst(a, b, batch.firstRow + i));
    if (this.ids) this.eachId(batch, (i, a, b) => this.ids!.addOrFirst(a, b, batch.firstRow + i));
  }

  /** Looks up another data set's rows; `overlaps` then reports what it shares. */
  probe(batch: TableBatch): void {
    this.each(batch, (i, a, b) => {
      const first = this.rows.firstRow(a, b);
      if (first) this.sharedRows.add(batch.firstRow + i, undefined, first);
    });
    if (this.ids) {
      const values = batch.columns.get(this.id!);
      this.eachId(batch, (i, a, b) => {
        const first = this.ids!.firstRow(a, b);
        if (first) this.sharedIds.add(batch.firstRow + i, cellAt(values, i) ?? '', first);
      });
    }
  }

  /** What the probed data set shares with the training data; resets for the next one. */
  overlaps(dataset: string, train: string, rows: number): Violation[] {
    const out: Violation[] = [];
    const { sharedRows, sharedIds } = this;
    if (sharedRows.count)
      out.push({
        dataset,
        check: 'overlap_rows',
        severity: 'error',
        count: sharedRows.count,
        share: share(sharedRows.count, rows),
        message: `${sharedRows.count.toLocaleString('en-US')} row${sharedRows.count === 1 ? ' is' : 's are'} also in the training data ${JSON.stringify(train)} (the same values in all ${this.columns.length} shared columns)`,
        examples: sharedRows.examples,
      });
    if (sharedIds.count)
      out.push({
        dataset,
        check: 'overlap_ids',
        column: this.id!,
        severity: 'error',
        count: sharedIds.count,
        share: share(sharedIds.count, rows),
        message: `${sharedIds.count.toLocaleString('en-US')} id${sharedIds.count === 1 ? ' is' : 's are'} also in the training data ${JSON.stringify(train)}`,
        examples: sharedIds.examples,
      });
    this.sharedRows = new Offences();
    this.sharedIds = new Offences();
    return out;
  }

  private each(batch: TableBatch, fn: (i: number, a: number, b: number) => void): void {
    const cols = this.columns.map((c) => batch.columns.get(c));
    const h = this.h;
    for (let i = 0; i < batch.length; i++) {
      h.reset();
      for (const values of cols) hashCell(h, cellAt(values, i));
      h.done();
      fn(i, h.a, h.b);
    }
  }

  private eachId(batch: TableBatch, fn: (i: number, a: number, b: number) => void): void {
    const values = batch.columns.get(this.id!);
    if (!values) return;
    const h = this.h;
    for (let i = 0; i < batch.length; i++) {
      if (hashCell(h.reset(), cellAt(values, i))) continue;
      h.done();
      fn(i, h.a, h.b);
    }
  }
}
