import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput } from '../../../src/core/evaluation/types.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { evaluateOnCores } from '../../../src/parallel/bootstrap-task.js';

/** Enough rows × resamples (≥ 20M) that evaluateOnCores really splits the work. */
function input(): EvaluationInput {
  const n = 25_000;
  const g = new Xoshiro128(5);
  const u = () => g.nextUint32() / 2 ** 32;
  const y = new Int32Array(n);
  const proba = new Float64Array(2 * n);
  const label = new Int32Array(n);
  const base = new Float64Array(2 * n);
  const slice: string[] = [];
  for (let i = 0; i < n; i++) {
    y[i] = u() < 0.3 ? 1 : 0;
    const p = Math.min(1, Math.max(0, (y[i] ? 0.65 : 0.35) + (u() - 0.5) * 0.7));
    proba[2 * i] = 1 - p;
    proba[2 * i + 1] = p;
    label[i] = p >= 0.5 ? 1 : 0;
    const q = Math.min(1, Math.max(0, p + (u() - 0.5) * 0.2));
    base[2 * i] = 1 - q;
    base[2 * i + 1] = q;
    slice.push(`s${i % 3}`);
  }
  return {
    task: 'binary',
    yTrue: y,
    candidate: { kind: 'classification', classes: [0, 1], label, proba },
    baseline: {
      kind: 'classification',
      classes: [0, 1],
      label: Int32Array.from({ length: n }, (_, i) => (base[2 * i + 1]! >= 0.5 ? 1 : 0)),
      proba: base,
    },
    slices: { segment: slice },
    bootstrap: { resamples: 1000, seed: 9, confidence: 0.95 },
  };
}

describe('bootstrap on every core', () => {
  it('gives exactly the single-threaded intervals, paired tests and slices', async () => {
    const one = evaluatePredictions(input());
    const two = await evaluateOnCores(input(), 2);
    const three = await evaluateOnCores(input(), 3);
    expect(one.metrics.roc_auc!.ci).toBeDefined();
    expect(one.slices).toHaveLength(3);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  }, 120_000);
});
