import { normalIsf, normalSf } from '../stats/special.js';
import type { RunRecord } from './record.js';

/** Whether a metric's difference between two runs is more than noise, and how that was judged. */
export interface Significance {
  p: number;
  /**
   * `paired`: a paired test on the same rows that an evaluation of one run's model against the
   * other's recorded (McNemar, paired bootstrap); `intervals`: a normal approximation from both
   * runs' bootstrap intervals on the same data (unpaired, so conservative).
   */
  method: 'paired' | 'intervals';
  /** The paired test's name (`mcnemar`, `paired_bootstrap`). */
  test?: string;
  alpha: number;
  significant: boolean;
}

/** The level the evaluation's intervals were computed at (0.95 unless it says). */
function confidenceOf(r: RunRecord): number {
  const c = r.evaluation?.confidence;
  return typeof c === 'number' && c > 0 && c < 1 ? c : 0.95;
}

/**
 * Judges `other` against `ref` on an evaluation metric. A paired test recorded by either run's
 * evaluation against the other's model is used first; else both runs' intervals on the same
 * evaluation data (by sha256); else nothing can be said (undefined). α = 1 - the interval level.
 */
export function metricSignificance(
  ref: RunRecord,
  other: RunRecord,
  metric: string,
): Significance | undefined {
  const a = ref.evaluation;
  const b = other.evaluation;
  if (!a || !b) return undefined;
  // Rounded: 1 - 0.95 is 0.050000000000000044 in floating point.
  const alpha = Math.round((1 - confidenceOf(other)) * 1e9) / 1e9;
  if (a.dataset?.sha256 !== b.dataset?.sha256) return undefined;
  const paired =
    (b.baseline?.sha256 && b.baseline.sha256 === ref.model?.sha256
      ? b.comparison?.[metric]
      : undefined) ??
    (a.baseline?.sha256 && a.baseline.sha256 === other.model?.sha256
      ? a.comparison?.[metric]
      : undefined);
  if (paired && Number.isFinite(paired.p_value))
    return {
      p: paired.p_value,
      method: 'paired',
      test: paired.test,
      alpha,
      significant: paired.p_value < alpha,
    };
  const ma = a.metrics[metric];
  const mb = b.metrics[metric];
  if (!ma?.ci || !mb?.ci) return undefined;
  const p = intervalPValue(
    ma.value,
    ma.ci,
    confidenceOf(ref),
    mb.value,
    mb.ci,
    confidenceOf(other),
  );
  return { p, method: 'intervals', alpha, significant: p < alpha };
}

/**
 * Two-sided p-value of b - a from two independent estimates' intervals: se = width / (2 z) with
 * z the interval level's normal quantile, then a z-test on the difference.
 */
export function intervalPValue(
  a: number,
  aCi: readonly [number, number],
  aLevel: number,
  b: number,
  bCi: readonly [number, number],
  bLevel: number,
): number {
  const se = (ci: readonly [number, number], level: number) =>
    Math.abs(ci[1] - ci[0]) / (2 * normalIsf((1 - level) / 2));
  const s = Math.hypot(se(aCi, aLevel), se(bCi, bLevel));
  const d = b - a;
  if (s === 0) return d === 0 ? 1 : 0;
  return Math.min(1, 2 * normalSf(Math.abs(d) / s));
}
