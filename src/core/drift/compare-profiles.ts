import type { ColumnProfile } from '../profile/column-profile.js';
import {
  columnKind,
  numericSample,
  referenceDecileEdges,
  type ColumnKindName,
} from '../profile/column-kind.js';
import { PREDICTION_LOG_META as LOG_META_COLUMNS } from '../serve/prediction-rows.js';
import type { TableProfile } from '../profile/table-profile.js';
import { formatNumber, formatShare } from '../report/number-format.js';
import { defaultTest } from './choose-test.js';
import { categoryCounts, isDrifted, severity, type ColumnKind } from './drift-test.js';
import type { PerformanceDrift } from './performance-drift.js';
import { binCounts } from './psi-bins.js';
import { DEFAULT_THRESHOLDS, driftTest, type DriftTestName } from './tests/index.js';

/**
 * Compares a current-data profile with a reference profile, column by column, and gives the
 * dataset verdict. While both sketches are exact (columns up to the sketch size) the numbers are
 * scipy's on the raw data; beyond it, KS and Wasserstein run on the weighted sketch items and the
 * result carries `statistic_error` (KS: the sum of both sketches' normalised rank errors).
 */
export interface DriftOptions {
  /** `--test`: one test on every column it applies to. */
  forcedTest?: DriftTestName;
  /** Per-column test (config `drift.columns.<name>.test`). */
  columnTests?: Record<string, DriftTestName>;
  thresholds?: Partial<Record<DriftTestName, number>>;
  columnThresholds?: Record<string, number>;
  /** Dataset drift when the share of drifted columns is >= this (Evidently's drift_share, 0.5). */
  driftShare?: number;
  /** Columns to skip (ids, timestamps). */
  ignore?: string[];
  /** Model output columns: tested like the others and reported as prediction drift. */
  predictionColumns?: string[];
  /** Label (target) columns: tested and reported as label drift, never as feature drift. */
  labelColumns?: string[];
  /** A missing rate that moves by more than this (absolute) is flagged. */
  missingRateTolerance?: number;
}

export interface Histogram {
  labels: string[];
  /** Numeric bins: the inner edges (left-closed bins, -inf and +inf outside); absent for values. */
  edges?: number[];
  reference: number[];
  current: number[];
}

export interface ColumnDrift {
  name: string;
  type: ColumnKindName;
  /** Only features count toward the dataset verdict; predictions and labels are reported apart. */
  role: 'feature' | 'prediction' | 'label';
  test: DriftTestName | null;
  statistic: number | null;
  p_value?: number | null;
  threshold: number | null;
  drifted: boolean;
  /** >= 1 means drifted: p-value tests log(p)/log(threshold), distances statistic/threshold. */
  severity: number;
  n_reference: number;
  n_current: number;
  missing_rate: { reference: number; current: number; change: number; flagged: boolean };
  /** Only for KS p-values: 'exact' or 'asymp' (as scipy resolves 'auto'). */
  method?: 'exact' | 'asymp';
  /** Upper bound of |statistic - statistic on the full data| when sketches were compacted. */
  statistic_error?: number;
  unseen_categories?: string[];
  unseen_count?: number;
  problems: string[];
  histogram?: Histogram;
}

export interface DriftReport {
  /** Drift found: the dataset verdict, or performance drift when labels were checked. */
  drifted: boolean;
  /** The dataset verdict alone: share of drifted feature columns >= the threshold. */
  dataset_drifted: boolean;
  /** Drifted feature columns / tested feature columns (labels and predictions are not features). */
  share: number;
  drift_share_threshold: number;
  n_tested: number;
  n_drifted: number;
  rows: { reference: number; current: number };
  columns: ColumnDrift[];
  /** Over the prediction columns that were tested; null when none was (see `columns` for why). */
  prediction_drift: RoleDrift | null;
  /** Over the label columns that were tested; null when none was. */
  label_drift?: RoleDrift | null;
  /** Performance drift on labelled rows (null when no label/prediction columns are configured). */
  performance: PerformanceDrift | null;
  problems: string[];
  /**
   * Columns the data contract found missing or of another type in the current data: a schema
   * break, reported by the data checks and not tested for drift (set by the drift command).
   */
  schema_break?: string[];
}

export interface RoleDrift {
  drifted: boolean;
  /** The drifted ones. */
  columns: string[];
  /** The tested ones. */
  tested: string[];
}

const MAX_UNSEEN_LISTED = 20;
/** Metadata columns of serve's prediction log: never tested. */
const PREDICTION_LOG_META = new Set(LOG_META_COLUMNS);
/** Output columns of serve's prediction log are predictions. */
const isLoggedOutput = (name: string): boolean => name.startsWith('_out.');

