import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLinear } from '../../../src/core/train/linear.js';
import { fitLogistic, predictLogistic } from '../../../src/core/train/logistic.js';

// Reference fits by scikit-learn 1.2.1: test/fixtures/train/make_reference.py.
const ref = JSON.parse(readFileSync('test/fixtures/train/reference.json', 'utf8'));

/** Numeric CSV as a row-major matrix of the features and the label column. */
function load(name: string, label: string) {
  const [head, ...lines] = readFileSync(`test/fixtures/data/${name}`, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  const li = cols.indexOf(label);
  const n = lines.length;
  const d = cols.length - 1;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  lines.forEach((line, i) => {
    let j = 0;
    line.split(',').forEach((v, c) => {
      if (c === li) y[i] = Number(v);
      else x[i * d + j++] = Number(v);
    });
  });
  return { x, y, n, d, features: cols.filter((c) => c !== label) };
}

function maxRelDiff(a: number[], b: number[]): number {
  const scale = Math.max(...b.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!) / scale));
}

describe('fitLogistic agrees with scikit-learn (StandardScaler + LogisticRegression)', () => {
  for (const key of ['logistic_binary', 'logistic_binary_c01', 'logistic_multinomial']) {
    it(`${key}: coefficients within 1e-6 of the largest, accuracy equal`, () => {
      const r = ref[key];
      const { x, y, n, d, features } = load(r.data, r.label);
      expect(features).toEqual(r.features);
      const k = r.classes.length;
      const fit = fitLogistic(x, Int32Array.from(y), n, d, k, { C: r.C });
      expect(fit.converged).toBe(true);
      expect(fit.coef.length).toBe(r.coef.length);
      fit.coef.forEach((row, a) => expect(maxRelDiff(row, r.coef[a])).toBeLessThan(1e-6));
      expect(maxRelDiff(fit.intercept, r.intercept)).toBeLessThan(1e-6);
      const proba = predictLogistic(fit, x, n, d);
      let correct = 0;
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let a = 1; a < k; a++) if (proba[i * k + a]! > proba[i * k + best]!) best = a;
        if (best === y[i]) correct++;
      }
      expect(correct / n).toBe(r.train_accuracy);
      for (let i = 0; i < 5; i++)
        for (let a = 0; a < k; a++)
          expect(proba[i * k + a]).toBeCloseTo(r.proba_first_rows[i][a], 7);
    });
  }

  it('is deterministic: the same data gives bit-identical weights', () => {
    const { x, y, n, d } = load('wine.csv', 'cultivar');
    const a = fitLogistic(x, Int32Array.from(y), n, d, 3);
    const b = fitLogistic(x, Int32Array.from(y), n, d, 3);
    expect(a.coef).toEqual(b.coef);
  });
});

describe('fitLinear agrees with scikit-learn', () => {
  for (const key of ['ridge', 'linear']) {
    it(`${key}: coefficients within 1e-8 of the largest`, () => {
      const r = ref[key];
      const { x, y, n, d } = load(r.data, r.label);
      const fit = fitLinear(x, y, n, d, r.alpha);
      expect(maxRelDiff(fit.coef, r.coef)).toBeLessThan(1e-8);
      expect(fit.intercept).toBeCloseTo(r.intercept, 6);
    });
  }
});
