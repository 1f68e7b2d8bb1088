import { ModelciError } from '../core/errors.js';
import {
  AttributeType,
  DataType,
  ELEMENT_TYPES,
  ModelProtoType,
  type AttributeProto,
  type NodeProto,
  type TensorProto,
  type TypeProto,
  type ValueInfoProto,
} from './proto.js';

/**
 * Writes real ONNX models from TypeScript: the built-in trainers export with it, and tests build
 * their fixtures with it. Graphs follow what exporters write (skl2onnx for `ai.onnx.ml` models).
 */

/** `float`, `int64`, ... or `sequence<map<int64,float>>` / `sequence<map<string,float>>` (ZipMap). */
export interface ValueSpec {
  name: string;
  type: string;
  shape?: (number | string | null)[];
}

export type Attribute = Omit<AttributeProto, 'name'>;

const utf8 = new TextEncoder();

/** Typed attribute values: JS numbers cannot say whether they are ints or floats. */
export const attr = {
  int: (i: number): Attribute => ({ type: AttributeType.INT, i }),
  float: (f: number): Attribute => ({ type: AttributeType.FLOAT, f }),
  string: (s: string): Attribute => ({ type: AttributeType.STRING, s: utf8.encode(s) }),
  ints: (ints: number[]): Attribute => ({ type: AttributeType.INTS, ints }),
  floats: (floats: number[]): Attribute => ({ type: AttributeType.FLOATS, floats }),
  strings: (strings: string[]): Attribute => ({
    type: AttributeType.STRINGS,
    strings: strings.map((s) => utf8.encode(s)),
  }),
  tensor: (t: TensorSpec): Attribute => ({ type: AttributeType.TENSOR, t: tensorProto(t) }),
};

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  name?: string;
  attrs?: Record<string, Attribute>;
}

export interface TensorSpec {
  name: string;
  type: 'float' | 'double' | 'int64' | 'int32' | 'string' | 'bool';
  dims: number[];
  values: ArrayLike<number> | string[];
}

export interface GraphSpec {
  name?: string;
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
  initializers?: TensorSpec[];
}

export interface ModelOptions {
  /** Operator set per domain; default `{'': 17, 'ai.onnx.ml': 3}`. */
  opsets?: Record<string, number>;
  irVersion?: number;
  producer?: { name: string; version: string };
  metadata?: Record<string, string>;
  docString?: string;
}

const ELEMENT_NUMBERS: Record<string, number> = Object.fromEntries(
  Object.entries(ELEMENT_TYPES).map(([k, v]) => [v, Number(k)]),
);

function elemNumber(type: string): number {
  const n = ELEMENT_NUMBERS[type];
  if (n === undefined || n === 0)
    throw new ModelciError('MODEL', `unknown ONNX element type "${type}"`);
  return n;
}

function typeProto(spec: ValueSpec): TypeProto {
  const zipmap = /^sequence<map<(int64|string),float>>$/.exec(spec.type);
  if (zipmap)
    return {
      sequenceType: {
        elemType: {
          mapType: {
            keyType: elemNumber(zipmap[1]!),
            valueType: { tensorType: { elemType: DataType.FLOAT } },
          },
        },
      },
    };
  return {
    tensorType: {
      elemType: elemNumber(spec.type),
      shape: {
        dim: (spec.shape ?? []).map((d) =>
          typeof d === 'number' ? { dimValue: d } : d === null ? {} : { dimParam: d },
        ),
      },
    },
  };
}

function valueInfo(spec: ValueSpec): ValueInfoProto {
  return { name: spec.name, type: typeProto(spec) };
}

export function tensorProto(t: TensorSpec): TensorProto {
  const out: TensorProto = { name: t.name, dims: t.dims, dataType: elemNumber(t.type) };
  const values = t.values;
  switch (t.type) {
    case 'float':
      out.rawData = new Uint8Array(Float32Array.from(values as ArrayLike<number>).buffer);
      break;
    case 'double':
      out.rawData = new Uint8Array(Float64Array.from(values as ArrayLike<number>).buffer);
      break;
    case 'int64':
      out.int64Data = Array.from(values as ArrayLike<number>);
      break;
    case 'int32':
    case 'bool':
      out.int32Data = Array.from(values as ArrayLike<number>);
      break;
    case 'string':
      out.stringData = (values as string[]).map((s) => utf8.encode(s));
      break;
  }
  return out;
}

