import type { Cell } from '../profile/column-profile.js';
import {
  FALSE_TOKENS,
  looksNumeric,
  MISSING_TOKENS,
  TRUE_TOKENS,
} from '../profile/column-profile.js';
import type { TableBatch } from './table-batch.js';
import { MAX_EXAMPLES, type Violation, type ViolationExample } from './violation.js';

/**
 * Label leakage in training data: a feature that predicts the label perfectly or is a near copy of
 * it, which a model learns instead of the signal and which will not be there in production. Found
 * in one streaming pass with bounded memory:
 * - a numeric feature whose values per class do not overlap (classification: every class's
 *   [min, max] apart from the others', so one threshold per boundary predicts the label exactly);
 * - a numeric feature correlated with a numeric label at |r| >= 0.99 (Pearson);
 * - a categorical feature each of whose values occurs with one label only (seen at least
 *   MIN_ROWS_PER_VALUE times on average, so purity is not chance).
 */
const MAX_CLASSES = 20;
const MAX_VALUES = 1000;
const MIN_ROWS = 20;
const MIN_ROWS_PER_CLASS = 5;
const MIN_ROWS_PER_VALUE = 5;
export const NEAR_COPY_CORRELATION = 0.99;

type Kind = 'number' | 'text' | 'unknown' | 'mixed';

interface FeatureStats {
  kind: Kind;
  /** Per class: count, min, max of the numbers. */
  count: number[];
  min: number[];
  max: number[];
  /** Pearson sums over rows where feature and label are both numbers. */
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  /** Text value -> class index, or -1 once it was seen with two classes; null past MAX_VALUES. */
  values: Map<string, number> | null;
  rows: number;
  examples: ViolationExample[];
}

/** What a cell is for this check: a number, a text (booleans as text), or missing (undefined). */
function read(v: Cell | undefined): number | string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v === v ? v : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const x = looksNumeric(v);
  if (x === x) return x;
  if (v.length < 5 && MISSING_TOKENS.has(v.toLowerCase())) return undefined;
  if (TRUE_TOKENS.has(v)) return 'true';
  if (FALSE_TOKENS.has(v)) return 'false';
  return v;
}

export class LeakageCheck {
  private readonly classes = new Map<string, number>();
  private classNames: string[] = [];
  /** False once the label has more than MAX_CLASSES values (a regression target). */
  private classification = true;
  private labelled = 0;
  private readonly features = new Map<string, FeatureStats>();

  /**
   * @param label the label column
   * @param features the columns to check, each with its type from the contract when it has one
   */
  constructor(
    readonly label: string,
    features: ReadonlyMap<string, 'number' | 'text' | undefined>,
  ) {
    for (const [name, kind] of features)
      if (name !== label)
        this.features.set(name, {
          kind: kind ?? 'unknown',
          count: [],
          min: [],
          max: [],
          n: 0,
          sx: 0,
          sy: 0,
          sxx: 0,
          syy: 0,
          sxy: 0,
          values: new Map(),
          rows: 0,
          examples: [],
        });
  }

  add(batch: TableBatch): void {
    const labels = batch.columns.get(this.label);
    if (!labels) return;
    const cellOf = (name: string) => {
      const v = batch.columns.get(name);
      return (i: number): Cell | undefined => (v?.numbers ? v.numbers[i] : v?.cells?.[i]);
    };
    const y = cellOf(this.label);
    const cols = [...this.features].map(([name, f]) => ({ name, f, cell: cellOf(name) }));
    for (let i = 0; i < batch.length; i++) {
      const label = read(y(i));
      if (label === undefined) continue;
      this.labelled++;
      const cls = this.classOf(label);
      const yNum = typeof label === 'number' ? label : Number.NaN;
      for (const { name, f, cell } of cols) {
        if (f.kind === 'mixed') continue;
        const x = read(cell(i));
        if (x === undefined) continue;
        const isNumber = typeof x === 'number';
        if (f.kind === 'unknown') f.kind = isNumber ? 'number' : 'text';
        else if ((f.kind === 'number') !== isNumber) {
          f.kind = 'mixed';
          continue;
        }
        f.rows++;
        if (f.examples.length < MAX_EXAMPLES)
          f.examples.push({
            row: batch.firstRow + i,
            value: `${name}=${x}, ${this.label}=${label}`,
          });
        if (isNumber) this.addNumber(f, x, cls, yNum);
        else this.addText(f, x, cls);
      }
    }
  }

