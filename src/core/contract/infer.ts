import { columnKind } from '../profile/column-kind.js';
import type { ColumnProfile } from '../profile/column-profile.js';
import type { TableProfile } from '../profile/table-profile.js';
import type { ColumnContractFile, ContractFile } from './schema.js';

/**
 * A contract inferred from a reference profile, as TensorFlow Data Validation infers a schema from
 * statistics: per column the type, how many values may be missing, the range with a margin, the
 * allowed categories and whether it is an id; for the table a row-count band. What the profile
 * cannot tell (freshness, patterns, relations) is left for the team to add by hand.
 */
export interface InferOptions {
  /** Share of the observed spread added below the minimum and above the maximum (default 0.1). */
  margin?: number;
  label?: string;
  /** The id column; default, a unique column named like one (`id`, `user_id`, `uuid`, `key`). */
  id?: string;
  model?: string;
  /** What was profiled, recorded in the contract. */
  source?: string;
}

export interface InferredContract {
  contract: ContractFile;
  /** Per column, what was observed (written as a comment beside it). */
  notes: Record<string, string>;
}

/** Categories listed in `allowed` at most; a column with more is free text. */
export const MAX_ALLOWED_CATEGORIES = 100;
/** Whole-number columns with at most this many distinct values get an allowed set (labels, codes). */
export const MAX_ALLOWED_CODES = 20;
/**
 * Share of values an inferred range lets fall outside. A sample's extremes are not the
 * population's: on the example data, the holdout of a 3:1 split has up to 1.4% of a heavy-tailed
 * column beyond the training range widened by 10%, while a unit change puts every value outside
 * and the demo's 40% size shift up to 7%.
 */
export const RANGE_TOLERANCE = 0.02;
/** Fewest rows for "every value is distinct" to mean an id rather than chance. */
const MIN_ROWS_FOR_UNIQUE = 10;
// `id`, `user_id`, `order-key`, `UUID`, `userId`; not `paid` or `valid`.
const ID_NAME = /(^|[^A-Za-z0-9])(id|ID|Id|uuid|UUID|key|KEY)$|[a-z0-9](Id|ID)$/;

export function inferContract(profile: TableProfile, opts: InferOptions = {}): InferredContract {
  const margin = opts.margin ?? 0.1;
  const columns: Record<string, ColumnContractFile> = {};
  const notes: Record<string, string> = {};
  const unique: string[] = [];
  for (const c of profile.columns.values()) {
    const { column, note, isUnique } = inferColumn(c, margin);
    columns[c.name] = column;
    notes[c.name] = note;
    if (isUnique) unique.push(c.name);
  }
  const id = opts.id ?? unique.find((n) => ID_NAME.test(n));
  if (id && columns[id]) {
    columns[id].unique = true;
    // New ids come after the old ones: a range would flag every new customer.
    delete columns[id].range;
    notes[id] = 'the id: unique, no range';
  }
  const n = profile.rows;
  const contract: ContractFile = {
    version: 1,
    ...(opts.model ? { model: opts.model } : {}),
    ...(opts.source ? { inferred_from: { data: opts.source, rows: n } } : {}),
    // A holdout or a day of traffic is smaller than the training data: an order of magnitude
    // either way catches a truncated file or an exploded join without flagging those.
    ...(n > 0
      ? { rows: { min: Math.max(1, Math.floor(n / 10)), max: n * 10, severity: 'warning' } }
      : {}),
    ...(id && columns[id] ? { id } : {}),
    ...(opts.label && columns[opts.label] ? { label: opts.label } : {}),
    extra_columns: 'warning',
    columns,
  };
  return { contract, notes };
}

