import { describe, expect, it } from 'vitest';
import { classificationEngine } from '../../../src/core/metrics/classification.js';
import { drawPoissonWeights } from '../../../src/core/stats/bootstrap.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { reference, type ClassificationCase } from './reference.js';

// Resample weights (Uint8Array) take the one-pass-in-score-order path; the same weights as an
// Int32Array take the row-order path that sklearn-parity checks. Both must give the same metrics,
// whichever class is the positive one.
const binary = reference.cases.filter((c): c is ClassificationCase => c.task === 'binary');

describe('binary metrics under resample weights: score-order pass = row-order pass', () => {
  it('covers a case whose positive class is 0', () => {
    expect(binary.some((c) => c.positive === 0)).toBe(true);
  });

  it.each(binary.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const engine = classificationEngine({
      task: 'binary',
      k: 2,
      positive: c.positive,
      yTrue: Int32Array.from(c.y_true),
      predictions: {
        kind: 'classification',
        classes: [0, 1],
        label: Int32Array.from(c.label),
        proba: Float64Array.from(c.proba),
      },
    });
    const weights = new Uint8Array(c.y_true.length);
    const rng = new Xoshiro128(7);
    for (let r = 0; r < 5; r++) {
      drawPoissonWeights(rng, weights);
      const fast = new Float64Array(engine.names.length);
      const slow = new Float64Array(engine.names.length);
      engine.compute(weights, fast);
      engine.compute(Int32Array.from(weights), slow);
      engine.names.forEach((name, i) => {
        if (Number.isNaN(slow[i])) expect(fast[i], name).toBeNaN();
        else expect(fast[i], `${name}, resample ${r}`).toBeCloseTo(slow[i]!, 12);
      });
    }
  });
});
