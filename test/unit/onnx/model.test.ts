import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelciError } from '../../../src/core/errors.js';
import { openCsv } from '../../../src/data/csv.js';
import { planInputs, planOutputs } from '../../../src/onnx/bindings.js';
import { buildOnnxModel, denseModel, linearClassifierModel } from '../../../src/onnx/build.js';
import { loadOnnxModel, predictBatch, type ColumnBatch } from '../../../src/onnx/model.js';
import { readOnnxSignature } from '../../../src/onnx/signature.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

// Models and scikit-learn's predictions: test/fixtures/onnx/make_models.py (onnx helper API).
const FIX = 'test/fixtures/onnx';
const ref = JSON.parse(readFileSync(`${FIX}/reference.json`, 'utf8'));
const dir = tempDir('modelci-model-');

async function readAll(file: string, label: string): Promise<ColumnBatch> {
  const src = await openCsv(file);
  const cols = src.columns;
  const numeric = new Map<string, Float64Array>();
  for await (const b of src.scan({ numeric: cols, batchSize: 1 << 20 }))
    cols.forEach((c, i) => numeric.set(c, b.numeric[i]!));
  return { length: numeric.get(label)!.length, numeric, strings: new Map() };
}

async function predict(
  modelFile: string,
  dataFile: string,
  label: string,
  task: 'binary' | 'multiclass' | 'regression',
) {
  const model = await loadOnnxModel(modelFile);
  const batch = await readAll(dataFile, label);
  const ctx = { model: modelFile, data: dataFile, label };
  const inputs = planInputs(model.runSignature, [...batch.numeric.keys()], ctx);
  const outputs = planOutputs(model.runSignature, task, modelFile);
  return { model, inputs, outputs, pred: await predictBatch(model, inputs, outputs, batch) };
}

describe('loadOnnxModel + predictBatch on skl2onnx-style models', () => {
  it('removes the ZipMap of a LinearClassifier and returns scikit-learn probabilities', async () => {
    const { model, pred, outputs } = await predict(
      `${FIX}/bc_logreg_zipmap.onnx`,
      'test/fixtures/data/breast_cancer.csv',
      'malignant',
      'binary',
    );
    // The ZipMap became an Identity: the output keeps its name and carries the [N, 2] tensor.
    expect(model.zipmapRemoved).toEqual({
      output: 'output_probability',
      probabilities: 'output_probability',
    });
    expect(model.classes).toEqual([0, 1]);
    expect(model.runSignature.outputs[1]).toEqual({
      name: 'output_probability',
      type: 'float',
      shape: ['N', 2],
    });
    expect(outputs).toEqual({
      kind: 'classification',
      label: 'output_label',
      proba: 'output_probability',
      positiveOnly: false,
    });
    // The file's own signature is unchanged (the registry records what the user exported).
    expect(model.info.signature.outputs[1]!.type).toBe('sequence<map<int64,float>>');
    const want: number[][] = ref['bc_logreg_zipmap.onnx'].proba_first_rows;
    want.forEach((row, i) =>
      row.forEach((p, j) => expect(pred.proba![i * 2 + j]).toBeCloseTo(p, 5)),
    );
    expect([...pred.labels!.slice(0, 5)]).toEqual(want.map((r) => (r[1]! > 0.5 ? 1 : 0)));
  });

  it('runs a TreeEnsembleClassifier + ZipMap: labels exactly, probabilities to float precision', async () => {
    const { model, pred } = await predict(
      `${FIX}/wine_forest_zipmap.onnx`,
      'test/fixtures/data/wine.csv',
      'cultivar',
      'multiclass',
    );
    expect(model.classes).toEqual([0, 1, 2]);
    const r = ref['wine_forest_zipmap.onnx'];
    expect([...pred.labels!.slice(0, 10)]).toEqual(r.labels_first_rows);
    (r.proba_first_rows as number[][]).forEach((row, i) =>
      row.forEach((p, j) => expect(pred.proba![i * 3 + j]).toBeCloseTo(p, 6)),
    );
  });

  it('feeds a multi-input model one column per input, by name', async () => {
    const { inputs, pred } = await predict(
      `${FIX}/wine_multi_input.onnx`,
      'test/fixtures/data/wine.csv',
      'cultivar',
      'multiclass',
    );
    expect(inputs.length).toBe(13);
    expect(inputs[0]).toEqual({
      input: 'alcohol',
      kind: 'float',
      columns: ['alcohol'],
      rank1: false,
    });
    (ref['wine_multi_input.onnx'].proba_first_rows as number[][]).forEach((row, i) =>
      row.forEach((p, j) => expect(pred.proba![i * 3 + j]).toBeCloseTo(p, 5)),
    );
  });

  it('reads a LinearRegressor value', async () => {
    const { pred, outputs } = await predict(
      `${FIX}/wine_ridge.onnx`,
      'test/fixtures/data/wine.csv',
      'color_intensity',
      'regression',
    );
    expect(outputs).toEqual({ kind: 'regression', value: 'variable' });
    (ref['wine_ridge.onnx'].pred_first_rows as number[]).forEach((v, i) =>
      expect(pred.value![i]).toBeCloseTo(v, 4),
    );
  });

  it('turns a one-column sigmoid output into two class probabilities', async () => {
    const file = join(dir, 'sigmoid.onnx');
    writeFileSync(file, denseModel({ weights: [[1], [-1]], bias: [0], activation: 'sigmoid' }));
    const model = await loadOnnxModel(file);
    const outputs = planOutputs(model.runSignature, 'binary', file);
    const batch = {
      length: 2,
      numeric: new Map([
        ['a', Float64Array.of(0, 2)],
        ['b', Float64Array.of(0, 0)],
      ]),
      strings: new Map(),
    };
    const inputs = planInputs(model.runSignature, ['a', 'b', 'y'], {
      model: file,
      data: 'd.csv',
      label: 'y',
    });
    const pred = await predictBatch(model, inputs, outputs, batch);
    expect(Array.from(pred.proba!)).toEqual([
      0.5,
      0.5,
      expect.closeTo(1 - 1 / (1 + Math.exp(-2)), 6),
      expect.closeTo(1 / (1 + Math.exp(-2)), 6),
    ]);
  });
});

