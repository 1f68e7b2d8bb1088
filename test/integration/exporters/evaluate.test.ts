// evaluate on the exporter corpus: scikit-learn's metrics on the same holdout rows to 1e-6, with
// bootstrap intervals, and candidate-vs-baseline comparisons between corpus models.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvaluate, type EvaluateOptions } from '../../../src/commands/evaluate.js';
import { buildOnnxModel } from '../../../src/onnx/build.js';
import { corpusModel, corpusModels, corpusPath } from '../../harness/exporter-corpus.js';
import { errorOf } from '../../harness/error-of.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-corpus-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A corpus holdout CSV with some cells replaced: `edits` maps [data row (1-based), column] to text. */
function edited(data: string, edits: [number, string, string][]): string {
  const [head, ...rows] = readFileSync(corpusPath(data), 'utf8').trim().split('\n');
  const columns = head!.split(',');
  const cells = rows.map((r) => r.split(','));
  for (const [row, column, text] of edits) cells[row - 1]![columns.indexOf(column)] = text;
  const file = join(dir, `edited-${edits.length}-${data}`);
  writeFileSync(file, [head, ...cells.map((c) => c.join(','))].join('\n') + '\n');
  return file;
}

const evaluate = (
  name: string,
  extra: { baseline?: string; resamples?: number } & Partial<EvaluateOptions> = {},
) => {
  const m = corpusModel(name);
  const { baseline, resamples, ...rest } = extra;
  return runEvaluate({
    model: corpusPath(name),
    data: corpusPath(m.data),
    label: m.label,
    bootstrap: { resamples: resamples ?? 0, seed: 7 },
    ...(baseline ? { baseline: corpusPath(baseline) } : {}),
    latencyRequests: 0,
    ...rest,
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

describe('non-finite and absurd feature values are refused like missing ones', () => {
  // Data rows 3, 5 and 8 (CSV lines 4, 6 and 9).
  const bad = edited('breast_cancer_holdout.csv', [
    [3, 'mean_radius', 'Infinity'],
    [5, 'mean_area', '-inf'],
    [8, 'worst_area', '1e39'],
  ]);

  it('names the row and column of the first one, and says what is wrong with it', async () => {
    const e = await errorOf(evaluate('bc_random_forest.onnx', { data: bad }));
    expect(e.format()).toBe(
      `${bad}: row 4, column "mean_radius": Infinity is not a finite number. Fix the value or leave the cell empty, and pass --drop-invalid (action input drop-invalid) to drop such rows and count them`,
    );
    const overflow = edited('breast_cancer_holdout.csv', [[8, 'worst_area', '1e39']]);
    const e2 = await errorOf(evaluate('bc_random_forest.onnx', { data: overflow }));
    expect(e2.where).toEqual({ file: overflow, row: 9, column: 'worst_area' });
    expect(e2.message).toBe(
      "1e+39 overflows float32 (larger than 3.4028235e38), the model input's type",
    );
  });

  it('--drop-invalid drops and counts them; the metrics are those of the remaining rows', async () => {
    const { report, warnings } = await evaluate('bc_random_forest.onnx', {
      data: bad,
      dropInvalid: true,
    });
    expect(report.dataset).toMatchObject({ rows: 185, dropped_rows: 3 });
    expect(warnings).toContain('dropped 3 of 188 rows with missing or invalid values');
  });

  it('a float64 input takes 1e39: only what the model cannot represent is refused', async () => {
    const big = edited('breast_cancer_holdout.csv', [[8, 'worst_area', '1e39']]);
    const { report } = await evaluate('bc_logreg_double.onnx', { data: big });
    expect(report.dataset).toMatchObject({ rows: 188, dropped_rows: 0 });
  });

  it('an int64 input (one input per column) takes whole numbers only', async () => {
    const frac = edited('wine_columns_holdout.csv', [[2, 'magnesium', '101.5']]);
    const e = await errorOf(evaluate('wine_columns_pipeline.onnx', { data: frac }));
    expect(e.where).toEqual({ file: frac, row: 3, column: 'magnesium' });
    expect(e.message).toBe("101.5 is not a whole number within ±2^53 for the model's int64 input");
  });
});

describe('probabilities beyond the float32 tolerance', () => {
  // What a model that exports logits instead of probabilities gives: a linear layer, no softmax.
  const logits = join(dir, 'logits.onnx');
  writeFileSync(
    logits,
    buildOnnxModel(
      {
        name: 'logits',
        initializers: [
          {
            name: 'W',
            type: 'float',
            dims: [13, 3],
            values: Array.from({ length: 39 }, (_, i) => ((i % 7) - 3) / 100),
          },
          { name: 'B', type: 'float', dims: [3], values: [0, 0, 0] },
        ],
        nodes: [
          { op: 'MatMul', inputs: ['input', 'W'], outputs: ['xw'] },
          { op: 'Add', inputs: ['xw', 'B'], outputs: ['probabilities'] },
        ],
        inputs: [{ name: 'input', type: 'float', shape: ['N', 13] }],
        outputs: [{ name: 'probabilities', type: 'float', shape: ['N', 3] }],
      },
      { opsets: { '': 13 } },
    ),
  );

  it('are refused with the data row, the output and the class', async () => {
    const data = corpusPath('wine_holdout.csv');
    const e = await errorOf(
      runEvaluate({
        model: logits,
        data,
        label: 'cultivar',
        task: 'multiclass',
        latencyRequests: 0,
      }),
    );
    expect(e.where).toEqual({ file: data, row: 2 });
    expect(e.message).toMatch(
      new RegExp(
        `^model output "probabilities" of ${logits.replace(/[.]/g, '\\.')} gives -?[0-9.e+-]+ for class [012], which is not a probability in \\[0, 1\\] \\(within 0\\.00001, the float32 tolerance\\)$`,
      ),
    );
  });
});

describe('latency from single-row requests', () => {
  it('times each request on its own against the served model, and says how many', async () => {
    const { report } = await evaluate('bc_random_forest.onnx', {
      baseline: 'bc_gradient_boosting.onnx',
      latencyRequests: 40,
    });
    expect(report.latency).toEqual({
      unit: 'ms',
      requests: 40,
      warmup: 5,
      method:
        'single-row requests to modelci serve on loopback, each timed on its own from request to parsed response',
    });
    for (const side of [report.metrics, report.baseline_metrics!]) {
      const p50 = side.latency_p50!.value;
      const p95 = side.latency_p95!.value;
      expect(p50).toBeGreaterThan(0);
      expect(p95).toBeGreaterThanOrEqual(p50);
    }
  });

  it('as many requests as there are rows when there are fewer; none with latencyRequests 0', async () => {
    const few = await evaluate('wine_torch_mlp.onnx', { latencyRequests: 500 });
    expect(few.report.latency?.requests).toBe(59);
    const none = await evaluate('wine_torch_mlp.onnx');
    expect(none.report.latency).toBeUndefined();
    expect(none.report.metrics.latency_p50).toBeUndefined();
  });
});
