import { ModelciError } from '../errors.js';
import { ColumnProfile, type Cell, type ColumnProfileJson } from './column-profile.js';
import { columnKind, summarizeColumn, type ColumnSummary } from './column-kind.js';
import { DEFAULT_SKETCH_K } from './quantile-sketch.js';

/**
 * The profile of a whole table: one ColumnProfile per column in file order. Built batch by batch
 * (memory bounded by the sketches and the capped counts, not by the row count); profiles of shards
 * merge into the profile of their union.
 */
export const PROFILE_FORMAT = 'modelci-profile';
export const PROFILE_VERSION = 1;

export interface ProfileSource {
  file: string;
  format: string;
  rows: number;
}

export interface TableProfileJson {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  rows: number;
  sketch_k: number;
  sources: ProfileSource[];
  /** Derived, for people reading the file; ignored when the profile is loaded. */
  summary?: ColumnSummary[];
  columns: ColumnProfileJson[];
}

/** The column-major batch shape readers yield (src/data/table.ts RecordBatch). */
export interface ProfileBatch {
  columns: string[];
  firstRow: number;
  length: number;
  values: Cell[][];
}

/** The CSV scanner's batch shape (src/data/csv.ts ScanBatch). */
export interface ScanLikeBatch {
  firstRow: number;
  length: number;
  numeric: Float64Array[];
  strings: string[][];
  invalid: number[];
}

export class TableProfile {
  rows = 0;
  readonly sketchK: number;
  sources: ProfileSource[] = [];
  readonly columns = new Map<string, ColumnProfile>();

  constructor(sketchK = DEFAULT_SKETCH_K) {
    this.sketchK = sketchK;
  }

  /** Starts a source; `addBatch` calls that follow count towards it. */
  beginSource(file: string, format: string): void {
    this.sources.push({ file, format, rows: 0 });
  }

  addBatch(batch: ProfileBatch): void {
    const source = this.sources[this.sources.length - 1];
    const file = source?.file ?? '';
    const seen = new Set<string>();
    batch.columns.forEach((name, c) => {
      let col = this.columns.get(name);
      if (!col) {
        col = new ColumnProfile(name, this.sketchK);
        col.addMissing(this.rows);
        this.columns.set(name, col);
      }
      seen.add(name);
      const values = batch.values[c]!;
      for (let r = 0; r < batch.length; r++) col.add(values[r] ?? null, file, batch.firstRow + r);
    });
    for (const [name, col] of this.columns) if (!seen.has(name)) col.addMissing(batch.length);
    this.rows += batch.length;
    if (source) source.rows += batch.length;
  }

  /** Declares columns up front, in file order (scanned batches come split by type). */
  declareColumns(names: string[]): void {
    for (const name of names) {
      if (this.columns.has(name)) continue;
      const col = new ColumnProfile(name, this.sketchK);
      col.addMissing(this.rows);
      this.columns.set(name, col);
    }
  }

  /** A batch from the CSV scanner: numbers already parsed for `numericNames`, text for the rest. */
  addScanBatch(batch: ScanLikeBatch, numericNames: string[], stringNames: string[]): void {
    const source = this.sources[this.sources.length - 1];
    const file = source?.file ?? '';
    numericNames.forEach((name, k) =>
      this.columns
        .get(name)!
        .addNumbers(batch.numeric[k]!, batch.invalid[k]!, file, batch.firstRow),
    );
    stringNames.forEach((name, k) => {
      const col = this.columns.get(name)!;
      const values = batch.strings[k]!;
      for (let r = 0; r < batch.length; r++) col.add(values[r] ?? null, file, batch.firstRow + r);
    });
    this.rows += batch.length;
    if (source) source.rows += batch.length;
  }

  merge(other: TableProfile): void {
    if (other.sketchK !== this.sketchK) {
      throw new ModelciError(
        'INPUT',
        `cannot merge profiles built with sketch sizes ${this.sketchK} and ${other.sketchK}`,
        {
          hint: 'build every shard with the same --sketch-size',
        },
      );
    }
    for (const [name, col] of this.columns)
      if (!other.columns.has(name)) col.addMissing(other.rows);
    for (const [name, col] of other.columns) {
      const mine = this.columns.get(name);
      if (mine) mine.merge(col);
      else {
        const copy = ColumnProfile.fromJSON(col.toJSON());
        const fresh = new ColumnProfile(name, this.sketchK);
        fresh.addMissing(this.rows);
        fresh.merge(copy);
        this.columns.set(name, fresh);
      }
    }
    this.rows += other.rows;
    this.sources.push(...other.sources.map((s) => ({ ...s })));
  }

  toJSON(): TableProfileJson {
    return {
      format: PROFILE_FORMAT,
      version: PROFILE_VERSION,
      rows: this.rows,
      sketch_k: this.sketchK,
      sources: this.sources.map((s) => ({ ...s })),
      summary: [...this.columns.values()].map(summarizeColumn),
      columns: [...this.columns.values()].map((c) => c.toJSON()),
    };
  }

  /** Loads and checks a profile JSON value; errors name the file and key path. */
  static fromJSON(value: unknown, file: string): TableProfile {
    const fail = (path: string, message: string): never => {
      throw new ModelciError('INPUT', message, {
        file,
        path,
        hint: 'build it with `modelci profile <data> -o <file>`',
      });
    };
    if (typeof value !== 'object' || value === null)
      return fail('', 'not a modelci profile (expected a JSON object)');
    const json = value as Partial<TableProfileJson>;
    if (json.format !== PROFILE_FORMAT)
      return fail('format', `not a modelci profile (format must be "${PROFILE_FORMAT}")`);
    if (json.version !== PROFILE_VERSION)
      return fail('version', `unsupported profile version ${String(json.version)}`);
    if (!Number.isInteger(json.rows) || (json.rows as number) < 0)
      return fail('rows', 'must be a non-negative integer');
    if (!Number.isInteger(json.sketch_k)) return fail('sketch_k', 'must be an integer');
    if (!Array.isArray(json.columns)) return fail('columns', 'must be a list');
    const profile = new TableProfile(json.sketch_k);
    profile.rows = json.rows as number;
    profile.sources = Array.isArray(json.sources) ? json.sources.map((s) => ({ ...s })) : [];
    json.columns.forEach((c, i) => {
      try {
        if (typeof c?.name !== 'string') fail(`columns.${i}.name`, 'must be a string');
        if (c.count !== profile.rows)
          fail(`columns.${i}.count`, `is ${c.count}, but the profile has ${profile.rows} rows`);
        profile.columns.set(c.name, ColumnProfile.fromJSON(c));
      } catch (e) {
        if (e instanceof ModelciError) throw e;
        fail(
          `columns.${i}`,
          `is not a valid column profile (${e instanceof Error ? e.message : String(e)})`,
        );
      }
    });
    return profile;
  }
}

export { columnKind };
