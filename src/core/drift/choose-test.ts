/**
 * Which drift test a column gets, following Evidently's `_get_default_stattest` (legacy registry):
 *
 * | reference rows (non-missing) | numeric                               | categorical / boolean     |
 * | ---------------------------- | ------------------------------------- | ------------------------- |
 * | <= 1000                      | n_unique > 5: ks; 3..5: chi2; <= 2: z | n_unique > 2: chi2; else z |
 * | > 1000                       | n_unique <= 5: js; else wasserstein   | js                        |
 *
 * n_unique counts distinct non-missing values over reference and current together. Free-text
 * columns get no test. A per-column override (config) or `--test` replaces the choice when the test
 * applies to the column's type (ks and wasserstein are numeric-only; z needs exactly two values).
 */
export type DriftTestName = 'ks' | 'chi2' | 'psi' | 'js' | 'wasserstein' | 'z';

export const DRIFT_TESTS: readonly DriftTestName[] = [
  'ks',
  'chi2',
  'psi',
  'js',
  'wasserstein',
  'z',
];

export type ColumnKind = 'numeric' | 'categorical' | 'boolean';

/** Evidently's "small reference" boundary. */
export const SMALL_REFERENCE_ROWS = 1000;

export function defaultTest(kind: ColumnKind, nReference: number, nUnique: number): DriftTestName {
  if (nReference <= SMALL_REFERENCE_ROWS) {
    if (kind === 'numeric') return nUnique > 5 ? 'ks' : nUnique > 2 ? 'chi2' : 'z';
    return nUnique > 2 ? 'chi2' : 'z';
  }
  if (kind === 'numeric') return nUnique <= 5 ? 'js' : 'wasserstein';
  return 'js';
}

/** Whether `test` can run on a column of this kind with this many distinct values. */
export function testApplies(test: DriftTestName, kind: ColumnKind, nUnique: number): boolean {
  if (test === 'ks' || test === 'wasserstein') return kind === 'numeric';
  if (test === 'z') return nUnique <= 2;
  return true;
}

/** Default drift thresholds (Evidently): p-value tests drift when p < 0.05 (ks: p <= 0.05), distances when >= 0.1. */
export const DEFAULT_THRESHOLDS: Record<DriftTestName, number> = {
  ks: 0.05,
  chi2: 0.05,
  z: 0.05,
  psi: 0.1,
  js: 0.1,
  wasserstein: 0.1,
};

export function isPValueTest(test: DriftTestName): boolean {
  return test === 'ks' || test === 'chi2' || test === 'z';
}

/** Drift decision: p-value tests compare p to the threshold, distances compare the statistic. */
export function isDrifted(
  test: DriftTestName,
  statistic: number,
  pValue: number | null,
  threshold: number,
): boolean {
  if (test === 'ks') return (pValue as number) <= threshold;
  if (isPValueTest(test)) return (pValue as number) < threshold;
  return statistic >= threshold;
}