export function compareProfiles(
  reference: TableProfile,
  current: TableProfile,
  options: DriftOptions = {},
): DriftReport {
  const driftShare = options.driftShare ?? 0.5;
  const ignore = new Set(options.ignore ?? []);
  const predictions = new Set(options.predictionColumns ?? []);
  const labels = new Set(options.labelColumns ?? []);
  const problems: string[] = [];
  const columns: ColumnDrift[] = [];
  if (current.rows === 0) problems.push('the current window has no rows: nothing to compare');
  const names = [
    ...reference.columns.keys(),
    ...[...current.columns.keys()].filter((n) => !reference.columns.has(n)),
  ];
  for (const name of names) {
    if (ignore.has(name) || PREDICTION_LOG_META.has(name)) continue;
    const ref = reference.columns.get(name);
    const cur = current.columns.get(name);
    const col = compareColumn(name, ref, cur, options, current.rows === 0);
    col.role = labels.has(name)
      ? 'label'
      : predictions.has(name) || isLoggedOutput(name)
        ? 'prediction'
        : 'feature';
    columns.push(col);
  }
  for (const p of predictions)
    if (!reference.columns.has(p) && !current.columns.has(p))
      problems.push(`prediction column "${p}" is in neither data set`);
  columns.sort((a, b) => b.severity - a.severity || (a.name < b.name ? -1 : 1));
  const tested = columns.filter((c) => c.test !== null && c.role === 'feature');
  const nDrifted = tested.filter((c) => c.drifted).length;
  const share = tested.length ? nDrifted / tested.length : 0;
  const datasetDrifted = tested.length > 0 && share >= driftShare;
  return {
    drifted: datasetDrifted,
    dataset_drifted: datasetDrifted,
    share,
    drift_share_threshold: driftShare,
    n_tested: tested.length,
    n_drifted: nDrifted,
    rows: { reference: reference.rows, current: current.rows },
    columns,
    prediction_drift: roleDrift(columns, 'prediction'),
    label_drift: roleDrift(columns, 'label'),
    performance: null,
    problems,
  };
}

function roleDrift(columns: ColumnDrift[], role: 'prediction' | 'label'): RoleDrift | null {
  const tested = columns.filter((c) => c.role === role && c.test !== null);
  if (!tested.length) return null;
  return {
    drifted: tested.some((c) => c.drifted),
    columns: tested.filter((c) => c.drifted).map((c) => c.name),
    tested: tested.map((c) => c.name),
  };
}

function missingRate(c: ColumnProfile | undefined): number {
  return c && c.count ? c.missing / c.count : 0;
}

function nonMissing(c: ColumnProfile | undefined): number {
  return c ? c.numeric + c.boolean + c.text : 0;
}

function where(c: ColumnProfile, side: string): string {
  const t = c.firstText;
  const n = c.firstNumber;
  const at = (w: { file: string; row: number; value: string }) =>
    `${w.file} row ${w.row}: ${JSON.stringify(w.value)}`;
  return `${side} mixes numbers (${c.numeric + c.infinite}, first at ${n ? at(n) : '?'}) and text (${c.text}, first at ${t ? at(t) : '?'}); clean the column or list it in drift.ignore`;
}

function compareColumn(
  name: string,
  ref: ColumnProfile | undefined,
  cur: ColumnProfile | undefined,
  options: DriftOptions,
  emptyCurrent: boolean,
): ColumnDrift {
  const refKind = ref ? columnKind(ref) : 'empty';
  const curKind = cur ? columnKind(cur) : 'empty';
  const mr = {
    reference: missingRate(ref),
    current: missingRate(cur),
    change: missingRate(cur) - missingRate(ref),
    flagged: false,
  };
  mr.flagged = !emptyCurrent && Math.abs(mr.change) > (options.missingRateTolerance ?? 0.1);
  const out: ColumnDrift = {
    name,
    type: refKind,
    role: 'feature',
    test: null,
    statistic: null,
    threshold: null,
    drifted: false,
    severity: 0,
    n_reference: nonMissing(ref),
    n_current: nonMissing(cur),
    missing_rate: mr,
    problems: [],
  };
  if (mr.flagged)
    out.problems.push(`missing rate moved from ${pct(mr.reference)} to ${pct(mr.current)}`);
  if (!ref) {
    out.type = curKind;
    out.problems.push('column only in the current data');
    return out;
  }
  if (!cur) {
    out.problems.push('column only in the reference');
    return out;
  }
  if (emptyCurrent) return out;
  if (refKind === 'mixed') out.problems.push(where(ref, 'reference'));
  if (curKind === 'mixed') out.problems.push(where(cur, 'current data'));
  if (refKind === 'empty') out.problems.push('every value is missing in the reference');
  if (curKind === 'empty' && refKind !== 'empty')
    out.problems.push('every value is missing in the current data');
  if (refKind === 'text') out.problems.push('free text (too many distinct values): not tested');
  if (
    out.problems.length &&
    (refKind === 'mixed' ||
      curKind === 'mixed' ||
      refKind === 'empty' ||
      curKind === 'empty' ||
      refKind === 'text')
  )
    return out;
  const kind = refKind as ColumnKind;
  const curComparable =
    curKind === refKind ||
    (curKind === 'boolean' && refKind === 'categorical') ||
    (curKind === 'categorical' && refKind === 'boolean') ||
    (curKind === 'text' && refKind !== 'numeric');
  if (!curComparable) {
    out.problems.push(`type changed: ${refKind} in the reference, ${curKind} in the current data`);
    return out;
  }
  const nUnique = uniqueCount(ref, cur, kind);
  let test =
    options.columnTests?.[name] ??
    options.forcedTest ??
    defaultTest(kind, out.n_reference, nUnique);
  if (!driftTest(test).appliesTo(kind, nUnique)) {
    const fallback = defaultTest(kind, out.n_reference, nUnique);
    out.problems.push(
      `test ${test} does not apply to a ${kind} column with ${nUnique} distinct values; used ${fallback}`,
    );
    test = fallback;
  }
  const spec = driftTest(test);
  const threshold =
    options.columnThresholds?.[name] ?? options.thresholds?.[test] ?? DEFAULT_THRESHOLDS[test];
  const r = spec.compute({ kind, reference: ref, current: cur });
  out.test = test;
  out.statistic = r.statistic;
  if (spec.decides === 'p_value') out.p_value = r.pValue;
  if (r.method) out.method = r.method;
  if (r.statisticError) out.statistic_error = r.statisticError;
  out.threshold = threshold;
  out.drifted = isDrifted(spec, r, threshold);
  out.severity = severity(spec, r, threshold);
  out.histogram = kind === 'numeric' ? numericHistogram(ref, cur) : categoricalHistogram(ref, cur);
  if (kind !== 'numeric' && ref.categories && cur.categories) {
    const unseen = [...cur.categories.keys()].filter((k) => !ref.categories!.has(k)).sort();
    if (unseen.length) {
      out.unseen_count = unseen.length;
      out.unseen_categories = unseen.slice(0, MAX_UNSEEN_LISTED);
      out.problems.push(
        `${unseen.length} categor${unseen.length === 1 ? 'y' : 'ies'} not seen in the reference`,
      );
    }
  }
  return out;
}

