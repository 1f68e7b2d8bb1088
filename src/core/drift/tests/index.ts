import type { DriftTestSpec } from '../drift-test.js';
import { chi2 } from './chi2.js';
import { js } from './js.js';
import { ks } from './ks.js';
import { psi } from './psi.js';
import { wasserstein } from './wasserstein.js';
import { z } from './z.js';

/**
 * Every drift test modelci runs, in the order `--help` and the schema list them. Adding a test:
 * a file next to these (see docs/DEVELOPING.md, "How to add a drift test") and one entry here.
 */
export const DRIFT_TEST_REGISTRY = [ks, chi2, psi, js, wasserstein, z] as const;

export type DriftTestName = (typeof DRIFT_TEST_REGISTRY)[number]['name'];

export const DRIFT_TESTS: readonly DriftTestName[] = DRIFT_TEST_REGISTRY.map((t) => t.name);

const byName = new Map<string, DriftTestSpec>(DRIFT_TEST_REGISTRY.map((t) => [t.name, t]));

export function driftTest(name: DriftTestName): DriftTestSpec {
  return byName.get(name)!;
}

export function isDriftTestName(name: string): name is DriftTestName {
  return byName.has(name);
}

/** Default thresholds by test name (config `drift.thresholds` overrides them). */
export const DEFAULT_THRESHOLDS = Object.fromEntries(
  DRIFT_TEST_REGISTRY.map((t) => [t.name, t.threshold]),
) as Record<DriftTestName, number>;