function inferColumn(
  c: ColumnProfile,
  margin: number,
): { column: ColumnContractFile; note: string; isUnique: boolean } {
  const kind = columnKind(c);
  const nonMissing = c.count - c.missing;
  const column: ColumnContractFile = {};
  const notes: string[] = [];
  let isUnique = false;
  if (kind === 'numeric') {
    const whole = isWhole(c);
    column.type = whole ? 'integer' : 'number';
    const { min, max } = c.moments;
    const codes = whole ? smallValueSet(c) : undefined;
    if (codes) column.allowed = codes;
    else if (c.moments.n > 0)
      column.range = { ...rangeWithMargin(min, max, margin, whole), mostly: 1 - RANGE_TOLERANCE };
    if (c.moments.n > 0) notes.push(`observed ${min} .. ${max}`);
    if (c.infinite) notes.push(`${c.infinite} infinite`);
    isUnique = whole && c.missing === 0 && nonMissing >= MIN_ROWS_FOR_UNIQUE && allDistinct(c);
  } else if (kind === 'boolean') {
    column.type = 'boolean';
  } else if (kind === 'categorical' || kind === 'text') {
    const timestamps = c.timestamps !== undefined && c.text > 0 && c.timestamps === c.text;
    column.type = timestamps ? 'timestamp' : 'string';
    const cats = c.categories;
    if (timestamps) notes.push('add freshness: { max_age: 7d } to require recent data');
    else if (cats && cats.size <= MAX_ALLOWED_CATEGORIES && cats.size * 2 <= nonMissing) {
      column.allowed = [...cats.keys()].sort();
      notes.push(`${cats.size} categories`);
    } else if (cats) notes.push(`${cats.size} distinct values`);
    isUnique =
      !timestamps &&
      c.missing === 0 &&
      nonMissing >= MIN_ROWS_FOR_UNIQUE &&
      cats !== null &&
      cats.size === nonMissing;
  } else if (kind === 'mixed') {
    notes.push(
      `numbers and text mixed in the reference (${c.numeric + c.infinite} numbers, ${c.text} text): no type`,
    );
  } else notes.push('no values in the reference: only its presence is checked');
  const rate = c.count ? c.missing / c.count : 0;
  column.max_missing = rate === 0 ? 0 : Math.min(1, ceilTo(Math.max(2 * rate, rate + 0.05), 2));
  if (rate > 0) notes.push(`${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)}% missing`);
  return { column, note: notes.join('; '), isUnique };
}

/** Every number is whole: the profile's count when it has one, else its exact values. */
function isWhole(c: ColumnProfile): boolean {
  if (c.fractional !== undefined) return c.fractional === 0;
  if (c.numericValues) return [...c.numericValues.keys()].every(Number.isInteger);
  if (c.sketch.exact) return c.sketch.sortedValues().every(Number.isInteger);
  return false;
}

/** A few whole-number values seen many times each: codes or labels, not quantities. */
function smallValueSet(c: ColumnProfile): number[] | undefined {
  const values = c.numericValues;
  if (!values || values.size > MAX_ALLOWED_CODES || values.size * 5 > c.numeric) return undefined;
  return [...values.keys()].sort((a, b) => a - b);
}

/** Every value once; undefined counts (a large column) say nothing, so false. */
function allDistinct(c: ColumnProfile): boolean {
  if (c.numericValues) return [...c.numericValues.values()].every((n) => n === 1);
  if (!c.sketch.exact) return false;
  const v = c.sketch.sortedValues();
  for (let i = 1; i < v.length; i++) if (v[i] === v[i - 1]) return false;
  return true;
}

/**
 * [min, max] widened by `margin` of the spread on each side and rounded outward to three
 * significant digits of the spread (6.981 .. 28.11 with 0.1 becomes 4.8 .. 30.3, not 4.8681). A
 * non-negative column stays non-negative: a negative area is a broken pipeline, not a margin.
 */
export function rangeWithMargin(
  min: number,
  max: number,
  margin: number,
  whole: boolean,
): { min: number; max: number } {
  const spread = max - min;
  const scale = spread > 0 ? spread : Math.abs(min) || 1;
  const pad = spread > 0 ? spread * margin : scale * margin;
  let step = 10 ** (Math.floor(Math.log10(scale)) - 2);
  if (whole) step = Math.max(1, step);
  const round = (x: number) => Number(x.toPrecision(12));
  let lo = round(Math.floor((min - pad) / step) * step);
  const hi = round(Math.ceil((max + pad) / step) * step);
  if (min >= 0 && lo < 0) lo = 0;
  return { min: lo, max: hi };
}

function ceilTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.ceil(x * f - 1e-9) / f;
}
