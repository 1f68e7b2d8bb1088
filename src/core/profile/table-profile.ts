import { ModelciError } from '../errors.js';
import { ColumnProfile, type Cell, type ColumnProfileJson } from './column-profile.js';
import { columnKind, summarizeColumn, type ColumnSummary } from './column-kind.js';
import {
  PerformanceProfile,
  type PerformanceProfileJson,
  type PerformanceSpec,
} from './performance-profile.js';
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
  /** Model performance on the labelled rows, when label and prediction columns were named. */
  performance?: PerformanceProfileJson;
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
  performance: PerformanceProfile | undefined;

  constructor(sketchK = DEFAULT_SKETCH_K) {
    this.sketchK = sketchK;
  }

  /** Also summarise model performance (label vs prediction columns) from now on. */
  trackPerformance(spec: PerformanceSpec): void {
    this.performance = new PerformanceProfile(spec);
    this.performance.unlabelled = this.rows;
  }

  private addPerformance(
    cellOf: (name: string) => ((r: number) => Cell) | undefined,
    length: number,
    file: string,
    firstRow: number,
  ): void {
    const perf = this.performance;
    if (!perf) return;
    const none = (): Cell => null;
    const y = cellOf(perf.spec.label) ?? none;
    const p = perf.spec.prediction ? (cellOf(perf.spec.prediction) ?? none) : none;
    const s = perf.spec.score ? (cellOf(perf.spec.score) ?? none) : none;
    for (let r = 0; r < length; r++) perf.add(y(r), p(r), s(r), file, firstRow + r);
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
    this.addPerformance(
      (name) => {
        const values = batch.values[batch.columns.indexOf(name)];
        return values ? (r) => values[r] ?? null : undefined;
      },
      batch.length,
      file,
      batch.firstRow,
    );
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
    stringNames.forEach((name, k) =>
      this.columns.get(name)!.addTexts(batch.strings[k]!, batch.length, file, batch.firstRow),
    );
    this.addPerformance(
      (name) => {
        const k = numericNames.indexOf(name);
        if (k >= 0) {
          const xs = batch.numeric[k]!;
          return (r) => xs[r]!;
        }
        const values = batch.strings[stringNames.indexOf(name)];
        return values ? (r) => values[r] ?? null : undefined;
      },
      batch.length,
      file,
      batch.firstRow,
    );
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
    if (this.performance && other.performance) this.performance.merge(other.performance);
    else if (this.performance) this.performance.unlabelled += other.rows;
    else if (other.performance) {
      this.performance = PerformanceProfile.fromJSON(other.performance.toJSON());
      this.performance.unlabelled += this.rows;
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
      ...(this.performance ? { performance: this.performance.toJSON() } : {}),
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
    if (json.performance !== undefined) {
      const perf = json.performance as Partial<PerformanceProfileJson> | null;
      const spec = perf?.spec;
      if (
        typeof spec !== 'object' ||
        spec === null ||
        typeof spec.label !== 'string' ||
        !['binary', 'multiclass', 'regression'].includes(spec.task as string)
      )
        return fail('performance.spec', 'must name the task and the label column');
      if (!Number.isInteger(perf!.labelled) || !Number.isInteger(perf!.unlabelled))
        return fail('performance', 'labelled and unlabelled must be integers');
      if (
        spec.task === 'regression'
          ? typeof perf!.regression !== 'object'
          : !Array.isArray(perf!.rows)
      )
        return fail(
          spec.task === 'regression' ? 'performance.regression' : 'performance.rows',
          'is missing',
        );
      try {
        profile.performance = PerformanceProfile.fromJSON(perf as PerformanceProfileJson);
      } catch (e) {
        if (e instanceof ModelciError) throw e;
        return fail('performance', `is not a valid performance summary (${String(e)})`);
      }
    }
    return profile;
  }
}

export { columnKind };
