import type { ColumnProfile } from '../profile/column-profile.js';
import { numericSample, referenceDecileEdges } from '../profile/column-kind.js';
import { binCounts } from './psi-bins.js';

/**
 * What one drift test is, so that adding a test is one file in `tests/` plus one line in the
 * registry (`tests/index.ts`): where it applies, how it computes, its default threshold and
 * decision, how the report names it, and which golden scipy value checks it.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean';

export interface DriftTestInput {
  kind: ColumnKind;
  reference: ColumnProfile;
  current: ColumnProfile;
}

export interface TestOutcome {
  statistic: number;
  /** Set by p-value tests. */
  pValue: number | null;
  /** Only for KS p-values: 'exact' or 'asymp' (as scipy resolves 'auto'). */
  method?: 'exact' | 'asymp';
  /** Upper bound of |statistic - statistic on the full data| when sketches were compacted. */
  statisticError?: number;
}

export interface DriftTestSpec<N extends string = string> {
  name: N;
  /** How the report names it, e.g. "Kolmogorov-Smirnov". */
  label: string;
  /** A p-value test drifts on a small p; a distance drifts on a large statistic. */
  decides: 'p_value' | 'distance';
  /** Evidently's default threshold. */
  threshold: number;
  /** ks drifts at p <= threshold, every other p-value test at p < threshold (Evidently). */
  inclusive?: boolean;
  appliesTo(kind: ColumnKind, nUnique: number): boolean;
  compute(input: DriftTestInput): TestOutcome;
  /**
   * Key paths, in a golden case's `expected` of shared/golden/drift-scipy.json, of the value this
   * test reports (the p-value of a p-value test, else the statistic), per column kind it is checked
   * on; test/unit/drift/registry-golden.test.ts runs every entry on every listed case.
   */
  golden: { numeric?: string; categorical?: string };
}

/** A test entry with its literal name kept in the type (for the DriftTestName union). */
export function defineDriftTest<N extends string>(spec: DriftTestSpec<N>): DriftTestSpec<N> {
  return spec;
}

export function isDrifted(spec: DriftTestSpec, outcome: TestOutcome, threshold: number): boolean {
  if (spec.decides === 'distance') return outcome.statistic >= threshold;
  const p = outcome.pValue as number;
  return spec.inclusive ? p <= threshold : p < threshold;
}

/** >= 1 means drifted: p-value tests log(p)/log(threshold), distances statistic/threshold. */
export function severity(spec: DriftTestSpec, outcome: TestOutcome, threshold: number): number {
  return spec.decides === 'p_value'
    ? Math.log(Math.max(outcome.pValue ?? 1, 1e-300)) / Math.log(threshold)
    : outcome.statistic / threshold;
}

/** Sorted numeric values of both sides (weights when a sketch was compacted). */
export function numericSides(input: DriftTestInput) {
  const { reference: ref, current: cur } = input;
  const a = numericSample(ref);
  const b = numericSample(cur);
  return {
    a,
    b,
    exact: !a.weights && !b.weights,
    /** Sum of both sketches' normalised rank errors: bounds an ECDF gap's error. */
    rankError: ref.sketch.rankError / ref.sketch.n + cur.sketch.rankError / cur.sketch.n,
  };
}

export interface CountVectors {
  labels: string[];
  reference: number[];
  current: number[];
}

/** Counts over the sorted union of categories (categorical and boolean columns). */
export function categoryCounts(ref: ColumnProfile, cur: ColumnProfile): CountVectors {
  const rc = ref.categories ?? new Map<string, number>();
  const cc = cur.categories ?? new Map<string, number>();
  const labels = [...new Set([...rc.keys(), ...cc.keys()])].sort();
  return {
    labels,
    reference: labels.map((k) => rc.get(k) ?? 0),
    current: labels.map((k) => cc.get(k) ?? 0),
  };
}

/**
 * Count vectors for a count test. Categorical and boolean columns: per category. Numeric columns:
 * `deciles` are the reference's decile bins, left-closed, duplicate edges kept (PSI and
 * Jensen-Shannon, the golden file's psi_quantile10.left_closed, whatever the reference size);
 * `values` are per-value counts while both sides keep an exact value table (chi-square and z,
 * which run on few distinct values), else the decile bins.
 */
export function countVectors(
  input: DriftTestInput,
  numericBins: 'deciles' | 'values',
): CountVectors {
  const { reference: ref, current: cur } = input;
  if (input.kind !== 'numeric') return categoryCounts(ref, cur);
  const rv = ref.numericValues;
  const cv = cur.numericValues;
  if (numericBins === 'values' && rv && cv) {
    const keys = [...new Set([...rv.keys(), ...cv.keys()])].sort((x, y) => x - y);
    return {
      labels: keys.map(String),
      reference: keys.map((k) => rv.get(k) ?? 0),
      current: keys.map((k) => cv.get(k) ?? 0),
    };
  }
  const edges = referenceDecileEdges(ref);
  const a = numericSample(ref);
  const b = numericSample(cur);
  return {
    labels: [],
    reference: binCounts(edges, a.values, a.weights),
    current: binCounts(edges, b.values, b.weights),
  };
}
