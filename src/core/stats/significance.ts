/**
 * The significance level of comparison verdicts: one minus the interval level (0.95 -> 0.05), so
 * "significant" (p < α) and "the Δ interval excludes 0" say the same thing at the same level.
 */
export function significanceLevel(confidence: number): number {
  return Math.round((1 - confidence) * 1e12) / 1e12;
}
