import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput, Predictions } from '../../../src/core/evaluation/types.js';
import { drawPoissonWeights } from '../../../src/core/stats/bootstrap.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { argmax, expectClose, reference, type BootstrapCase } from '../metrics/reference.js';

function inputOf(c: BootstrapCase): EvaluationInput {
  const boot = { resamples: c.resamples, seed: c.seed, confidence: c.confidence };
  if (c.task === 'regression') {
    return {
      task: 'regression',
      yTrue: Float64Array.from(c.y_true),
      candidate: { kind: 'regression', value: Float64Array.from(c.candidate) },
      baseline: { kind: 'regression', value: Float64Array.from(c.baseline) },
      bootstrap: boot,
    };
  }
  const k = c.k!;
  const classes = Array.from({ length: k }, (_, i) => i);
  const model = (flat: number[]): Predictions => {
    const proba = Float64Array.from(flat);
    return { kind: 'classification', classes, label: argmax(proba, k), proba };
  };
  return {
    task: c.task,
    yTrue: Int32Array.from(c.y_true),
    candidate: model(c.candidate),
    baseline: model(c.baseline),
    bootstrap: boot,
  };
}

describe('percentile bootstrap equals sklearn on the same resampled rows (Python replay)', () => {
  it.each(reference.bootstrap.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = evaluatePredictions(inputOf(c));
    for (const [metric, [lo, hi]] of Object.entries(c.ci)) {
      expectClose(r.metrics[metric]?.ci?.[0], lo, `${metric} ci low`);
      expectClose(r.metrics[metric]?.ci?.[1], hi, `${metric} ci high`);
      const cmp = r.comparison?.[metric];
      expectClose(cmp?.ci_delta?.[0], c.ci_delta[metric]![0], `${metric} ci_delta low`);
      expectClose(cmp?.ci_delta?.[1], c.ci_delta[metric]![1], `${metric} ci_delta high`);
      if (metric === 'accuracy') {
        expect(cmp?.test).toBe('mcnemar');
        expectClose(cmp?.p_value, c.mcnemar_p!, 'accuracy McNemar p');
      } else {
        expect(cmp?.test).toBe('paired_bootstrap');
        expectClose(cmp?.p_value, c.p_value[metric]!, `${metric} p`);
      }
    }
  });
});

/** Synthetic binary predictions: the model is right with probability `skill`. */
function synthetic(n: number, seed: number, skill: number): EvaluationInput {
  const g = new Xoshiro128(seed);
  const u = () => g.nextUint32() / 2 ** 32;
  const y = new Int32Array(n);
  const label = new Int32Array(n);
  const proba = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    y[i] = u() < 0.4 ? 1 : 0;
    const right = u() < skill;
    label[i] = right ? y[i]! : 1 - y[i]!;
    const p1 = label[i] === 1 ? 0.5 + u() / 2 : u() / 2;
    proba[2 * i] = 1 - p1;
    proba[2 * i + 1] = p1;
  }
  return {
    task: 'binary',
    yTrue: y,
    candidate: { kind: 'classification', classes: ['no', 'yes'], label, proba },
    bootstrap: { resamples: 200, seed: 1, confidence: 0.95 },
  };
}

describe('bootstrap intervals', () => {
  it('are reproducible for a seed and change with it', () => {
    const a = evaluatePredictions(synthetic(500, 3, 0.8));
    const b = evaluatePredictions(synthetic(500, 3, 0.8));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const other = synthetic(500, 3, 0.8);
    other.bootstrap.seed = 2;
    expect(evaluatePredictions(other).metrics.roc_auc?.ci).not.toEqual(a.metrics.roc_auc?.ci);
  });

  it('contain the point estimate for every metric', () => {
    const r = evaluatePredictions(synthetic(400, 8, 0.75));
    expect(Object.keys(r.metrics).length).toBe(14);
    for (const [name, m] of Object.entries(r.metrics)) {
      expect(m.ci, name).toBeDefined();
      expect(m.ci![0], name).toBeLessThanOrEqual(m.value);
      expect(m.ci![1], name).toBeGreaterThanOrEqual(m.value);
      expect(m.ci![0], name).toBeLessThan(m.ci![1]);
    }
  });

  it('cover the true accuracy about 95% of the time', () => {
    // 200 independent data sets with true accuracy 0.8; deterministic seeds, so no flakiness
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const input = synthetic(200, 1000 + t, 0.8);
      input.bootstrap = { resamples: 200, seed: t, confidence: 0.95 };
      const ci = evaluatePredictions(input).metrics.accuracy!.ci!;
      if (ci[0] <= 0.8 && 0.8 <= ci[1]) covered++;
    }
    // binomial(200, 0.95) sd ≈ 3 trials; percentile intervals run slightly narrow at n = 200
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('skip intervals and bootstrap p-values with 0 resamples', () => {
    const input = synthetic(100, 4, 0.8);
    input.bootstrap.resamples = 0;
    input.baseline = synthetic(100, 5, 0.7).candidate;
    const r = evaluatePredictions(input);
    expect(r.metrics.accuracy?.ci).toBeUndefined();
    expect(r.comparison?.accuracy?.test).toBe('mcnemar');
    expect(r.comparison?.roc_auc?.ci_delta).toBeUndefined();
  });
});

describe('drawPoissonWeights', () => {
  // The loop inlines the generator; it must be the same draws as Xoshiro128.nextUint32 mapped by
  // inversion of the Poisson(1) CDF (the method make_reference.py replays), and leave the stream
  // where 100,000 draws leave it.
  it('is the inversion of the stream nextUint32 gives, and advances the stream as many draws', () => {
    const cdf = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => {
      let p = 0;
      let term = Math.exp(-1);
      for (let j = 0; j <= k; j++) {
        p += term;
        term /= j + 1;
      }
      return p;
    });
    const fast = new Xoshiro128(12345);
    const slow = fast.clone();
    const weights = new Uint8Array(100_000);
    drawPoissonWeights(fast, weights);
    const counts = new Array<number>(13).fill(0);
    for (let i = 0; i < weights.length; i++) {
      const u = slow.nextUint32() / 2 ** 32;
      let k = 0;
      while (k < 12 && u >= cdf[k]!) k++;
      // a draw within 1e-9 of a CDF step may round either way in float64 here
      if (Math.abs(u - (cdf[k - 1] ?? -1)) > 1e-9 && Math.abs(u - cdf[k]!) > 1e-9)
        expect(weights[i], `draw ${i}`).toBe(k);
      counts[weights[i]!]!++;
    }
    expect(fast.nextUint32()).toBe(slow.nextUint32());
    expect(counts[0]! / weights.length).toBeCloseTo(Math.exp(-1), 2);
    expect(counts[1]! / weights.length).toBeCloseTo(Math.exp(-1), 2);
  });
});
