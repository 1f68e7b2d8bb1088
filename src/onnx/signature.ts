import { readModelFile } from './model-file.js';
import { ModelciError } from '../core/errors.js';
import type { ModelSignature, TensorSpec } from '../core/report/evaluation-report.js';
import {
  ELEMENT_TYPES,
  SignatureModelProtoType,
  TO_OBJECT,
  type ModelProto,
  type TypeProto,
  type ValueInfoProto,
} from './proto.js';

/** What a model file says about itself, read from the protobuf without onnxruntime. */
export interface OnnxModelInfo {
  signature: ModelSignature;
  irVersion: number;
  /** Operator set per domain ('' is the default `ai.onnx` domain). */
  opsets: Record<string, number>;
  producer: { name: string; version: string };
  /** `metadata_props` key/value pairs (skl2onnx, torch.onnx and tf2onnx write some). */
  metadata: Record<string, string>;
  /** Operator types used in the main graph, e.g. `ai.onnx.ml:ZipMap`, `Gemm`. */
  operators: string[];
}

/** The inputs and outputs of an ONNX model file (the registry's version record uses this). */
export function readOnnxSignature(file: string): ModelSignature {
  return readOnnxModelInfo(file).signature;
}

export function readOnnxModelInfo(file: string): OnnxModelInfo {
  const bytes = readModelFile(file);
  return parseOnnxModelInfo(bytes, file);
}

export function parseOnnxModelInfo(bytes: Uint8Array, file = '<model>'): OnnxModelInfo {
  const notOnnx = (why: string): ModelciError =>
    new ModelciError('MODEL', `not an ONNX model (${why})`, {
      file,
      hint: 'Export the model to ONNX (e.g. skl2onnx, torch.onnx.export) and pass the .onnx file',
    });
  if (bytes.length === 0) throw notOnnx('the file is empty');
  let model: ModelProto;
  try {
    model = SignatureModelProtoType.toObject(
      SignatureModelProtoType.decode(bytes),
      TO_OBJECT,
    ) as ModelProto;
  } catch (e) {
    throw notOnnx(`protobuf decoding failed: ${(e as Error).message}`);
  }
  const graph = model.graph;
  if (!model.irVersion || !graph) throw notOnnx('no ir_version or graph');
  if (!graph.output?.length) throw notOnnx('the graph has no outputs');

  // Before IR 4, initializers were also listed as graph inputs: they are weights, not data.
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((v) => !initializers.has(v.name));
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImport ?? []) opsets[o.domain ?? ''] = o.version ?? 0;
  const metadata: Record<string, string> = {};
  for (const p of model.metadataProps ?? []) if (p.key) metadata[p.key] = p.value ?? '';
  const operators = [
    ...new Set(
      (graph.node ?? []).map((n) =>
        n.domain ? `${n.domain}:${n.opType ?? ''}` : (n.opType ?? ''),
      ),
    ),
  ];
  return {
    signature: {
      inputs: inputs.map((v) => tensorSpec(v, file)),
      outputs: graph.output.map((v) => tensorSpec(v, file)),
    },
    irVersion: model.irVersion,
    opsets,
    producer: { name: model.producerName ?? '', version: model.producerVersion ?? '' },
    metadata,
    operators: operators.sort(),
  };
}

function tensorSpec(v: ValueInfoProto, file: string): TensorSpec {
  if (!v.name)
    throw new ModelciError('MODEL', 'a graph input or output has no name', {
      file,
      hint: 'Re-export the model; ONNX requires named inputs and outputs',
    });
  const t = v.type;
  const dims = t?.tensorType?.shape?.dim ?? t?.sparseTensorType?.shape?.dim;
  const shape =
    dims?.map((d) =>
      d.dimValue !== undefined ? d.dimValue : d.dimParam !== undefined ? d.dimParam : null,
    ) ?? [];
  return { name: v.name, type: typeName(t), shape };
}

/** `float`, `int64`... for tensors; `sequence<map<int64,float>>` for what ZipMap returns. */
export function typeName(t: TypeProto | undefined): string {
  if (!t) return 'unknown';
  if (t.tensorType) return ELEMENT_TYPES[t.tensorType.elemType ?? 0] ?? 'unknown';
  if (t.sparseTensorType)
    return `sparse<${ELEMENT_TYPES[t.sparseTensorType.elemType ?? 0] ?? 'unknown'}>`;
  if (t.sequenceType) return `sequence<${typeName(t.sequenceType.elemType)}>`;
  if (t.mapType)
    return `map<${ELEMENT_TYPES[t.mapType.keyType ?? 0] ?? 'unknown'},${typeName(t.mapType.valueType)}>`;
  if (t.optionalType) return `optional<${typeName(t.optionalType.elemType)}>`;
  return 'unknown';
}
