import type { MetricComparison } from './evaluation-report.js';

/**
 * What a reviewer reads in the verdict column. "better" and "worse" need both a change beyond the
 * tolerance and significance at α (the paired test's p < α, the Δ interval excluding 0); anything
 * else is neutral and the direction is left to Δ. Reports written before `significant` existed are
 * judged here by their p-value, so an old report never renders an untested "better".
 */
export type ShownVerdict =
  'better' | 'worse' | 'not_significant' | 'within_tolerance' | 'identical';

export const SHOWN_VERDICT_LABEL: Record<ShownVerdict, string> = {
  better: '✅ better',
  worse: '❌ worse',
  not_significant: '➖ no significant change',
  within_tolerance: '➖ within tolerance',
  identical: '➖ unchanged',
};

export function isSignificant(c: MetricComparison, alpha: number): boolean {
  return c.significant ?? (Number.isFinite(c.p_value) && c.p_value < alpha);
}

export function shownVerdict(c: MetricComparison, alpha: number): ShownVerdict {
  const significant = isSignificant(c, alpha);
  if (c.delta === 0) return 'identical';
  if (c.verdict !== 'unchanged' && significant) return c.verdict;
  return significant ? 'within_tolerance' : 'not_significant';
}

/** better/worse/unchanged as the counts and the `regressions` output see it. */
export function effectiveVerdict(
  c: MetricComparison,
  alpha: number,
): 'better' | 'worse' | 'unchanged' {
  const v = shownVerdict(c, alpha);
  return v === 'better' || v === 'worse' ? v : 'unchanged';
}
