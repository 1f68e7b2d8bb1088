/**
 * Reference decile bins for PSI / Jensen-Shannon on numeric columns: inner edges are numpy's
 * default (linear, Hyndman-Fan 7) quantiles of the reference at k/10, bins are left-closed
 * [e_{k-1}, e_k) with -inf/+inf outside, duplicate edges kept, so there are always 10 bins.
 */
import { quantileOfSorted } from '../stats/quantile.js';

export const PSI_BINS = 10;

/** The 9 inner decile edges of a sorted reference. */
export function decileEdges(sortedReference: ArrayLike<number>): number[] {
  const edges: number[] = [];
  for (let k = 1; k < PSI_BINS; k++) edges.push(quantileOfSorted(sortedReference, k / PSI_BINS));
  return edges;
}

/** Index of the left-closed bin holding x: the number of edges <= x. */
export function binIndex(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts (or summed weights) of sorted values in the left-closed bins of `edges`. */
export function binCounts(
  edges: readonly number[],
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = binIndex(edges, values[i] as number);
    counts[b] = (counts[b] as number) + (weights ? (weights[i] as number) : 1);
  }
  return counts;
}