function nodeProto(n: NodeSpec, i: number): NodeProto {
  return {
    input: n.inputs,
    output: n.outputs,
    name: n.name ?? `${n.op}${i}`,
    opType: n.op,
    domain: n.domain ?? '',
    attribute: Object.entries(n.attrs ?? {}).map(([name, a]) => ({ ...a, name })),
  };
}

/** Serialises a graph to ONNX bytes (a `ModelProto`). */
export function buildOnnxModel(graph: GraphSpec, opts: ModelOptions = {}): Uint8Array {
  const opsets = opts.opsets ?? { '': 17, 'ai.onnx.ml': 3 };
  const model = {
    irVersion: opts.irVersion ?? 8,
    producerName: opts.producer?.name ?? 'modelci',
    producerVersion: opts.producer?.version ?? '0.1.0',
    docString: opts.docString ?? '',
    opsetImport: Object.entries(opsets).map(([domain, version]) => ({ domain, version })),
    metadataProps: Object.entries(opts.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: graph.name ?? 'modelci',
      node: graph.nodes.map(nodeProto),
      initializer: (graph.initializers ?? []).map(tensorProto),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  };
  return ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
}

// ---- Model families the trainers export and the tests use -------------------------------------

export interface LinearClassifierSpec {
  /** scikit-learn's `coef_`: one row for binary, one row per class for multiclass. */
  coef: number[][];
  /** scikit-learn's `intercept_`. */
  intercept: number[];
  /** scikit-learn's `classes_`. */
  classes: number[] | string[];
  /** Graph input name; skl2onnx examples use `float_input`. */
  inputName?: string;
  /** Append a ZipMap like skl2onnx does by default (outputs `output_label`, `output_probability`). */
  zipmap?: boolean;
  metadata?: Record<string, string>;
}

/**
 * A logistic regression as skl2onnx converts `LogisticRegression` (float input): an `ai.onnx.ml`
 * LinearClassifier with outputs `label` and `probabilities` (binary: coefficients [-w, w] and
 * LOGISTIC; multinomial: SOFTMAX then an L1 Normalizer), optionally followed by ZipMap.
 */
export function linearClassifierModel(spec: LinearClassifierSpec): Uint8Array {
  const k = spec.classes.length;
  const width = spec.coef[0]?.length ?? 0;
  const input = spec.inputName ?? 'float_input';
  const binary = k === 2;
  if (binary ? spec.coef.length !== 1 : spec.coef.length !== k)
    throw new ModelciError('MODEL', `coef must have ${binary ? 1 : k} rows for ${k} classes`);
  let coefficients = spec.coef.flat();
  let intercepts = spec.intercept;
  if (binary) {
    coefficients = [...coefficients.map((c) => -c), ...coefficients];
    intercepts = [-spec.intercept[0]!, spec.intercept[0]!];
  }
  const strings = typeof spec.classes[0] === 'string';
  const classAttr: Record<string, Attribute> = strings
    ? { classlabels_strings: attr.strings(spec.classes as string[]) }
    : { classlabels_ints: attr.ints(spec.classes as number[]) };
  const labelType = strings ? 'string' : 'int64';
  const probName = binary ? 'probabilities' : 'probability_tensor';
  const nodes: NodeSpec[] = [
    {
      op: 'LinearClassifier',
      domain: 'ai.onnx.ml',
      name: 'LinearClassifier',
      inputs: [input],
      outputs: ['label', probName],
      attrs: {
        coefficients: attr.floats(coefficients),
        intercepts: attr.floats(intercepts),
        multi_class: attr.int(binary ? 0 : 1),
        post_transform: attr.string(binary ? 'LOGISTIC' : 'SOFTMAX'),
        ...classAttr,
      },
    },
  ];
  if (!binary)
    nodes.push({
      op: 'Normalizer',
      domain: 'ai.onnx.ml',
      name: 'Normalizer',
      inputs: [probName],
      outputs: ['probabilities'],
      attrs: { norm: attr.string('L1') },
    });
  let outputs: ValueSpec[] = [
    { name: 'label', type: labelType, shape: [null] },
    { name: 'probabilities', type: 'float', shape: [null, k] },
  ];
  if (spec.zipmap) {
    nodes.push(
      {
        op: 'Cast',
        name: 'Cast',
        inputs: ['label'],
        outputs: ['output_label'],
        attrs: { to: attr.int(strings ? DataType.STRING : DataType.INT64) },
      },
      {
        op: 'ZipMap',
        domain: 'ai.onnx.ml',
        name: 'ZipMap',
        inputs: ['probabilities'],
        outputs: ['output_probability'],
        attrs: strings
          ? { classlabels_strings: attr.strings(spec.classes as string[]) }
          : { classlabels_int64s: attr.ints(spec.classes as number[]) },
      },
    );
    outputs = [
      { name: 'output_label', type: labelType, shape: [null] },
      { name: 'output_probability', type: `sequence<map<${labelType},float>>` },
    ];
  }
  return buildOnnxModel(
    {
      name: 'LogisticRegression',
      inputs: [{ name: input, type: 'float', shape: [null, width] }],
      outputs,
      nodes,
    },
    {
      opsets: { '': 17, 'ai.onnx.ml': 1 },
      producer: { name: 'modelci', version: '0.1.0' },
      metadata: spec.metadata,
    },
  );
}

export interface LinearRegressorSpec {
  coef: number[];
  intercept: number;
  inputName?: string;
  metadata?: Record<string, string>;
}

/** A linear model as skl2onnx converts `LinearRegression`/`Ridge`: LinearRegressor -> `variable`. */
export function linearRegressorModel(spec: LinearRegressorSpec): Uint8Array {
  const input = spec.inputName ?? 'float_input';
  return buildOnnxModel(
    {
      name: 'LinearRegression',
      inputs: [{ name: input, type: 'float', shape: [null, spec.coef.length] }],
      outputs: [{ name: 'variable', type: 'float', shape: [null, 1] }],
      nodes: [
        {
          op: 'LinearRegressor',
          domain: 'ai.onnx.ml',
          name: 'LinearRegressor',
          inputs: [input],
          outputs: ['variable'],
          attrs: {
            coefficients: attr.floats(spec.coef),
            intercepts: attr.floats([spec.intercept]),
          },
        },
      ],
    },
    { opsets: { '': 17, 'ai.onnx.ml': 1 }, metadata: spec.metadata },
  );
}

export interface DenseModelSpec {
  /** weights[f][o]: features x outputs. */
  weights: number[][];
  bias: number[];
  activation: 'sigmoid' | 'softmax' | 'none';
  /** `gemm` (one Gemm node) or `matmul` (MatMul + Add), as torch and tf exporters write. */
  op?: 'gemm' | 'matmul';
  inputName?: string;
  outputName?: string;
}

/** A single-tensor model: scores or probabilities from Gemm/MatMul+Add and an activation. */
export function denseModel(spec: DenseModelSpec): Uint8Array {
  const f = spec.weights.length;
  const o = spec.bias.length;
  const input = spec.inputName ?? 'input';
  const output = spec.outputName ?? 'output';
  const linear = spec.activation === 'none' ? output : 'logits';
  const nodes: NodeSpec[] =
    spec.op === 'matmul'
      ? [
          { op: 'MatMul', inputs: [input, 'W'], outputs: ['xw'] },
          { op: 'Add', inputs: ['xw', 'B'], outputs: [linear] },
        ]
      : [{ op: 'Gemm', inputs: [input, 'W', 'B'], outputs: [linear] }];
  if (spec.activation === 'sigmoid')
    nodes.push({ op: 'Sigmoid', inputs: [linear], outputs: [output] });
  if (spec.activation === 'softmax')
    nodes.push({
      op: 'Softmax',
      inputs: [linear],
      outputs: [output],
      attrs: { axis: attr.int(-1) },
    });
  return buildOnnxModel({
    name: 'dense',
    inputs: [{ name: input, type: 'float', shape: ['N', f] }],
    outputs: [{ name: output, type: 'float', shape: ['N', o] }],
    nodes,
    initializers: [
      { name: 'W', type: 'float', dims: [f, o], values: spec.weights.flat() },
      { name: 'B', type: 'float', dims: [o], values: spec.bias },
    ],
  });
}
