/**
 * ROC AUC and average precision from one pass over rows pre-sorted by score: the sort is done
 * once, each (weighted) evaluation is O(n). Tied scores form one threshold (one ROC/PR point), as
 * in scikit-learn, so the trapezoid over a tie gives it half credit.
 */
import { argsort } from '../stats/argsort.js';
import type { RowWeights } from './engine.js';

export interface RankedScores {
  /** Local row index by descending score. */
  order: Uint32Array;
  /** 1 where the row at this sorted position is a positive. */
  positive: Uint8Array;
  /** 1 where this sorted position is the last of its group of equal scores. */
  groupEnd: Uint8Array;
}

export function rankScores(score: Float64Array, isPositive: (i: number) => boolean): RankedScores {
  const asc = argsort(score);
  const n = asc.length;
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) order[j] = asc[n - 1 - j] as number;
  const positive = new Uint8Array(n);
  const groupEnd = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    positive[j] = isPositive(i) ? 1 : 0;
    groupEnd[j] = j === n - 1 || score[order[j + 1] as number] !== score[i] ? 1 : 0;
  }
  return { order, positive, groupEnd };
}

/** [roc_auc, average_precision] under weights; NaN when positives or negatives weigh 0. */
export function aucAndAp(r: RankedScores, w: RowWeights, out: Float64Array, at: number): void {
  const { order, positive, groupEnd } = r;
  let tp = 0;
  let fp = 0;
  let gtp = 0;
  let gfp = 0;
  let area = 0;
  let ap = 0;
  for (let j = 0; j < order.length; j++) {
    const wi = w[order[j] as number] as number;
    if (positive[j]) gtp += wi;
    else gfp += wi;
    if (groupEnd[j]) {
      area += gfp * (tp + gtp / 2);
      tp += gtp;
      fp += gfp;
      if (gtp > 0) ap += (gtp * tp) / (tp + fp);
      gtp = 0;
      gfp = 0;
    }
  }
  out[at] = tp > 0 && fp > 0 ? area / (tp * fp) : NaN;
  out[at + 1] = tp > 0 ? ap / tp : NaN;
}
