/**
 * Traffic per arm and the sample-ratio-mismatch (SRM) test: were answered requests split between
 * stable and canary as the server was told to? A mismatch means the assignment is broken (a
 * routing bug, a client retrying one arm, a crash on one side) and every comparison is suspect.
 */
import { chi2Sf } from '../stats/special.js';
import type { LoggedRequest } from '../serve/prediction-rows.js';

/** Below this p the split is called a mismatch: SRM checks run on every analysis, so a strict α. */
export const SRM_ALPHA = 0.001;

/** Answered requests routed at one canary weight. */
export interface WeightSegment {
  weight: number;
  stable: number;
  canary: number;
  /** Canary requests expected at this weight: (stable + canary) · weight. */
  expected_canary: number;
}

export interface SampleRatioTest {
  test: 'chi_square';
  statistic: number;
  dof: number;
  p_value: number;
  /** p < SRM_ALPHA. */
  mismatch: boolean;
  segments: WeightSegment[];
  /** Requests in segments that cannot be tested (weight 0 or 1: everything goes to one arm). */
  untested: number;
}

/**
 * Chi-square goodness of fit of the stable/canary counts against the weights each request was
 * routed with, one degree of freedom per weight segment (a progressive rollout logs several):
 * Σ (observed − expected)² / expected over both arms of every segment; per segment it equals
 * scipy.stats.chisquare([stable, canary], [n·(1−w), n·w]). `weight` overrides what the log says.
 * Undefined (null) when no request has a usable weight.
 */
export function sampleRatioTest(
  answered: readonly LoggedRequest[],
  weight?: number,
): SampleRatioTest | null {
  const byWeight = new Map<number, WeightSegment>();
  for (const r of answered) {
    const w = weight ?? r.weight;
    if (w === null || w === undefined) continue;
    let s = byWeight.get(w);
    if (!s) byWeight.set(w, (s = { weight: w, stable: 0, canary: 0, expected_canary: 0 }));
    if (r.role === 'canary') s.canary++;
    else s.stable++;
  }
  if (byWeight.size === 0) return null;
  let statistic = 0;
  let dof = 0;
  let untested = 0;
  const segments = [...byWeight.values()].sort((a, b) => a.weight - b.weight);
  for (const s of segments) {
    const n = s.stable + s.canary;
    s.expected_canary = n * s.weight;
    if (s.weight <= 0 || s.weight >= 1) {
      untested += n;
      continue;
    }
    const expStable = n * (1 - s.weight);
    statistic += (s.stable - expStable) ** 2 / expStable;
    statistic += (s.canary - s.expected_canary) ** 2 / s.expected_canary;
    dof++;
  }
  if (dof === 0) return null;
  const p = chi2Sf(statistic, dof);
  return {
    test: 'chi_square',
    statistic,
    dof,
    p_value: p,
    mismatch: p < SRM_ALPHA,
    segments,
    untested,
  };
}