  private classOf(label: number | string): number {
    if (!this.classification) return -1;
    const key = typeof label === 'number' ? `n${label}` : `s${label}`;
    let c = this.classes.get(key);
    if (c === undefined) {
      if (this.classes.size >= MAX_CLASSES) {
        this.classification = false;
        return -1;
      }
      c = this.classes.size;
      this.classes.set(key, c);
      this.classNames.push(String(label));
    }
    return c;
  }

  private addNumber(f: FeatureStats, x: number, cls: number, y: number): void {
    if (cls >= 0) {
      if (f.count[cls] === undefined) {
        f.count[cls] = 0;
        f.min[cls] = Infinity;
        f.max[cls] = -Infinity;
      }
      f.count[cls]!++;
      if (x < f.min[cls]!) f.min[cls] = x;
      if (x > f.max[cls]!) f.max[cls] = x;
    }
    if (y === y && Number.isFinite(x)) {
      f.n++;
      f.sx += x;
      f.sy += y;
      f.sxx += x * x;
      f.syy += y * y;
      f.sxy += x * y;
    }
  }

  private addText(f: FeatureStats, x: string, cls: number): void {
    const values = f.values;
    if (!values || cls < 0) return;
    const seen = values.get(x);
    if (seen === undefined) {
      if (values.size >= MAX_VALUES) f.values = null;
      else values.set(x, cls);
    } else if (seen !== cls) values.set(x, -1);
  }

  finish(dataset: string, rows: number): Violation[] {
    if (this.labelled < MIN_ROWS) return [];
    const out: Violation[] = [];
    for (const [name, f] of this.features) {
      const why = this.verdict(f);
      if (!why) continue;
      out.push({
        dataset,
        check: 'leakage',
        column: name,
        severity: 'error',
        count: f.rows,
        share: rows ? f.rows / rows : 0,
        message: `${JSON.stringify(name)} leaks the label ${JSON.stringify(this.label)}: ${why}`,
        examples: f.examples,
      });
    }
    return out;
  }

  /** Classification: every class's [min, max] apart from the others'. */
  private separates(f: FeatureStats, k: number): string | undefined {
    if (k < 2) return undefined;
    for (let c = 0; c < k; c++) if ((f.count[c] ?? 0) < MIN_ROWS_PER_CLASS) return undefined;
    const order = [...Array(k).keys()].sort((a, b) => f.min[a]! - f.min[b]!);
    for (let j = 1; j < k; j++) if (f.min[order[j]!]! <= f.max[order[j - 1]!]!) return undefined;
    const ranges = order
      .map((c) => `${this.label}=${this.classNames[c]} has ${f.min[c]} .. ${f.max[c]}`)
      .join('; ');
    return `its values separate the classes without overlap, so it predicts the label perfectly (${ranges})`;
  }

  /** A numeric label: |Pearson r| at least NEAR_COPY_CORRELATION. */
  private copies(f: FeatureStats): string | undefined {
    if (f.n < MIN_ROWS) return undefined;
    const vx = f.sxx - (f.sx * f.sx) / f.n;
    const vy = f.syy - (f.sy * f.sy) / f.n;
    if (!(vx > 0 && vy > 0)) return undefined;
    const r = (f.sxy - (f.sx * f.sy) / f.n) / Math.sqrt(vx * vy);
    return Math.abs(r) >= NEAR_COPY_CORRELATION
      ? `a near copy of it (correlation ${r.toFixed(4)} over ${f.n} rows)`
      : undefined;
  }

  private verdict(f: FeatureStats): string | undefined {
    if (f.rows < MIN_ROWS) return undefined;
    const k = this.classification ? this.classes.size : 0;
    if (f.kind === 'number') return this.separates(f, k) ?? this.copies(f);
    if (f.kind === 'text' && f.values && k >= 2) {
      const distinct = f.values.size;
      if (distinct < 2 || distinct * MIN_ROWS_PER_VALUE > f.rows) return undefined;
      for (const c of f.values.values()) if (c < 0) return undefined;
      return `each of its ${distinct} values occurs with one label only, so it predicts the label perfectly`;
    }
    return undefined;
  }
}
