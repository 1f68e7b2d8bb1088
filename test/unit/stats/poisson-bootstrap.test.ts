import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput } from '../../../src/core/evaluation/types.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';

/** test/fixtures/bootstrap/reference.json: a textbook multinomial bootstrap with scikit-learn. */
interface ClassicReference {
  resamples: number;
  confidence: number;
  binary: { y_true: number[]; p1: number[]; ci: Record<string, [number, number]> };
  regression: { y_true: number[]; predicted: number[]; ci: Record<string, [number, number]> };
  population: { positive_rate: number; shift: number; metrics: Record<string, number> };
}
const ref = JSON.parse(
  readFileSync(new URL('../../fixtures/bootstrap/reference.json', import.meta.url), 'utf8'),
) as ClassicReference;

function binaryInput(
  y: ArrayLike<number>,
  p1: ArrayLike<number>,
  resamples: number,
  seed: number,
): EvaluationInput {
  const n = y.length;
  const proba = new Float64Array(2 * n);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    proba[2 * i] = 1 - p1[i]!;
    proba[2 * i + 1] = p1[i]!;
    label[i] = p1[i]! >= 0.5 ? 1 : 0;
  }
  return {
    task: 'binary',
    yTrue: Int32Array.from(y),
    candidate: { kind: 'classification', classes: [0, 1], label, proba },
    bootstrap: { resamples, seed, confidence: ref.confidence },
  };
}

/** Each end within a tenth of the interval's width: ~3.5 Monte Carlo standard errors at 2,000 resamples. */
function expectSameInterval(
  ours: [number, number] | undefined,
  classic: [number, number],
  what: string,
): void {
  expect(ours, what).toBeDefined();
  const width = classic[1] - classic[0];
  expect(Math.abs(ours![0] - classic[0]), `${what} low: ${ours![0]} vs ${classic[0]}`).toBeLessThan(
    width / 10,
  );
  expect(
    Math.abs(ours![1] - classic[1]),
    `${what} high: ${ours![1]} vs ${classic[1]}`,
  ).toBeLessThan(width / 10);
}

describe('Poisson bootstrap agrees with the classic multinomial bootstrap of scikit-learn', () => {
  it('binary classification: accuracy, f1, roc_auc, pr_auc, log_loss, brier', () => {
    const r = evaluatePredictions(binaryInput(ref.binary.y_true, ref.binary.p1, ref.resamples, 1));
    for (const [metric, ci] of Object.entries(ref.binary.ci))
      expectSameInterval(r.metrics[metric]?.ci, ci, metric);
  });

  it('regression: rmse, mae, r2', () => {
    const r = evaluatePredictions({
      task: 'regression',
      yTrue: Float64Array.from(ref.regression.y_true),
      candidate: { kind: 'regression', value: Float64Array.from(ref.regression.predicted) },
      bootstrap: { resamples: ref.resamples, seed: 1, confidence: ref.confidence },
    });
    for (const [metric, ci] of Object.entries(ref.regression.ci))
      expectSameInterval(r.metrics[metric]?.ci, ci, metric);
  });

  it('95% intervals cover the population value at the nominal rate', () => {
    // 300 data sets of 300 rows from make_reference.py's process; population values from sklearn on 4M rows.
    const { positive_rate, shift, metrics } = ref.population;
    const g = new Xoshiro128(7);
    const u = () => (g.nextUint32() + 0.5) / 2 ** 32;
    const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const sets = 300;
    const n = 300;
    const covered: Record<string, number> = Object.fromEntries(
      Object.keys(metrics).map((m) => [m, 0]),
    );
    for (let s = 0; s < sets; s++) {
      const y = new Int32Array(n);
      const p1 = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        y[i] = u() < positive_rate ? 1 : 0;
        p1[i] = 1 / (1 + Math.exp(-(shift * (2 * y[i]! - 1) + normal())));
      }
      const r = evaluatePredictions(binaryInput(y, p1, 200, 1000 + s));
      for (const [m, truth] of Object.entries(metrics)) {
        const ci = r.metrics[m]!.ci!;
        if (ci[0] <= truth && truth <= ci[1]) covered[m]!++;
      }
    }
    // Binomial(300, 0.95) has sd 1.3%; percentile intervals at n = 300 run slightly narrow.
    for (const [m, c] of Object.entries(covered)) {
      expect(c / sets, `coverage of ${m}`).toBeGreaterThan(0.9);
      expect(c / sets, `coverage of ${m}`).toBeLessThan(0.99);
    }
  });
});
