import { ModelciError } from '../errors.js';
import { clipProbability } from '../evaluation/probabilities.js';
import { classificationEngine } from '../metrics/classification.js';
import {
  addMoment,
  emptyMoments,
  mergeMoments,
  type Cell,
  type Moments,
} from './column-profile.js';

/**
 * Model performance on a labelled window, kept as a mergeable summary so evaluate's metrics can be
 * computed from a stored profile, from shards merged, or from a window read in one pass, in bounded
 * memory:
 * - classification: counts of distinct (label, predicted label, score) rows. The metrics are
 *   evaluate's own engine run on those distinct rows weighted by their counts, which is exactly the
 *   metric on the raw rows. Past MAX_DISTINCT_ROWS distinct rows, scores are rounded to a grid of
 *   SCORE_GRID (recorded as `score_grid`): threshold metrics stay exact, AUC/log loss move by at most
 *   the rounding.
 * - regression: sums (Σe², Σ|e|, Σ|e|/max(|y|,eps)) and the label's moments (the column profile's
 *   Welford/Chan code): rmse, mae, mape and r2 exact up to float rounding.
 * Rows without a label or a prediction are counted as `unlabelled` and left out, as production
 * labels often arrive late.
 */
export const MAX_DISTINCT_ROWS = 100_000;
export const SCORE_GRID = 1e-4;
/** More distinct labels than this is not a classification problem. */
export const MAX_CLASSES = 1000;
const EPS = 2.220446049250313e-16;

export type PerformanceTask = 'binary' | 'multiclass' | 'regression';

export interface PerformanceSpec {
  task: PerformanceTask;
  /** The true label column. */
  label: string;
  /** Predicted label (classification) or value (regression). */
  prediction?: string;
  /** Binary only: the probability of the positive class. */
  score?: string;
  /** Binary: the positive label (default: the greater of the two labels, sklearn's pos_label=1). */
  positive?: string;
  /** Binary with a score and no prediction column: predicted positive when score >= threshold. */
  threshold?: number;
}

export interface RegressionSums {
  sse: number;
  sae: number;
  sape: number;
  /** Of the label: n is the number of labelled rows, m2 the total sum of squares for r2. */
  label: Moments;
}

export interface PerformanceProfileJson {
  spec: PerformanceSpec;
  labelled: number;
  unlabelled: number;
  /** Rows whose label, prediction or score could not be read (text in a number column, ...). */
  invalid: number;
  /** First invalid row, for the message. */
  first_invalid?: { file: string; row: number; column: string; value: string };
  score_grid?: number;
  /** Classification: [label, predicted, score | null, count]. */
  rows?: [string, string, number | null, number][];
  regression?: RegressionSums;
}

const SEP = '\u001f';

function labelOf(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isNaN(cell) ? null : String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const t = cell.trim();
  return t === '' ? null : t;
}

function numberOf(cell: Cell): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isNaN(cell) ? null : cell;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const t = cell.trim();
  if (t === '') return null;
  const x = Number(t);
  return Number.isNaN(x) ? Number.NaN : x;
}

