// Tiny real ONNX models for the serving and deploy tests, written with protobufjs from the few
// onnx.proto messages they need (the shared builder in src/onnx/ replaces this once it lands).
import { writeFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const root = protobuf.Root.fromJSON({
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            producer_name: { type: 'string', id: 2 },
            graph: { type: 'GraphProto', id: 7 },
            opset_import: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: {
          fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
        },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            float_data: { rule: 'repeated', type: 'float', id: 4 },
            name: { type: 'string', id: 8 },
          },
        },
        ValueInfoProto: {
          fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } },
        },
        TypeProto: {
          fields: { tensor_type: { type: 'TensorTypeProto', id: 1 } },
        },
        TensorTypeProto: {
          fields: {
            elem_type: { type: 'int32', id: 1 },
            shape: { type: 'TensorShapeProto', id: 2 },
          },
        },
        TensorShapeProto: {
          fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
        },
        Dimension: {
          oneofs: { value: { oneof: ['dim_value', 'dim_param'] } },
          fields: { dim_value: { type: 'int64', id: 1 }, dim_param: { type: 'string', id: 2 } },
        },
      },
    },
  },
});

const ModelProto = root.lookupType('onnx.ModelProto');
const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;

function valueInfo(name: string, elemType: number, dims: (number | string)[]) {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })),
        },
      },
    },
  };
}

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
  const message = ModelProto.fromObject({
    ir_version: 8,
    producer_name: 'modelci-tests',
    opset_import: [{ domain: '', version: 13 }],
    graph: {
      name: 'linear',
      initializer: [
        {
          name: 'W',
          data_type: FLOAT,
          dims: [features, classes],
          float_data: model.weights.flat(),
        },
        { name: 'B', data_type: FLOAT, dims: [classes], float_data: model.bias },
      ],
      node: [
        { op_type: 'MatMul', input: ['input', 'W'], output: ['xw'], name: 'matmul' },
        { op_type: 'Add', input: ['xw', 'B'], output: ['logits'], name: 'add' },
        {
          op_type: 'Softmax',
          input: ['logits'],
          output: ['probabilities'],
          name: 'softmax',
          attribute: [{ name: 'axis', i: 1, type: ATTR_INT }],
        },
        {
          op_type: 'ArgMax',
          input: ['logits'],
          output: ['label'],
          name: 'argmax',
          attribute: [
            { name: 'axis', i: 1, type: ATTR_INT },
            { name: 'keepdims', i: 0, type: ATTR_INT },
          ],
        },
      ],
      input: [valueInfo('input', FLOAT, ['batch', features])],
      output: [
        valueInfo('probabilities', FLOAT, ['batch', classes]),
        valueInfo('label', INT64, ['batch']),
      ],
    },
  });
  return ModelProto.encode(message).finish();
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
