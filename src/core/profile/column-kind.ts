import { binCounts, decileEdges } from '../drift/psi-bins.js';
import { quantileOfSorted } from '../stats/quantile.js';
import type { ColumnProfile } from './column-profile.js';

/**
 * What a column is, decided from its merged counts (so shards and the whole agree):
 * - empty: no non-missing value;
 * - numeric: only numbers (±inf are numbers, excluded from statistics as scipy's callers drop them);
 * - boolean: only true/false;
 * - categorical: only text and booleans, with a bounded number of labels;
 * - text (free text, ignored): more than MAX_CATEGORIES labels, or more than 100 labels that are
 *   over half of the values (identifiers, sentences);
 * - mixed: numbers and text together, reported as a problem instead of guessing.
 */
export type ColumnKindName = 'numeric' | 'categorical' | 'boolean' | 'text' | 'empty' | 'mixed';

export function columnKind(c: ColumnProfile): ColumnKindName {
  const numbers = c.numeric + c.infinite;
  const nonMissing = numbers + c.boolean + c.text;
  if (nonMissing === 0) return 'empty';
  if (c.text === 0 && c.boolean === 0) return 'numeric';
  if (numbers > 0) return 'mixed';
  if (c.text === 0) return 'boolean';
  if (!c.categories) return 'text';
  if (c.categories.size > 100 && c.categories.size > 0.5 * nonMissing) return 'text';
  return 'categorical';
}

export interface ColumnSummary {
  name: string;
  kind: ColumnKindName;
  count: number;
  missing_rate: number;
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  quantiles?: Record<string, number>;
  /** Normalised rank error bound of the quantiles (0 when exact). */
  quantile_rank_error?: number;
  histogram?: { edges: number[]; counts: number[] };
  distinct?: number;
  top_categories?: [string, number][];
}

/** Sorted sample and weights of a numeric column (the data itself while the sketch is exact). */
export function numericSample(c: ColumnProfile): {
  values: Float64Array;
  weights: Float64Array | undefined;
} {
  if (c.sketch.exact) return { values: c.sketch.sortedValues(), weights: undefined };
  const w = c.sketch.weighted();
  return { values: w.values, weights: w.weights };
}

/** numpy-style linear quantile; exact while the sketch is, else the sketch's item at that rank. */
export function columnQuantile(c: ColumnProfile, p: number, sorted?: Float64Array): number {
  if (c.sketch.exact) return quantileOfSorted(sorted ?? c.sketch.sortedValues(), p);
  return c.sketch.quantileAtRank((c.sketch.n - 1) * p);
}

export function referenceDecileEdges(c: ColumnProfile): number[] {
  if (c.sketch.exact) return decileEdges(c.sketch.sortedValues());
  const edges: number[] = [];
  for (let k = 1; k < 10; k++) edges.push(c.sketch.quantileAtRank((c.sketch.n - 1) * (k / 10)));
  return edges;
}

export function summarizeColumn(c: ColumnProfile): ColumnSummary {
  const kind = columnKind(c);
  const s: ColumnSummary = {
    name: c.name,
    kind,
    count: c.count,
    missing_rate: c.count ? c.missing / c.count : 0,
  };
  if (kind === 'numeric' && c.moments.n > 0) {
    s.mean = c.moments.mean;
    s.std = Math.sqrt(c.moments.m2 / c.moments.n);
    s.min = c.moments.min;
    s.max = c.moments.max;
    const sorted = c.sketch.exact ? c.sketch.sortedValues() : undefined;
    s.quantiles = {};
    for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
      s.quantiles[`p${Math.round(p * 100)}`] = columnQuantile(c, p, sorted);
    s.quantile_rank_error = c.sketch.n ? c.sketch.rankError / c.sketch.n : 0;
    const edges = referenceDecileEdges(c);
    const sample = numericSample(c);
    s.histogram = { edges, counts: binCounts(edges, sample.values, sample.weights) };
  }
  if ((kind === 'categorical' || kind === 'boolean') && c.categories) {
    s.distinct = c.categories.size;
    s.top_categories = [...c.categories]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 20);
  }
  return s;
}