/** Numeric-aware order of class labels: numbers by value, then text. */
export function sortLabels(labels: Iterable<string>): string[] {
  return [...labels].sort((a, b) => {
    const x = Number(a);
    const y = Number(b);
    const nx = a !== '' && Number.isFinite(x);
    const ny = b !== '' && Number.isFinite(y);
    if (nx && ny) return x - y || (a < b ? -1 : a > b ? 1 : 0);
    if (nx !== ny) return nx ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export class PerformanceProfile {
  readonly spec: PerformanceSpec;
  labelled = 0;
  unlabelled = 0;
  invalid = 0;
  firstInvalid: PerformanceProfileJson['first_invalid'];
  scoreGrid = 0;
  private readonly counts = new Map<string, number>();
  private readonly labels = new Set<string>();
  sums: RegressionSums = { sse: 0, sae: 0, sape: 0, label: emptyMoments() };

  constructor(spec: PerformanceSpec) {
    if (!spec.prediction && !spec.score)
      throw new ModelciError('CONFIG', 'performance needs a prediction or a score column', {
        path: 'drift.performance',
        hint: 'Set drift.performance.prediction (or score for a binary model)',
      });
    if (spec.score && spec.task !== 'binary')
      throw new ModelciError('CONFIG', 'a score column applies to binary models only', {
        path: 'drift.performance.score',
      });
    this.spec = { ...spec };
  }

  /** Adds one row; `file`/`row` locate it for the first-invalid message. */
  add(label: Cell, prediction: Cell, score: Cell, file: string, row: number): void {
    if (this.spec.task === 'regression') return this.addRegression(label, prediction, file, row);
    let s: number | null = null;
    if (this.spec.score) {
      s = numberOf(score);
      if (s !== null) {
        // A served float32 score may be 1.0000001 (a forest's summed weights): clipped, not refused.
        const clipped = clipProbability(s);
        if (Number.isNaN(clipped)) return this.bad(file, row, this.spec.score, String(score));
        s = clipped;
      }
    }
    const y = labelOf(label);
    // No prediction column: '' stands for "score >= threshold", resolved when metrics are computed.
    const p = this.spec.prediction ? labelOf(prediction) : '';
    if (y === null || p === null || (this.spec.score && s === null)) {
      this.unlabelled++;
      return;
    }
    this.labels.add(y);
    if (p !== '') this.labels.add(p);
    if (this.labels.size > MAX_CLASSES)
      throw new ModelciError(
        'DATA',
        `the label column "${this.spec.label}" has more than ${MAX_CLASSES} distinct values`,
        { file, row, hint: 'Is the task regression? Set the model task in modelci.yaml' },
      );
    this.count(y, p, s, 1);
    this.labelled++;
  }

  /** Adds n rows of (label, predicted, score), rounding the score to the grid once there is one. */
  private count(y: string, p: string, s: number | null, n: number): void {
    const key = `${y}${SEP}${p}${SEP}${s === null ? '' : this.round(s)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    if (this.counts.size > MAX_DISTINCT_ROWS && this.scoreGrid === 0) this.coarsen();
  }

  /** The distinct rows: [label, predicted ('' = by score), score or null, count]. */
  private *rows(): Generator<[string, string, number | null, number]> {
    for (const [key, n] of this.counts) {
      const [y, p, s] = key.split(SEP) as [string, string, string];
      yield [y, p, s === '' ? null : Number(s), n];
    }
  }

  private addRegression(label: Cell, prediction: Cell, file: string, row: number): void {
    const y = numberOf(label);
    const yhat = numberOf(prediction);
    if (y === null || yhat === null) {
      this.unlabelled++;
      return;
    }
    if (!Number.isFinite(y)) return this.bad(file, row, this.spec.label, String(label));
    if (!Number.isFinite(yhat))
      return this.bad(file, row, this.spec.prediction!, String(prediction));
    const e = yhat - y;
    const s = this.sums;
    s.sse += e * e;
    s.sae += Math.abs(e);
    s.sape += Math.abs(e) / Math.max(Math.abs(y), EPS);
    addMoment(s.label, y);
    this.labelled++;
  }

  private bad(file: string, row: number, column: string, value: string): void {
    this.invalid++;
    this.firstInvalid ??= { file, row, column, value };
  }

  private round(s: number): number {
    // Divide by the grid's inverse: 0.1235, not 1235 * 1e-4 = 0.12350000000000001.
    return this.scoreGrid ? Math.round(s / this.scoreGrid) / Math.round(1 / this.scoreGrid) : s;
  }

  private coarsen(): void {
    this.scoreGrid = SCORE_GRID;
    const old = [...this.rows()];
    this.counts.clear();
    for (const [y, p, s, n] of old) this.count(y, p, s, n);
  }

  merge(other: PerformanceProfile): void {
    const a = this.spec;
    const b = other.spec;
    if (
      a.task !== b.task ||
      a.label !== b.label ||
      a.prediction !== b.prediction ||
      a.score !== b.score
    )
      throw new ModelciError(
        'INPUT',
        'cannot merge performance summaries of different label/prediction/score columns or tasks',
        { hint: 'Profile every shard with the same drift.performance settings' },
      );
    this.labelled += other.labelled;
    this.unlabelled += other.unlabelled;
    this.invalid += other.invalid;
    this.firstInvalid ??= other.firstInvalid;
    if (a.task === 'regression') {
      const x = this.sums;
      const y = other.sums;
      x.sse += y.sse;
      x.sae += y.sae;
      x.sape += y.sape;
      x.label = mergeMoments(x.label, y.label);
      return;
    }
    // Rounding is idempotent, so rows already on the grid keep their score.
    if (other.scoreGrid && !this.scoreGrid) this.coarsen();
    for (const l of other.labels) this.labels.add(l);
    for (const [y, p, s, n] of other.rows()) this.count(y, p, s, n);
  }

  /** Class labels seen (and the configured positive), in index order. */
  classes(): string[] {
    const set = new Set(this.labels);
    if (this.spec.positive) set.add(this.spec.positive);
    return sortLabels(set);
  }

  /**
   * Evaluate's metrics on the labelled rows (NaN where undefined, e.g. AUC with one class), by
   * metric name. `classes` fixes the class order and so the positive class: pass the same list
   * (sharedClasses) for both sides of a comparison.
   */
  metrics(classes: string[] = this.classes()): Record<string, number> {
    if (this.labelled === 0) return {};
    if (this.spec.task === 'regression') return this.regressionMetrics();
    const binary = this.spec.task === 'binary';
    if (binary && classes.length > 2)
      throw new ModelciError(
        'DATA',
        `the model is binary but "${this.spec.label}" and the predictions hold ${classes.length} labels (${classes.slice(0, 5).join(', ')}...)`,
        { hint: 'Set the model task to multiclass, or check the label and prediction columns' },
      );
    // A binary window may hold one class only: pad so the positive class keeps index 1.
    const order = binary && classes.length < 2 ? padBinary(classes, this.spec.positive) : classes;
    const k = order.length;
    const index = new Map(order.map((c, i) => [c, i]));
    const positive = binary ? (this.spec.positive ? index.get(this.spec.positive)! : 1) : 0;
    const threshold = this.spec.threshold ?? 0.5;
    const entries = [...this.rows()];
    const n = entries.length;
    const yTrue = new Int32Array(n);
    const label = new Int32Array(n);
    const weights = new Int32Array(n);
    const proba = this.spec.score ? new Float64Array(n * k) : undefined;
    const at = (l: string): number => {
      const i = index.get(l);
      if (i === undefined)
        throw new ModelciError(
          'DATA',
          `label "${l}" is not one of the classes ${order.join(', ')}`,
        );
      return i;
    };
    entries.forEach(([y, p, s, count], i) => {
      const score = s ?? Number.NaN;
      yTrue[i] = at(y);
      label[i] = p === '' ? (score >= threshold ? positive : 1 - positive) : at(p);
      weights[i] = count;
      if (proba) {
        proba[i * k + positive] = score;
        proba[i * k + (1 - positive)] = 1 - score;
      }
    });
    const engine = classificationEngine({
      task: binary ? 'binary' : 'multiclass',
      yTrue,
      predictions: { kind: 'classification', classes: order, label, ...(proba ? { proba } : {}) },
      k,
      positive,
    });
    const out = new Float64Array(engine.names.length);
    engine.compute(weights, out);
    return Object.fromEntries(engine.names.map((m, i) => [m, out[i]!]));
  }

  private regressionMetrics(): Record<string, number> {
    // The formulas of src/core/metrics/regression.ts, on sums instead of rows.
    const s = this.sums;
    const { n, m2 } = s.label;
    return {
      rmse: Math.sqrt(s.sse / n),
      mae: s.sae / n,
      r2: m2 === 0 ? (s.sse === 0 ? 1 : 0) : 1 - s.sse / m2,
      mape: s.sape / n,
    };
  }

  toJSON(): PerformanceProfileJson {
    const json: PerformanceProfileJson = {
      spec: { ...this.spec },
      labelled: this.labelled,
      unlabelled: this.unlabelled,
      invalid: this.invalid,
    };
    if (this.firstInvalid) json.first_invalid = { ...this.firstInvalid };
    if (this.scoreGrid) json.score_grid = this.scoreGrid;
    if (this.spec.task === 'regression')
      json.regression = { ...this.sums, label: { ...this.sums.label } };
    else json.rows = [...this.rows()];
    return json;
  }

  static fromJSON(json: PerformanceProfileJson): PerformanceProfile {
    const p = new PerformanceProfile(json.spec);
    p.labelled = json.labelled;
    p.unlabelled = json.unlabelled;
    p.invalid = json.invalid ?? 0;
    if (json.first_invalid) p.firstInvalid = { ...json.first_invalid };
    p.scoreGrid = json.score_grid ?? 0;
    if (json.spec.task === 'regression') {
      const r = json.regression!;
      // JSON has no Infinity: an empty summary's min/max come back as null.
      p.sums = { ...r, label: r.label.n ? { ...r.label } : emptyMoments() };
    } else
      for (const [y, pred, s, n] of json.rows ?? []) {
        p.labels.add(y);
        if (pred !== '') p.labels.add(pred);
        p.count(y, pred, s, n);
      }
    return p;
  }
}

/** The class order both sides of a comparison share: every label either side has seen. */
export function sharedClasses(a: PerformanceProfile, b: PerformanceProfile): string[] {
  return sortLabels(new Set([...a.classes(), ...b.classes()]));
}

function padBinary(classes: string[], positive: string | undefined): string[] {
  const filler = '(none)';
  if (classes.length === 0) return positive ? [filler, positive] : [filler, filler + '+'];
  const only = classes[0]!;
  // The one class seen is the positive one (index 1) only when configured so.
  return positive === undefined || only !== positive ? [only, filler] : [filler, only];
}
