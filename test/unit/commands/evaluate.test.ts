import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { runEvaluate } from '../../../src/commands/evaluate.js';
import { denseModel } from '../../../src/onnx/build.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

// Fixture models and scikit-learn's metrics on its own predictions: test/fixtures/onnx/make_models.py.
// ONNX runs in float32, scikit-learn in float64: labels (hence accuracy, F1) agree exactly,
// probability-based metrics to float32 precision.
const FIX = 'test/fixtures/onnx';
const DATA = 'test/fixtures/data';
const ref = JSON.parse(readFileSync(`${FIX}/reference.json`, 'utf8'));
const dir = tempDir('modelci-evaluate-');

function write(name: string, text: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

const bc = { data: `${DATA}/breast_cancer.csv`, label: 'malignant' };

describe('runEvaluate agrees with scikit-learn on skl2onnx-style models', () => {
  it('binary LinearClassifier + ZipMap, against a baseline', async () => {
    const { report, warnings } = await runEvaluate({
      model: `${FIX}/bc_logreg_zipmap.onnx`,
      baseline: `${FIX}/bc_logreg_c001.onnx`,
      ...bc,
      bootstrap: { resamples: 200, seed: 1 },
    });
    expect(warnings).toEqual([]);
    expect(report.task).toBe('binary');
    expect(report.dataset).toMatchObject({ rows: 569, dropped_rows: 0, label: 'malignant' });
    expect(report.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    const want = ref['bc_logreg_zipmap.onnx'].metrics;
    for (const name of ['accuracy', 'precision', 'recall', 'f1'])
      expect(report.metrics[name]!.value).toBe(want[name]);
    expect(report.metrics.roc_auc!.value).toBeCloseTo(want.roc_auc, 6);
    expect(report.metrics.log_loss!.value).toBeCloseTo(want.log_loss, 6);
    expect(report.metrics.brier!.value).toBeCloseTo(want.brier, 7);
    const [lo, hi] = report.metrics.roc_auc!.ci!;
    expect(lo).toBeLessThanOrEqual(report.metrics.roc_auc!.value);
    expect(hi).toBeGreaterThanOrEqual(report.metrics.roc_auc!.value);
    const base = ref['bc_logreg_c001.onnx'].metrics;
    expect(report.baseline_metrics!.accuracy!.value).toBe(base.accuracy);
    expect(report.comparison!.accuracy).toMatchObject({ test: 'mcnemar', verdict: 'better' });
    expect(report.baseline!.source).toBe('file');
    expect(report.candidate.signature.outputs[1]!.type).toBe('sequence<map<int64,float>>');
  });

  it('multiclass TreeEnsembleClassifier + ZipMap', async () => {
    const { report } = await runEvaluate({
      model: `${FIX}/wine_forest_zipmap.onnx`,
      data: `${DATA}/wine.csv`,
      label: 'cultivar',
      bootstrap: { resamples: 0 },
    });
    const want = ref['wine_forest_zipmap.onnx'].metrics;
    expect(report.task).toBe('multiclass');
    expect(report.metrics.accuracy!.value).toBe(want.accuracy);
    expect(report.metrics.f1_macro!.value).toBeCloseTo(want.f1_macro, 12);
    expect(report.metrics.f1_weighted!.value).toBeCloseTo(want.f1_weighted, 12);
    expect(report.metrics.log_loss!.value).toBeCloseTo(want.log_loss, 6);
  });

  it('multi-input model and regression', async () => {
    const multi = await runEvaluate({
      model: `${FIX}/wine_multi_input.onnx`,
      data: `${DATA}/wine.csv`,
      label: 'cultivar',
      bootstrap: { resamples: 0 },
    });
    expect(multi.report.metrics.accuracy!.value).toBe(
      ref['wine_multi_input.onnx'].metrics.accuracy,
    );
    const reg = await runEvaluate({
      model: `${FIX}/wine_ridge.onnx`,
      data: `${DATA}/wine.csv`,
      label: 'color_intensity',
      bootstrap: { resamples: 0 },
    });
    expect(reg.report.task).toBe('regression');
    const want = ref['wine_ridge.onnx'].metrics;
    expect(reg.report.metrics.r2!.value).toBeCloseTo(want.r2, 5);
    expect(reg.report.metrics.rmse!.value).toBeCloseTo(want.rmse, 5);
    expect(reg.report.metrics.mae!.value).toBeCloseTo(want.mae, 5);
  });
});

describe('modelci evaluate (CLI contract)', () => {
  it('--json prints one object with metrics.<name>.value and .ci; exit 0', async () => {
    const r = await cli([
      'evaluate',
      '--artifact',
      `${FIX}/bc_logreg_zipmap.onnx`,
      '--data',
      bc.data,
      '--label',
      'malignant',
      '--task',
      'binary',
      '--resamples',
      '100',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.metrics.accuracy.value).toBe(ref['bc_logreg_zipmap.onnx'].metrics.accuracy);
    expect(report.metrics.roc_auc.ci).toHaveLength(2);
    expect(report.schema).toBe('modelci/evaluation-report@1');
  });

  it('gates from modelci.yaml decide the exit code only with --fail-on-gates', async () => {
    const config = write(
      'modelci.yaml',
      `version: 1\nmodels:\n  cancer:\n    task: binary\n    data:\n      holdout: ${bc.data}\n      label: malignant\n    gates:\n      min:\n        accuracy: 0.999\n`,
    );
    const args = [
      'evaluate',
      '--config',
      config,
      '--artifact',
      `${FIX}/bc_logreg_zipmap.onnx`,
      '--resamples',
      '0',
      '--json',
    ];
    const soft = await cli(args);
    expect(soft.code).toBe(0);
    expect(JSON.parse(soft.stdout).gates.passed).toBe(false);
    const hard = await cli([...args, '--fail-on-gates']);
    expect(hard.code).toBe(3);
    expect(hard.stderr).toMatch(/gates failed: .*accuracy/);
  });

  it('a non-ONNX model file: one line, exit 1', async () => {
    const r = await cli([
      'evaluate',
      '--artifact',
      bc.data,
      '--data',
      bc.data,
      '--label',
      'malignant',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^modelci evaluate: error: test\/fixtures\/data\/breast_cancer\.csv: not an ONNX model \(/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bad input gets an error naming file, row and column', () => {
  const model = `${FIX}/bc_logreg_zipmap.onnx`;
  const [head, ...rows] = readFileSync(bc.data, 'utf8').trim().split(/\r?\n/);
  const base = { model, label: 'malignant', bootstrap: { resamples: 0 } };

  it('missing label column', async () => {
    const e = await errorOf(runEvaluate({ ...base, data: bc.data, label: 'diagnosis' }));
    expect(e.message).toBe('no label column "diagnosis"');
  });

  it('empty value: error by default, dropped and counted with dropInvalid', async () => {
    const cells = rows[2]!.split(',');
    cells[3] = '';
    const file = write(
      'missing.csv',
      [head, rows[0], rows[1], cells.join(','), ...rows.slice(3)].join('\n') + '\n',
    );
    const e = await errorOf(runEvaluate({ ...base, data: file }));
    expect(e.where).toEqual({ file, row: 4, column: 'mean_area' });
    expect(e.hint).toMatch(/--drop-invalid/);
    const { report, warnings } = await runEvaluate({ ...base, data: file, dropInvalid: true });
    expect(report.dataset).toMatchObject({ rows: 568, dropped_rows: 1 });
    expect(warnings[0]).toBe('dropped 1 of 569 rows with missing or invalid values');
  });

  it('NaN and text in a feature column', async () => {
    const cells = rows[0]!.split(',');
    cells[0] = 'abc';
    const file = write('text.csv', [head, cells.join(','), ...rows.slice(1)].join('\n'));
    const e = await errorOf(runEvaluate({ ...base, data: file }));
    expect(e.format()).toBe(
      `${file}: row 2, column "mean_radius": "abc" is not a number. Fix the value, or leave the cell empty for a missing value`,
    );
  });

  it('ragged row and zero rows', async () => {
    const ragged = write('ragged.csv', [head, rows[0], '1,2,3', ...rows.slice(1, 5)].join('\n'));
    expect((await errorOf(runEvaluate({ ...base, data: ragged }))).message).toBe(
      'the row has 3 fields but the header has 31',
    );
    const empty = write('empty.csv', head + '\n');
    expect((await errorOf(runEvaluate({ ...base, data: empty }))).message).toBe(
      'the data has no rows',
    );
  });

  it('labels the model does not know, and classes it never predicts', async () => {
    const cells = rows[0]!.split(',');
    cells[30] = '7';
    const file = write('label7.csv', [head, cells.join(','), ...rows.slice(1)].join('\n'));
    const e = await errorOf(runEvaluate({ ...base, data: file }));
    expect(e.message).toBe('label 7 is not a class the model knows (classes: 0, 1)');
    // A model that always says "benign" (sigmoid of a large negative bias).
    const always0 = write(
      'always0.onnx',
      denseModel({
        weights: Array.from({ length: 30 }, () => [0]),
        bias: [-20],
        activation: 'sigmoid',
      }),
    );
    const r = await runEvaluate({ ...base, model: always0, data: bc.data });
    expect(r.warnings[0]).toMatch(/^the candidate never predicts class 1 on this data/);
    expect(r.report.metrics.recall!.value).toBe(0);
  });

  it('model width mismatch names the input and the widths', async () => {
    const narrow = write(
      'narrow.onnx',
      denseModel({ weights: [[1], [1]], bias: [0], activation: 'sigmoid' }),
    );
    const e = await errorOf(runEvaluate({ ...base, model: narrow, data: bc.data }));
    expect(e.message).toBe(
      'model input "input" takes 2 values per row but the data has 30 feature columns (every column but the label "malignant")',
    );
  });
});
