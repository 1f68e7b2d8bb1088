/** A table cell as readers yield it (same shape as src/data/table.ts). */
export type Cell = string | number | boolean | null;
import { QuantileSketch, type QuantileSketchJson } from './quantile-sketch.js';
import { isTimestamp } from './timestamp.js';

/**
 * One column's reference profile, built in one streaming pass and mergeable: counts per value
 * kind, moments, a quantile sketch of the finite numbers, exact value counts while the column has
 * few distinct values, and category counts (text and booleans) up to a cap.
 */

/** Cells that mean "missing", compared lower-case (pandas' default NA tokens; the CSV reader's set). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  'na',
  'n/a',
  'nan',
  'null',
  'none',
  '-nan',
  '#n/a',
]);
export const TRUE_TOKENS: ReadonlySet<string> = new Set(['true', 'True', 'TRUE']);
export const FALSE_TOKENS: ReadonlySet<string> = new Set(['false', 'False', 'FALSE']);

/** Distinct numbers counted exactly (for n_unique in the test choice and value-frequency bins). */
export const MAX_NUMERIC_VALUES = 1000;
/** Distinct labels counted exactly; beyond it the column is free text and gets no test. */
export const MAX_CATEGORIES = 10000;

export interface CellWhere {
  file: string;
  row: number;
  value: string;
}

export interface Moments {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export interface ColumnProfileJson {
  name: string;
  count: number;
  missing: number;
  numeric: number;
  infinite: number;
  boolean: number;
  text: number;
  /** Finite numbers that are not whole (absent in profiles written before it was counted). */
  fractional?: number;
  /** Text cells that are ISO 8601 timestamps (absent in older profiles). */
  timestamps?: number;
  first_text?: CellWhere;
  first_number?: CellWhere;
  moments: Moments;
  sketch: QuantileSketchJson;
  /** [value, count] while the column has <= MAX_NUMERIC_VALUES distinct numbers, else null. */
  numeric_values: [number, number][] | null;
  /** [label, count] of text and boolean cells while <= MAX_CATEGORIES distinct, else null. */
  categories: [string, number][] | null;
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a decimal literal cell holds, else NaN. `Number()` does the work; the checks around it
 * reject what Number accepts but a data file does not mean as a number (hex, padding, "Infinity").
 */
export function looksNumeric(cell: string): number {
  const c0 = cell.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46)) return Number.NaN;
  const last = cell.charCodeAt(cell.length - 1);
  if (!((last >= 48 && last <= 57) || last === 46)) return Number.NaN;
  const x = Number(cell);
  if (x !== x) return Number.NaN;
  if (!Number.isFinite(x)) return NUMBER_RE.test(cell) ? x : Number.NaN; // 1e999 overflows to ±inf
  // 0x.., 0b.., 0o.. and inner spaces pass Number(); the literal grammar settles those rare cases.
  const c1 = cell.charCodeAt(1);
  if (c0 === 48 && (c1 === 120 || c1 === 88 || c1 === 98 || c1 === 66 || c1 === 111 || c1 === 79))
    return Number.NaN;
  return x;
}

type TextKind = 'number' | 'missing' | 'true' | 'false' | 'text';

/** What `ColumnProfile.add` makes of a text cell (the same tests in the same order). */
function textKind(cell: string): TextKind {
  const x = looksNumeric(cell);
  if (x === x) return 'number';
  if (cell.length < 5 && MISSING_TOKENS.has(cell.toLowerCase())) return 'missing';
  if (
    cell === 'inf' ||
    cell === '-inf' ||
    cell === 'Infinity' ||
    cell === '-Infinity' ||
    cell === '+inf'
  )
    return 'number';
  if (TRUE_TOKENS.has(cell)) return 'true';
  if (FALSE_TOKENS.has(cell)) return 'false';
  return 'text';
}

export class ColumnProfile {
  readonly name: string;
  count = 0;
  missing = 0;
  numeric = 0;
  infinite = 0;
  boolean = 0;
  text = 0;
  /** Undefined when loaded from a profile that did not count it. */
  fractional: number | undefined = 0;
  timestamps: number | undefined = 0;
  firstText: CellWhere | undefined;
  firstNumber: CellWhere | undefined;
  moments: Moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
  sketch: QuantileSketch;
  numericValues: Map<number, number> | null = new Map();
  categories: Map<string, number> | null = new Map();