const pct = (x: number): string => formatShare(x);

function uniqueCount(ref: ColumnProfile, cur: ColumnProfile, kind: ColumnKind): number {
  const a = kind === 'numeric' ? ref.numericValues : ref.categories;
  const b = kind === 'numeric' ? cur.numericValues : cur.categories;
  if (!a || !b) return Infinity;
  const keys = new Set<unknown>(a.keys());
  for (const k of b.keys()) keys.add(k);
  return keys.size;
}

/** Bin edges in chart legends: 3 significant digits. */
const fmt = (x: number): string => formatNumber(x, 3);

/** Whole-number columns with at most this many values are charted one bar per value. */
const HISTOGRAM_VALUES = 12;

/**
 * The chart's bins: one per value for a whole-number column with few values; else the reference
 * deciles without repeated edges (a repeated edge would draw an empty `1..1` bin).
 */
function numericHistogram(ref: ColumnProfile, cur: ColumnProfile): Histogram {
  const rv = ref.numericValues;
  const cv = cur.numericValues;
  if (rv && cv) {
    const values = [...new Set([...rv.keys(), ...cv.keys()])].sort((x, y) => x - y);
    if (values.length <= HISTOGRAM_VALUES && values.every(Number.isInteger))
      return {
        labels: values.map(String),
        reference: shares(values.map((v) => rv.get(v) ?? 0)),
        current: shares(values.map((v) => cv.get(v) ?? 0)),
      };
  }
  const edges = [...new Set(referenceDecileEdges(ref))];
  const a = numericSample(ref);
  const b = numericSample(cur);
  const rc = binCounts(edges, a.values, a.weights);
  const cc = binCounts(edges, b.values, b.weights);
  const labels = rc.map((_, i) =>
    i === 0
      ? `< ${fmt(edges[0]!)}`
      : i === edges.length
        ? `≥ ${fmt(edges[i - 1]!)}`
        : `${fmt(edges[i - 1]!)} – ${fmt(edges[i]!)}`,
  );
  return { labels, edges, reference: shares(rc), current: shares(cc) };
}

const HISTOGRAM_CATEGORIES = 10;

function categoricalHistogram(ref: ColumnProfile, cur: ColumnProfile): Histogram {
  const { labels, reference, current } = categoryCounts(ref, cur);
  const rs = shares(reference);
  const cs = shares(current);
  const order = labels.map((_, i) => i).sort((i, j) => rs[j]! + cs[j]! - (rs[i]! + cs[i]!));
  const top = order.slice(0, HISTOGRAM_CATEGORIES);
  const rest = order.slice(HISTOGRAM_CATEGORIES);
  const h: Histogram = {
    labels: top.map((i) => labels[i]!),
    reference: top.map((i) => rs[i]!),
    current: top.map((i) => cs[i]!),
  };
  if (rest.length) {
    h.labels.push(`(${rest.length} others)`);
    h.reference.push(rest.reduce((s, i) => s + rs[i]!, 0));
    h.current.push(rest.reduce((s, i) => s + cs[i]!, 0));
  }
  return h;
}

function shares(counts: number[]): number[] {
  const total = counts.reduce((s, x) => s + x, 0);
  return counts.map((c) => (total ? c / total : 0));
}
