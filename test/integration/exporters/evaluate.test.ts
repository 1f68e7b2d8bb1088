// evaluate on the exporter corpus: scikit-learn's metrics on the same holdout rows to 1e-6, with
// bootstrap intervals, and candidate-vs-baseline comparisons between corpus models.
import { describe, expect, it } from 'vitest';
import { runEvaluate } from '../../../src/commands/evaluate.js';
import { corpusModel, corpusModels, corpusPath } from '../../harness/exporter-corpus.js';

const evaluate = (name: string, extra: { baseline?: string; resamples?: number } = {}) => {
  const m = corpusModel(name);
  return runEvaluate({
    model: corpusPath(name),
    data: corpusPath(m.data),
    label: m.label,
    bootstrap: { resamples: extra.resamples ?? 0, seed: 7 },
    ...(extra.baseline ? { baseline: corpusPath(extra.baseline) } : {}),
  });
};

describe('evaluate agrees with scikit-learn on every corpus model', () => {
  for (const m of corpusModels)
    it(`${m.name}: ${m.task}`, async () => {
      const { report } = await evaluate(m.name, { resamples: 200 });
      expect(report.task).toBe(m.task);
      expect(report.dataset.rows).toBe(
        m.task === 'regression' ? m.values!.length : m.probabilities!.length,
      );
      expect(report.dataset.dropped_rows).toBe(0);
      for (const [name, want] of Object.entries(m.metrics)) {
        const got = report.metrics[name];
        expect(got, name).toBeDefined();
        expect(Math.abs(got!.value - want), `${name}: ${got!.value} vs ${want}`).toBeLessThan(1e-6);
        // The interval ran and brackets the point estimate.
        expect(got!.ci, name).toHaveLength(2);
        expect(got!.ci![0]).toBeLessThanOrEqual(got!.value + 1e-12);
        expect(got!.ci![1]).toBeGreaterThanOrEqual(got!.value - 1e-12);
      }
    });
});

describe('candidate vs baseline between two exporters of the same task', () => {
  const pairs = [
    ['bc_random_forest.onnx', 'bc_gradient_boosting.onnx'],
    ['wine_random_forest.onnx', 'wine_gradient_boosting.onnx'],
    // string class labels on both sides, different graphs (trees vs Normalizer + LinearClassifier)
    ['wine_extra_trees_strings.onnx', 'wine_normalizer_logreg.onnx'],
    // a PyTorch export against a scikit-learn one
    ['bc_torch_mlp.onnx', 'bc_logreg_double.onnx'],
  ] as const;
  for (const [candidate, baseline] of pairs)
    it(`${candidate} vs ${baseline}`, async () => {
      const { report } = await evaluate(candidate, { baseline, resamples: 200 });
      const c = corpusModel(candidate).metrics;
      const b = corpusModel(baseline).metrics;
      for (const name of ['accuracy', 'log_loss', 'roc_auc']) {
        expect(Math.abs(report.metrics[name]!.value - c[name]!), name).toBeLessThan(1e-6);
        expect(Math.abs(report.baseline_metrics![name]!.value - b[name]!), name).toBeLessThan(1e-6);
        const cmp = report.comparison![name]!;
        expect(Math.abs(cmp.delta - (c[name]! - b[name]!)), name).toBeLessThan(2e-6);
        expect(cmp.test).toBe(name === 'accuracy' ? 'mcnemar' : 'paired_bootstrap');
        expect(cmp.p_value).toBeGreaterThan(0);
        expect(cmp.p_value).toBeLessThanOrEqual(1);
      }
    });
});