  constructor(name: string, sketchK?: number) {
    this.name = name;
    this.sketch = new QuantileSketch(sketchK);
  }

  /** Adds `n` rows where the column is absent (a shard or JSON line without it). */
  addMissing(n: number): void {
    this.count += n;
    this.missing += n;
  }

  add(cell: Cell, file: string, row: number): void {
    this.count++;
    if (cell === null || cell === undefined) {
      this.missing++;
      return;
    }
    if (typeof cell === 'number') return this.addNumber(cell, file, row, cell);
    if (typeof cell === 'boolean') return this.addLabel(cell ? 'true' : 'false', true);
    const x = looksNumeric(cell);
    if (x === x) return this.addNumber(x, file, row, cell);
    if (cell.length < 5 && MISSING_TOKENS.has(cell.toLowerCase())) {
      this.missing++;
      return;
    }
    if (
      cell === 'inf' ||
      cell === '-inf' ||
      cell === 'Infinity' ||
      cell === '-Infinity' ||
      cell === '+inf'
    ) {
      return this.addNumber(cell.startsWith('-') ? -Infinity : Infinity, file, row, cell);
    }
    if (TRUE_TOKENS.has(cell)) return this.addLabel('true', true);
    if (FALSE_TOKENS.has(cell)) return this.addLabel('false', true);
    this.text++;
    if (this.timestamps !== undefined && isTimestamp(cell)) this.timestamps++;
    if (!this.firstText) this.firstText = { file, row, value: cell.slice(0, 60) };
    this.addLabel(cell, false);
  }

