import type { Cell } from '../profile/column-profile.js';

/**
 * One batch of rows as the contract checks read it, whatever the file format: per column either
 * numbers parsed straight from a CSV's bytes (NaN = missing or not a number, with the text cells
 * that were not numbers counted and a few kept), or cells as the readers yield them (CSV text,
 * JSON/Parquet typed values, null = missing).
 */
export interface ColumnValues {
  numbers?: Float64Array;
  cells?: readonly Cell[];
  /** With `numbers`: how many cells held text that is not a number, and the first few. */
  invalid?: { count: number; examples: readonly { row: number; text: string }[] };
}

export interface TableBatch {
  /** 1-based number of the batch's first data row (a header is not counted). */
  firstRow: number;
  length: number;
  /** The columns this batch has; a column absent here is missing in every row of the batch. */
  columns: ReadonlyMap<string, ColumnValues>;
}

/** Shortest form a value is shown in (reports keep examples short; escaping happens on output). */
export const MAX_EXAMPLE_CHARS = 80;

export function exampleText(v: string | number | boolean): string {
  const s = typeof v === 'string' ? v : String(v);
  return s.length > MAX_EXAMPLE_CHARS ? `${s.slice(0, MAX_EXAMPLE_CHARS - 1)}…` : s;
}
