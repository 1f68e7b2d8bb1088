import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOnnxModel, denseModel, linearClassifierModel } from '../../../src/onnx/build.js';
import { parseOnnxModelInfo, readOnnxSignature } from '../../../src/onnx/signature.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

const dir = tempDir('modelci-sig-');
function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('readOnnxSignature', () => {
  it('reads inputs, outputs, symbolic dims, opsets and operators of a skl2onnx-style model', () => {
    const bytes = linearClassifierModel({
      coef: [[1, 2, 3]],
      intercept: [0.5],
      classes: [0, 1],
      zipmap: true,
      metadata: { trainer: 'test' },
    });
    const info = parseOnnxModelInfo(bytes);
    expect(info.signature).toEqual({
      inputs: [{ name: 'float_input', type: 'float', shape: [null, 3] }],
      outputs: [
        { name: 'output_label', type: 'int64', shape: [null] },
        { name: 'output_probability', type: 'sequence<map<int64,float>>', shape: [] },
      ],
    });
    expect(info.opsets).toEqual({ '': 17, 'ai.onnx.ml': 1 });
    expect(info.metadata).toEqual({ trainer: 'test' });
    expect(info.operators).toEqual(['Cast', 'ai.onnx.ml:LinearClassifier', 'ai.onnx.ml:ZipMap']);
    expect(readOnnxSignature(write('lr.onnx', bytes))).toEqual(info.signature);
  });

  it('keeps named symbolic dims and leaves initializers listed as inputs (IR < 4) out', () => {
    const bytes = buildOnnxModel(
      {
        inputs: [
          { name: 'x', type: 'double', shape: ['batch', 2] },
          { name: 'W', type: 'double', shape: [2, 1] },
        ],
        outputs: [{ name: 'y', type: 'double', shape: ['batch', 1] }],
        nodes: [{ op: 'MatMul', inputs: ['x', 'W'], outputs: ['y'] }],
        initializers: [{ name: 'W', type: 'double', dims: [2, 1], values: [1, 2] }],
      },
      { irVersion: 3, opsets: { '': 9 } },
    );
    expect(parseOnnxModelInfo(bytes).signature.inputs).toEqual([
      { name: 'x', type: 'double', shape: ['batch', 2] },
    ]);
    expect(parseOnnxModelInfo(bytes).irVersion).toBe(3);
  });

  it('reads a dense single-tensor model', () => {
    const sig = parseOnnxModelInfo(
      denseModel({ weights: [[1], [2]], bias: [0], activation: 'sigmoid' }),
    ).signature;
    expect(sig.outputs).toEqual([{ name: 'output', type: 'float', shape: ['N', 1] }]);
  });

  it('says a file is not ONNX: text, empty, truncated, missing', () => {
    const text = errorOf(() => readOnnxSignature(write('model.onnx', 'age,income\n1,2\n')));
    expect(text.code).toBe('MODEL');
    expect(text.format()).toMatch(
      /model\.onnx: not an ONNX model \(.*\)\. Export the model to ONNX/,
    );
    expect(errorOf(() => readOnnxSignature(write('empty.onnx', ''))).message).toBe(
      'not an ONNX model (the file is empty)',
    );
    const whole = linearClassifierModel({ coef: [[1]], intercept: [0], classes: [0, 1] });
    const cut = errorOf(() => readOnnxSignature(write('cut.onnx', whole.subarray(0, 40))));
    expect(cut.message).toMatch(/^not an ONNX model/);
    expect(errorOf(() => readOnnxSignature(join(dir, 'nope.onnx'))).code).toBe('FILE');
  });
});
