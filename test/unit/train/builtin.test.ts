import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnnxRuntime } from '../../../src/onnx/runtime.js';
import { readOnnxModelInfo } from '../../../src/onnx/signature.js';
import { trainBuiltin } from '../../../src/train/builtin.js';
import { tempDir } from '../../harness/temp.js';

// scikit-learn's fits: test/fixtures/train/make_reference.py.
const ref = JSON.parse(readFileSync('test/fixtures/train/reference.json', 'utf8'));

function firstRows(file: string, label: string, rows: number) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return lines.slice(0, rows).flatMap((l) =>
    l
      .split(',')
      .filter((_, c) => cols[c] !== label)
      .map(Number),
  );
}

describe('built-in trainers export ONNX models that reproduce scikit-learn', () => {
  it('logistic-regression (binary) on breast_cancer: skl2onnx outputs, sklearn probabilities', async () => {
    const out = tempDir('modelci-train-');
    const r = ref.logistic_binary;
    const res = await trainBuiltin({
      trainer: 'logistic-regression',
      data: 'test/fixtures/data/breast_cancer.csv',
      label: 'malignant',
      outputDir: out,
    });
    expect(res.rows).toBe(569);
    expect(res.classes).toEqual([0, 1]);
    expect(res.metrics.train_accuracy).toBe(r.train_accuracy);
    const info = readOnnxModelInfo(res.model);
    expect(info.signature.outputs.map((o) => o.name)).toEqual(['label', 'probabilities']);
    expect(info.metadata['modelci.trainer']).toBe('logistic-regression');
    const ort = await loadOnnxRuntime();
    const session = await ort.InferenceSession.create(res.model);
    const x = Float32Array.from(firstRows('test/fixtures/data/breast_cancer.csv', 'malignant', 5));
    const o = await session.run({ float_input: new ort.Tensor('float32', x, [5, 30]) });
    const proba = o.probabilities!.data as Float32Array;
    (r.proba_first_rows as number[][]).forEach((row, i) =>
      row.forEach((p, j) => expect(Math.abs(proba[i * 2 + j]! - p)).toBeLessThan(2e-5)),
    );
    expect(JSON.parse(readFileSync(join(out, 'params.json'), 'utf8'))).toEqual({
      C: 1,
      max_iter: 100,
    });
  });

  it('logistic-regression (multinomial) on wine', async () => {
    const out = tempDir('modelci-train-');
    const r = ref.logistic_multinomial;
    const res = await trainBuiltin({
      trainer: 'logistic-regression',
      data: 'test/fixtures/data/wine.csv',
      label: 'cultivar',
      outputDir: out,
      params: { C: 1 },
    });
    expect(res.metrics.train_accuracy).toBe(r.train_accuracy);
    const ort = await loadOnnxRuntime();
    const session = await ort.InferenceSession.create(res.model);
    const x = Float32Array.from(firstRows('test/fixtures/data/wine.csv', 'cultivar', 5));
    const o = await session.run({ float_input: new ort.Tensor('float32', x, [5, 13]) });
    const proba = o.probabilities!.data as Float32Array;
    (r.proba_first_rows as number[][]).forEach((row, i) =>
      row.forEach((p, j) => expect(Math.abs(proba[i * 3 + j]! - p)).toBeLessThan(2e-5)),
    );
  });

  it('ridge on wine: R² as scikit-learn', async () => {
    const out = tempDir('modelci-train-');
    const res = await trainBuiltin({
      trainer: 'ridge',
      data: 'test/fixtures/data/wine.csv',
      label: 'color_intensity',
      outputDir: out,
      params: { alpha: 1 },
    });
    expect(res.metrics.train_r2).toBeCloseTo(ref.ridge.train_r2, 10);
  });
});
