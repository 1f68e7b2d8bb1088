// Tiny real ONNX models for the serving and deploy tests, written with the shared builder.
import { writeFileSync } from 'node:fs';
import { attr, buildOnnxModel } from '../../src/onnx/build.js';

export interface LinearClassifier {
  /** Weights [features][classes], row-major. */
  weights: number[][];
  bias: number[];
}

/**
 * A softmax linear classifier: input `input` FP32 [batch, features] -> `probabilities` FP32
 * [batch, classes] and `label` INT64 [batch] (argmax). Different weights make versions tell apart.
 */
export function linearClassifierOnnx(model: LinearClassifier): Uint8Array {
  const features = model.weights.length;
  const classes = model.bias.length;
  return buildOnnxModel(
    {
      name: 'linear',
      initializers: [
        { name: 'W', type: 'float', dims: [features, classes], values: model.weights.flat() },
        { name: 'B', type: 'float', dims: [classes], values: model.bias },
      ],
      nodes: [
        { op: 'MatMul', inputs: ['input', 'W'], outputs: ['xw'] },
        { op: 'Add', inputs: ['xw', 'B'], outputs: ['logits'] },
        {
          op: 'Softmax',
          inputs: ['logits'],
          outputs: ['probabilities'],
          attrs: { axis: attr.int(1) },
        },
        {
          op: 'ArgMax',
          inputs: ['logits'],
          outputs: ['label'],
          attrs: { axis: attr.int(1), keepdims: attr.int(0) },
        },
      ],
      inputs: [{ name: 'input', type: 'float', shape: ['batch', features] }],
      outputs: [
        { name: 'probabilities', type: 'float', shape: ['batch', classes] },
        { name: 'label', type: 'int64', shape: ['batch'] },
      ],
    },
    { opsets: { '': 13 } },
  );
}

/** Two versions with 4 features and 2 classes whose predictions differ on most inputs. */
export const CLASSIFIER_V1: LinearClassifier = {
  weights: [
    [1, -1],
    [0.5, -0.5],
    [-0.25, 0.25],
    [0, 0.1],
  ],
  bias: [0, 0],
};
export const CLASSIFIER_V2: LinearClassifier = {
  weights: [
    [-1, 1],
    [-0.5, 0.5],
    [0.25, -0.25],
    [0.1, 0],
  ],
  bias: [0.1, 0],
};

export function writeClassifier(file: string, model: LinearClassifier = CLASSIFIER_V1): string {
  writeFileSync(file, linearClassifierOnnx(model));
  return file;
}

/** Reference softmax + argmax in plain JS, to check served outputs independently of onnxruntime. */
export function predictClassifier(
  model: LinearClassifier,
  row: number[],
): { probabilities: number[]; label: number } {
  const logits = model.bias.map(
    (b, k) => b + row.reduce((s, x, j) => s + x * model.weights[j]![k]!, 0),
  );
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const probabilities = exp.map((e) => e / sum);
  return { probabilities, label: logits.indexOf(max) };
}

/**
 * A model with INT64, BOOL, BYTES and FP64 inputs that echoes them (BOOL negated, FP64 doubled),
 * so the tests see every datatype conversion between JSON and onnxruntime tensors both ways.
 */
export function echoModelOnnx(): Uint8Array {
  return buildOnnxModel(
    {
      name: 'echo',
      initializers: [{ name: 'two', type: 'double', dims: [], values: [2] }],
      nodes: [
        { op: 'Identity', inputs: ['ids'], outputs: ['ids_out'] },
        { op: 'Not', inputs: ['flags'], outputs: ['flags_out'] },
        { op: 'Identity', inputs: ['words'], outputs: ['words_out'] },
        { op: 'Mul', inputs: ['x', 'two'], outputs: ['x_out'] },
      ],
      inputs: [
        { name: 'ids', type: 'int64', shape: ['n'] },
        { name: 'flags', type: 'bool', shape: ['n'] },
        { name: 'words', type: 'string', shape: ['n'] },
        { name: 'x', type: 'double', shape: ['n', 2] },
      ],
      outputs: [
        { name: 'ids_out', type: 'int64', shape: ['n'] },
        { name: 'flags_out', type: 'bool', shape: ['n'] },
        { name: 'words_out', type: 'string', shape: ['n'] },
        { name: 'x_out', type: 'double', shape: ['n', 2] },
      ],
    },
    { opsets: { '': 13 } },
  );
}
