/** Loads test/fixtures/metrics/reference.json (made by make_reference.py with scikit-learn). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface ClassificationCase {
  name: string;
  task: 'binary' | 'multiclass';
  k: number;
  positive: number;
  y_true: number[];
  label: number[];
  proba: number[];
  expected: Record<string, number | null>;
  confusion_matrix: number[][];
}

export interface RegressionCase {
  name: string;
  task: 'regression';
  y_true: number[];
  predicted: number[];
  expected: Record<string, number>;
}

export interface BootstrapCase {
  name: string;
  task: 'binary' | 'multiclass' | 'regression';
  k?: number;
  resamples: number;
  seed: number;
  confidence: number;
  y_true: number[];
  candidate: number[];
  baseline: number[];
  ci: Record<string, [number, number]>;
  ci_delta: Record<string, [number, number]>;
  p_value: Record<string, number>;
  mcnemar_p?: number;
}

export interface Reference {
  versions: Record<string, string>;
  cases: (ClassificationCase | RegressionCase)[];
  mcnemar: { b: number; c: number; p: number }[];
  quantiles: { values: number[]; q: number[]; expected: number[] }[];
  prng: { seed: number; u32: number[]; int_below_7: number[] }[];
  bootstrap: BootstrapCase[];
}

export const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/metrics/reference.json', import.meta.url), 'utf8'),
) as Reference;

/** |actual − expected| ≤ 1e-9 · max(1, |expected|). */
export function expectClose(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeTypeOf('number');
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs((actual as number) - expected) <= tol)) {
    expect.fail(`${what}: got ${actual}, scikit-learn says ${expected} (tolerance ${tol})`);
  }
}

/** Argmax per row of a row-major rows × k matrix. */
export function argmax(proba: Float64Array, k: number): Int32Array {
  const n = proba.length / k;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++)
      if ((proba[i * k + c] as number) > (proba[i * k + best] as number)) best = c;
    out[i] = best;
  }
  return out;
}