describe('mismatches are reported before inference, naming input, column and widths', () => {
  const sig = readOnnxSignature(`${FIX}/bc_logreg_zipmap.onnx`);
  const ctx = { model: 'm.onnx', data: 'd.csv', label: 'y' };
  it('width', () => {
    const e = errorOf(() => planInputs(sig, ['a', 'b', 'y'], ctx));
    expect(e.format()).toBe(
      'd.csv: model input "float_input" takes 30 values per row but the data has 2 feature columns (every column but the label "y"). Name the 30 feature columns in model order (modelci.yaml data.features, or --features a,b,c)',
    );
  });
  it('missing named input column and unknown feature', () => {
    const multi = readOnnxSignature(`${FIX}/wine_multi_input.onnx`);
    const e = errorOf(() => planInputs(multi, ['alcohol', 'y'], ctx));
    expect(e.message).toBe('model input "malic_acid" has no column of that name in the data');
    expect(
      errorOf(() => planInputs(sig, ['a', 'y'], { ...ctx, features: ['a', 'zz'] })).message,
    ).toBe('feature column "zz" is not in the data');
  });
  it('input dtypes tabular data cannot feed', () => {
    const bytes = buildOnnxModel({
      inputs: [{ name: 'x', type: 'bool', shape: [null, 2] }],
      outputs: [{ name: 'y', type: 'bool', shape: [null, 2] }],
      nodes: [{ op: 'Not', inputs: ['x'], outputs: ['y'] }],
    });
    const file = join(dir, 'bool.onnx');
    writeFileSync(file, bytes);
    expect(errorOf(() => planInputs(readOnnxSignature(file), ['a', 'b', 'y'], ctx)).message).toBe(
      'model input "x" has element type bool, which tabular data cannot feed',
    );
  });
  it('a non-ZipMap sequence output gets the export hint', async () => {
    const bytes = linearClassifierModel({
      coef: [[1]],
      intercept: [0],
      classes: [0, 1],
      zipmap: true,
    });
    // Rename the ZipMap op so the rewrite cannot apply: what an unknown sequence-producing op looks like.
    const file = join(dir, 'seq.onnx');
    writeFileSync(
      file,
      Buffer.from(Buffer.from(bytes).toString('latin1').replaceAll('ZipMap', 'ZipMaq'), 'latin1'),
    );
    const e = await loadOnnxModel(file).then(
      () => undefined,
      (x: unknown) => x as ModelciError,
    );
    expect(e?.message).toMatch(
      /^model output "output_probability" is a sequence<map<int64,float>> that does not come from a ZipMap node/,
    );
    expect(e?.hint).toContain("options={id(model): {'zipmap': False}}");
  });
  it('a non-ONNX file', async () => {
    const e = await loadOnnxModel('test/fixtures/data/wine.csv').then(
      () => undefined,
      (x: unknown) => x as ModelciError,
    );
    expect(e?.message).toMatch(/^not an ONNX model/);
  });
});
