/**
 * The shape every tabular reader (CSV, JSONL, Parquet) yields, so evaluate, drift and profile
 * read data the same way: streamed in batches, column-major, with row numbers for errors.
 */
export type Cell = string | number | boolean | null;

export interface RecordBatch {
  /** Column names, in file order. */
  columns: string[];
  /** 1-based number of this batch's first data row (header excluded), for error messages. */
  firstRow: number;
  /** Number of rows in this batch. */
  length: number;
  /** values[c][r]: cell of column c, row r. CSV yields strings ('' for empty); null = missing. */
  values: Cell[][];
}

export interface TableSource {
  /** The path as the user gave it (for error messages). */
  file: string;
  format: 'csv' | 'jsonl' | 'parquet';
  columns: string[];
  /** Streams the rows in batches of at most `batchSize`; memory stays bounded by the batch. */
  batches(batchSize?: number): AsyncIterable<RecordBatch>;
}
