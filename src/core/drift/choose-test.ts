import type { ColumnKind } from './drift-test.js';
import type { DriftTestName } from './tests/index.js';

export type { ColumnKind, DriftTestName };
export { DEFAULT_THRESHOLDS, DRIFT_TESTS } from './tests/index.js';

/** Evidently's "small reference" boundary. */
export const SMALL_REFERENCE_ROWS = 1000;

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
 * applies to the column's type (each test's `appliesTo` in `tests/`).
 */
export function defaultTest(kind: ColumnKind, nReference: number, nUnique: number): DriftTestName {
  if (nReference <= SMALL_REFERENCE_ROWS) {
    if (kind === 'numeric') return nUnique > 5 ? 'ks' : nUnique > 2 ? 'chi2' : 'z';
    return nUnique > 2 ? 'chi2' : 'z';
  }
  if (kind === 'numeric') return nUnique <= 5 ? 'js' : 'wasserstein';
  return 'js';
}
