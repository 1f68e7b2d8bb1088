import { ModelciError } from '../core/errors.js';
import { ModelProtoType, TO_OBJECT, type AttributeProto, type ModelProto } from './proto.js';

/**
 * skl2onnx ends classifiers with ZipMap by default: probabilities as a sequence of maps, which
 * onnxruntime-node cannot return. The tensor that goes into ZipMap is exactly the probability
 * matrix, so the ZipMap node is removed and its input becomes the graph output (in memory only).
 */
export interface ZipMapRewrite {
  bytes: Uint8Array;
  /** Graph output that replaced the ZipMap output, e.g. `probabilities`. */
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
  graph.node = nodes.filter((_, i) => i !== zipIndex);
  graph.output = outputs.map((o) =>
    o.name === zip.output?.[0]
      ? {
          name: source,
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
  return { bytes: rewritten, probabilities: source, classes };
}

function zipClasses(attrs: AttributeProto[]): (number | string)[] {
  for (const a of attrs) {
    if (a.name === 'classlabels_int64s') return a.ints ?? [];
    if (a.name === 'classlabels_strings') return (a.strings ?? []).map((s) => decoder.decode(s));
  }
  return [];
}
