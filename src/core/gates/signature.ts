/**
 * The signature gate's two levels between a baseline and a candidate model.
 * - unchanged: same inputs and outputs (names, order, dtypes, shapes, symbolic dimension names).
 * - compatible: callers of the baseline can call the candidate, by the one rule the version bump
 *   also uses (core/signature/compatibility.ts).
 */
import type { ModelSignature } from '../report/evaluation-report.js';
import { breakingChanges, describeTensor } from '../signature/compatibility.js';

/** Differences that break the requested level; empty when it holds. */
export function signatureDifferences(
  level: 'unchanged' | 'compatible',
  baseline: ModelSignature,
  candidate: ModelSignature,
): string[] {
  if (level === 'compatible') return breakingChanges(baseline, candidate);
  const diffs: string[] = [];
  for (const side of ['inputs', 'outputs'] as const) {
    const a = baseline[side].map(describeTensor).join(', ');
    const b = candidate[side].map(describeTensor).join(', ');
    if (a !== b) diffs.push(`${side} changed from (${a}) to (${b})`);
  }
  return diffs;
}
