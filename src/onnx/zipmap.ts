import { ModelciError } from '../core/errors.js';
import { ModelProtoType, TO_OBJECT, type AttributeProto, type ModelProto } from './proto.js';

/**
 * skl2onnx ends classifiers with ZipMap by default: probabilities as a sequence of maps, which
 * onnxruntime-node cannot return and the Open Inference Protocol has no datatype for. The tensor
 * that goes into ZipMap is exactly the probability matrix (columns in the order of the ZipMap's
 * class labels), so the ZipMap node becomes an Identity: the output keeps its name and is that
 * [N, classes] float tensor (in memory only; the file is unchanged).
 */
export interface ZipMapRewrite {
  bytes: Uint8Array;
  /** The output that now carries the probability tensor (the ZipMap output's own name). */
  probabilities: string;
  /** The class labels ZipMap carried, in column order. */
  classes: (number | string)[];
}

const decoder = new TextDecoder();

/** Returns the rewritten model, or undefined when no graph output comes from a ZipMap. */
export function removeZipMap(bytes: Uint8Array, file: string): ZipMapRewrite | undefined {
  const message = ModelProtoType.decode(bytes);
  const model = ModelProtoType.toObject(message, { ...TO_OBJECT, bytes: Uint8Array }) as ModelProto;
  const graph = model.graph;
  if (!graph) return undefined;
  const outputs = graph.output ?? [];
  const nodes = graph.node ?? [];
  const zipIndex = nodes.findIndex(
    (n) =>
      n.opType === 'ZipMap' &&
      n.domain === 'ai.onnx.ml' &&
      outputs.some((o) => o.name === n.output?.[0]),
  );
  if (zipIndex < 0) return undefined;
  const zip = nodes[zipIndex]!;
  const source = zip.input?.[0];
  if (!source)
    throw new ModelciError('MODEL', 'the ZipMap node has no input', {
      file,
      hint: "Re-export with options={id(model): {'zipmap': False}} in skl2onnx's convert_sklearn/to_onnx",
    });
  if (nodes.filter((n) => n.opType === 'ZipMap').length > 1)
    throw new ModelciError('MODEL', 'the model has several ZipMap nodes', {
      file,
      hint: "Re-export with options={id(model): {'zipmap': False}} in skl2onnx's convert_sklearn/to_onnx",
    });
  const classes = zipClasses(zip.attribute ?? []);
  const width = classes.length;
  const output = zip.output![0]!;
  graph.node = nodes.map((n, i) =>
    i === zipIndex ? { input: [source], output: [output], name: zip.name, opType: 'Identity' } : n,
  );
  graph.output = outputs.map((o) =>
    o.name === output
      ? {
          name: output,
          type: {
            tensorType: {
              elemType: 1,
              shape: { dim: [{ dimParam: 'N' }, width ? { dimValue: width } : {}] },
            },
          },
        }
      : o,
  );
  const rewritten = ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
  return { bytes: rewritten, probabilities: output, classes };
}

function zipClasses(attrs: AttributeProto[]): (number | string)[] {
  for (const a of attrs) {
    if (a.name === 'classlabels_int64s') return a.ints ?? [];
    if (a.name === 'classlabels_strings') return (a.strings ?? []).map((s) => decoder.decode(s));
  }
  return [];
}
