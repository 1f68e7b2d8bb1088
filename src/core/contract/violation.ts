import type { Severity } from './schema.js';
import { exampleText } from './table-batch.js';

/** What a data check can find; the names are the JSON report's `check` values. */
export type CheckName =
  | 'missing_column'
  | 'extra_column'
  | 'rows'
  | 'type'
  | 'missing'
  | 'range'
  | 'allowed'
  | 'pattern'
  | 'unique'
  | 'freshness'
  | 'relation'
  | 'overlap_rows'
  | 'overlap_ids'
  | 'leakage';

/** A row that shows a violation: its number, its value, and the row it repeats (duplicates). */
export interface ViolationExample {
  row: number;
  value?: string;
  /** Duplicates and overlaps: the row (of this data set, or of the other one) seen first. */
  first_row?: number;
}

export interface Violation {
  /** The data file, as the user named it. */
  dataset: string;
  check: CheckName;
  /** `skew`: found against the training data (train/serve skew), not against the contract. */
  scope?: 'skew';
  column?: string;
  severity: Severity;
  /** Rows that break the expectation (0 for a column that is missing or extra). */
  count: number;
  /** count / rows of the data set. */
  share: number;
  /** One sentence: what was expected and what was found. */
  message: string;
  examples: ViolationExample[];
  /** `allowed`: the values found that are not allowed, most frequent first. */
  values?: { value: string; count: number }[];
}

/** Examples kept per violation. */
export const MAX_EXAMPLES = 5;

/** A count of offending rows with the first few examples. */
export class Offences {
  count = 0;
  readonly examples: ViolationExample[] = [];

  /** One offending row; its value is turned into text only when it is kept as an example. */
  add(row: number, value?: string | number | boolean, firstRow?: number): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES)
      this.examples.push({
        row,
        ...(value !== undefined ? { value: exampleText(value) } : {}),
        ...(firstRow !== undefined ? { first_row: firstRow } : {}),
      });
  }

  /** Adds `n` offences counted elsewhere, with their examples (first come, first kept). */
  addCounted(n: number, examples: readonly ViolationExample[]): void {
    this.count += n;
    for (const e of examples) if (this.examples.length < MAX_EXAMPLES) this.examples.push(e);
  }
}

export function share(count: number, rows: number): number {
  return rows > 0 ? count / rows : 0;
}
