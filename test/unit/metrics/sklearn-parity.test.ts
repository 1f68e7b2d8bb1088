import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput } from '../../../src/core/evaluation/types.js';
import {
  expectClose,
  reference,
  type ClassificationCase,
  type RegressionCase,
} from './reference.js';

const classification = reference.cases.filter(
  (c): c is ClassificationCase => c.task !== 'regression',
);
const regression = reference.cases.filter((c): c is RegressionCase => c.task === 'regression');

describe(`metrics equal scikit-learn ${reference.versions.sklearn} at 1e-9`, () => {
  it.each(classification.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const classes = Array.from({ length: c.k }, (_, i) => `c${i}`);
    const input: EvaluationInput = {
      task: c.task,
      yTrue: Int32Array.from(c.y_true),
      positiveClass: c.positive,
      candidate: {
        kind: 'classification',
        classes,
        label: Int32Array.from(c.label),
        proba: Float64Array.from(c.proba),
      },
      bootstrap: { resamples: 0, seed: 0, confidence: 0.95 },
    };
    const r = evaluatePredictions(input);
    for (const [metric, expected] of Object.entries(c.expected)) {
      if (expected === null) expect(r.metrics[metric], `${metric} is undefined`).toBeUndefined();
      else expectClose(r.metrics[metric]?.value, expected, metric);
    }
    // no metric beyond those sklearn was asked for
    expect(Object.keys(r.metrics).sort()).toEqual(
      Object.keys(c.expected)
        .filter((m) => c.expected[m] !== null)
        .sort(),
    );
    expect(r.confusion_matrix).toEqual({ labels: classes, matrix: c.confusion_matrix });
  });

  it.each(regression.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = evaluatePredictions({
      task: 'regression',
      yTrue: Float64Array.from(c.y_true),
      candidate: { kind: 'regression', value: Float64Array.from(c.predicted) },
      bootstrap: { resamples: 0, seed: 0, confidence: 0.95 },
    });
    for (const [metric, expected] of Object.entries(c.expected)) {
      expectClose(r.metrics[metric]?.value, expected, metric);
    }
    expect(r.confusion_matrix).toBeUndefined();
  });

  it('drops probability metrics for a label-only classifier, keeps the rest', () => {
    const c = classification[0]!;
    const r = evaluatePredictions({
      task: 'binary',
      yTrue: Int32Array.from(c.y_true),
      candidate: { kind: 'classification', classes: [0, 1], label: Int32Array.from(c.label) },
      bootstrap: { resamples: 0, seed: 0, confidence: 0.95 },
    });
    expect(r.metrics.roc_auc).toBeUndefined();
    expect(r.metrics.log_loss).toBeUndefined();
    expectClose(r.metrics.f1?.value, c.expected.f1!, 'f1');
  });
});