  /**
   * A column of numbers parsed by the CSV scanner: NaN is missing, except `invalid` of them that
   * were text (their values and rows are not known here; see `firstText`).
   */
  addNumbers(values: Float64Array, invalid: number, file: string, firstRow: number): void {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      this.count++;
      if (x !== x) this.missing++;
      else this.addNumber(x, file, firstRow + i, x);
    }
    if (invalid) {
      this.missing -= invalid;
      this.text += invalid;
    }
  }

  /**
   * A batch of text cells (the CSV scanner's string columns): each distinct cell is classified
   * once, and counted with its multiplicity. A categorical column repeats a few labels a million
   * times; classifying every cell (number? missing token? boolean? timestamp?) and counting it in
   * the category map was a tenth of a large drift check. The profile is the one `add` builds cell
   * by cell: categories enter in the order of their first cells, `firstText` is the first text
   * cell's row, and a batch with any number in it (whose order the moments and the sketch depend
   * on) is added cell by cell.
   */
  addTexts(
    values: readonly (string | null)[],
    length: number,
    file: string,
    firstRow: number,
  ): void {
    const seen = new Map<string, { n: number; row: number }>();
    let nulls = 0;
    for (let r = 0; r < length; r++) {
      const cell = values[r];
      if (cell === null || cell === undefined) {
        nulls++;
        continue;
      }
      const hit = seen.get(cell);
      if (hit) hit.n++;
      else seen.set(cell, { n: 1, row: firstRow + r });
    }
    const kinds: TextKind[] = [];
    for (const cell of seen.keys()) {
      const kind = textKind(cell);
      if (kind === 'number') {
        for (let r = 0; r < length; r++) this.add(values[r] ?? null, file, firstRow + r);
        return;
      }
      kinds.push(kind);
    }
    this.count += length;
    this.missing += nulls;
    let i = 0;
    for (const [cell, { n, row }] of seen) {
      const kind = kinds[i++]!;
      if (kind === 'missing') this.missing += n;
      else if (kind === 'true' || kind === 'false') this.addLabel(kind, true, n);
      else {
        this.text += n;
        if (this.timestamps !== undefined && isTimestamp(cell)) this.timestamps += n;
        if (!this.firstText) this.firstText = { file, row, value: cell.slice(0, 60) };
        this.addLabel(cell, false, n);
      }
    }
  }

  private addNumber(x: number, file: string, row: number, raw: number | string): void {
    if (Number.isNaN(x)) {
      this.missing++;
      return;
    }
    if (!this.firstNumber) this.firstNumber = { file, row, value: String(raw).slice(0, 60) };
    if (!Number.isFinite(x)) {
      this.infinite++;
      return;
    }
    this.numeric++;
    if (this.fractional !== undefined && Math.floor(x) !== x) this.fractional++;
    addMoment(this.moments, x);
    this.sketch.add(x);
    const values = this.numericValues;
    if (values) {
      const c = values.get(x);
      if (c !== undefined) values.set(x, c + 1);
      else if (values.size < MAX_NUMERIC_VALUES) values.set(x, 1);
      else this.numericValues = null;
    }
  }

  private addLabel(label: string, isBoolean: boolean, n = 1): void {
    if (isBoolean) this.boolean += n;
    const cats = this.categories;
    if (!cats) return;
    const c = cats.get(label);
    if (c !== undefined) cats.set(label, c + n);
    else if (cats.size < MAX_CATEGORIES) cats.set(label, n);
    else this.categories = null;
  }

  merge(other: ColumnProfile): void {
    this.count += other.count;
    this.missing += other.missing;
    this.numeric += other.numeric;
    this.infinite += other.infinite;
    this.boolean += other.boolean;
    this.text += other.text;
    this.fractional = sumKnown(this.fractional, other.fractional);
    this.timestamps = sumKnown(this.timestamps, other.timestamps);
    this.firstText ??= other.firstText;
    this.firstNumber ??= other.firstNumber;
    this.moments = mergeMoments(this.moments, other.moments);
    this.sketch.merge(other.sketch);
    this.numericValues = mergeCounts(this.numericValues, other.numericValues, MAX_NUMERIC_VALUES);
    this.categories = mergeCounts(this.categories, other.categories, MAX_CATEGORIES);
  }

  toJSON(): ColumnProfileJson {
    const json: ColumnProfileJson = {
      name: this.name,
      count: this.count,
      missing: this.missing,
      numeric: this.numeric,
      infinite: this.infinite,
      boolean: this.boolean,
      text: this.text,
      moments: { ...this.moments },
      sketch: this.sketch.toJSON(),
      numeric_values: this.numericValues
        ? [...this.numericValues].sort((a, b) => a[0] - b[0])
        : null,
      categories: this.categories
        ? [...this.categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        : null,
    };
    if (this.fractional !== undefined) json.fractional = this.fractional;
    if (this.timestamps !== undefined) json.timestamps = this.timestamps;
    if (this.firstText) json.first_text = this.firstText;
    if (this.firstNumber) json.first_number = this.firstNumber;
    return json;
  }

  static fromJSON(json: ColumnProfileJson): ColumnProfile {
    const c = new ColumnProfile(json.name, json.sketch.k);
    c.count = json.count;
    c.missing = json.missing;
    c.numeric = json.numeric;
    c.infinite = json.infinite;
    c.boolean = json.boolean;
    c.text = json.text;
    c.fractional = json.fractional;
    c.timestamps = json.timestamps;
    c.firstText = json.first_text;
    c.firstNumber = json.first_number;
    c.moments = { ...json.moments };
    if (json.moments.n === 0) c.moments = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
    c.sketch = QuantileSketch.fromJSON(json.sketch);
    c.numericValues = json.numeric_values ? new Map(json.numeric_values) : null;
    c.categories = json.categories ? new Map(json.categories) : null;
    return c;
  }
}

/** A count both sides kept, else unknown (a profile from before the count existed). */
function sumKnown(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

/** Welford's update: one more value into count, mean, sum of squared deviations, min, max. */
export function addMoment(m: Moments, x: number): void {
  m.n++;
  const delta = x - m.mean;
  m.mean += delta / m.n;
  m.m2 += delta * (x - m.mean);
  if (x < m.min) m.min = x;
  if (x > m.max) m.max = x;
}

export function emptyMoments(): Moments {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/** Chan et al.'s pairwise update: mean and sum of squared deviations of the union. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (b.n === 0) return { ...a };
  if (a.n === 0) return { ...b };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Union of exact counts; null (overflowed) when either side overflowed or the union exceeds the cap. */
function mergeCounts<K>(
  a: Map<K, number> | null,
  b: Map<K, number> | null,
  cap: number,
): Map<K, number> | null {
  if (!a || !b) return null;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v);
  return out.size > cap ? null : out;
}
