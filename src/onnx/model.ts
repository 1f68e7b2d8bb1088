import { createHash } from 'node:crypto';
import { readModelFile } from './model-file.js';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ModelciError } from '../core/errors.js';
import {
  clipProbabilities,
  PROBABILITY_TOLERANCE,
  type ProbabilityProblem,
} from '../core/evaluation/probabilities.js';
import type { ModelSignature } from '../core/report/evaluation-report.js';
import type { InputPlan, OutputPlan } from './bindings.js';
import { ModelProtoType, TO_OBJECT, type ModelProto } from './proto.js';
import { createSession } from './session.js';
import { loadOnnxRuntime } from './runtime.js';
import { parseOnnxModelInfo, type OnnxModelInfo } from './signature.js';
import { removeZipMap } from './zipmap.js';

/** An ONNX model ready for inference, with what the report needs to fingerprint it. */
export interface OnnxModel {
  file: string;
  bytes: number;
  sha256: string;
  /** As the file declares it (before any ZipMap rewrite): what the registry and the diff show. */
  info: OnnxModelInfo;
  /** What the session runs (ZipMap output replaced by its probability tensor). */
  runSignature: ModelSignature;
  /** Class labels the graph declares (ai.onnx.ml classifiers, ZipMap), in probability column order. */
  classes?: (number | string)[];
  /** Set when a ZipMap output was replaced by its input tensor. */
  zipmapRemoved?: { output: string; probabilities: string };
  session: InferenceSession;
}

const decoder = new TextDecoder();

export async function loadOnnxModel(file: string): Promise<OnnxModel> {
  let bytes = readModelFile(file);
  const info = parseOnnxModelInfo(bytes, file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;
  let classes = graphClasses(bytes);
  let runSignature = info.signature;
  let zipmapRemoved: OnnxModel['zipmapRemoved'];
  const zipOut = info.signature.outputs.find((o) => o.type.startsWith('sequence<map<'));
  if (zipOut) {
    const rewrite = removeZipMap(bytes, file);
    if (!rewrite)
      throw new ModelciError(
        'MODEL',
        `model output "${zipOut.name}" is a ${zipOut.type} that does not come from a ZipMap node; onnxruntime-node cannot return it`,
        {
          file,
          hint: "Export probabilities as a tensor: skl2onnx convert_sklearn(..., options={id(model): {'zipmap': False}})",
        },
      );
    bytes = rewrite.bytes;
    if (rewrite.classes.length) classes = rewrite.classes;
    runSignature = parseOnnxModelInfo(bytes, file).signature;
    zipmapRemoved = { output: zipOut.name, probabilities: rewrite.probabilities };
  }
  const session = await createSession(bytes, file, { graphOptimizationLevel: 'all' });
  return {
    file,
    bytes: size,
    sha256,
    info,
    runSignature,
    ...(classes ? { classes } : {}),
    ...(zipmapRemoved ? { zipmapRemoved } : {}),
    session,
  };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}

/** classlabels_* of the graph's ai.onnx.ml classifier (LinearClassifier, TreeEnsembleClassifier, SVMClassifier...). */
function graphClasses(bytes: Uint8Array): (number | string)[] | undefined {
  const model = ModelProtoType.toObject(ModelProtoType.decode(bytes), {
    ...TO_OBJECT,
    bytes: Uint8Array,
  }) as ModelProto;
  for (const node of model.graph?.node ?? []) {
    if (node.domain !== 'ai.onnx.ml' || node.opType === 'ZipMap') continue;
    for (const a of node.attribute ?? []) {
      if ((a.name === 'classlabels_ints' || a.name === 'classlabels_int64s') && a.ints?.length)
        return a.ints;
      if (a.name === 'classlabels_strings' && a.strings?.length)
        return a.strings.map((s) => decoder.decode(s));
    }
  }
  return undefined;
}

/** One batch of rows, column-major, as the data reader yields it (rows already validated). */
export interface ColumnBatch {
  length: number;
  numeric: Map<string, Float64Array>;
  strings: Map<string, string[]>;
}

export interface BatchPrediction {
  /** Predicted class value per row, as the model's label output gives it. */
  /** Predicted labels: numbers in a Float64Array (int64/int32 outputs), text as strings. */
  labels?: Float64Array | string[];
  /** n × k probabilities (k = 2 for a one-column positive-class output). */
  proba?: Float64Array;
  k?: number;
  /** Regression value per row. */
  value?: Float64Array;
  /** Wall time of `session.run` for the batch. */
  ms: number;
}

/** Builds the input tensors for a batch, runs the session and reads the planned outputs. */
export async function predictBatch(
  model: OnnxModel,
  inputs: InputPlan[],
  outputs: OutputPlan,
  batch: ColumnBatch,
  rows?: BatchRows,
): Promise<BatchPrediction> {
  const ort = await loadOnnxRuntime();
  const n = batch.length;
  const feeds: Record<string, Tensor> = {};
  for (const plan of inputs) {
    const w = plan.columns.length;
    const dims = plan.rank1 ? [n] : [n, w];
    if (plan.kind === 'string') {
      const data: string[] = new Array<string>(n * w);
      plan.columns.forEach((c, j) => {
        const col = batch.strings.get(c)!;
        for (let i = 0; i < n; i++) data[i * w + j] = col[i]!;
      });
      feeds[plan.input] = new ort.Tensor('string', data, dims);
      continue;
    }
    const data =
      plan.kind === 'float'
        ? new Float32Array(n * w)
        : plan.kind === 'double'
          ? new Float64Array(n * w)
          : plan.kind === 'int32'
            ? new Int32Array(n * w)
            : new BigInt64Array(n * w);
    plan.columns.forEach((c, j) => {
      const col = batch.numeric.get(c)!;
      if (data instanceof BigInt64Array)
        for (let i = 0; i < n; i++) data[i * w + j] = BigInt(Math.trunc(col[i]!));
      else for (let i = 0; i < n; i++) data[i * w + j] = col[i]!;
    });
    const type = plan.kind === 'float' ? 'float32' : plan.kind === 'double' ? 'float64' : plan.kind;
    feeds[plan.input] = new ort.Tensor(type, data, dims);
  }
  const names =
    outputs.kind === 'regression'
      ? [outputs.value]
      : [outputs.label, outputs.proba].filter((x): x is string => !!x);
  const t0 = performance.now();
  let result: InferenceSession.ReturnType;
  try {
    result = await model.session.run(feeds, names);
  } catch (e) {
    throw new ModelciError('MODEL', `inference failed: ${firstLine(e)}`, {
      file: model.file,
      hint: 'Check that the data columns match what the model was trained on',
    });
  }
  const ms = performance.now() - t0;
  if (outputs.kind === 'regression') {
    const t = result[outputs.value]!;
    if (t.size !== n)
      throw new ModelciError(
        'MODEL',
        `output "${outputs.value}" has ${t.size} values for ${n} rows`,
        {
          file: model.file,
          hint: 'A regression model must return one value per row',
        },
      );
    return { value: Float64Array.from(t.data as Float32Array), ms };
  }
  const pred: BatchPrediction = { ms };
  if (outputs.label) {
    const t = result[outputs.label]!;
    const d = t.data as BigInt64Array | Int32Array | string[];
    if (Array.isArray(d)) pred.labels = d;
    else {
      // one typed copy: a JS array of a million numbers costs ~10x more to build and to keep
      const labels = new Float64Array(d.length);
      for (let i = 0; i < d.length; i++) labels[i] = Number(d[i]);
      pred.labels = labels;
    }
  }
  if (outputs.proba) {
    const t = result[outputs.proba]!;
    const k = outputs.positiveOnly ? 1 : t.dims.length === 2 ? Number(t.dims[1]) : 1;
    const data = Float64Array.from(t.data as Float32Array | Float64Array);
    const problem = clipProbabilities(data, k);
    if (problem) throw probabilityError(model, outputs.proba, outputs.positiveOnly, problem, rows);
    if (outputs.positiveOnly) {
      const proba = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        proba[2 * i] = 1 - data[i]!;
        proba[2 * i + 1] = data[i]!;
      }
      pred.proba = proba;
      pred.k = 2;
    } else {
      pred.k = k;
      pred.proba = data;
    }
  }
  return pred;
}

/** Where a batch's rows are in the data, for errors about one row's prediction. */
export interface BatchRows {
  data: string;
  /** The data file's row number of the batch's i-th row. */
  line(i: number): number;
}

function probabilityError(
  model: OnnxModel,
  output: string,
  positiveOnly: boolean,
  problem: ProbabilityProblem,
  rows: BatchRows | undefined,
): ModelciError {
  const where = rows
    ? { file: rows.data, row: rows.line(problem.row) }
    : { file: model.file, row: problem.row + 1 };
  const of = rows ? ` of ${model.file}` : '';
  const within = `within ${PROBABILITY_TOLERANCE}, the float32 tolerance`;
  if (problem.kind === 'sum')
    return new ModelciError(
      'MODEL',
      `model output "${output}"${of} gives probabilities that sum to ${problem.sum}, not 1 (${within})`,
      {
        ...where,
        hint: 'Export normalised class probabilities (softmax, or skl2onnx with its Normalizer), not one-vs-rest scores',
      },
    );
  const column = positiveOnly ? 1 : problem.column;
  const cls = model.classes?.[column] ?? column;
  return new ModelciError(
    'MODEL',
    `model output "${output}"${of} gives ${problem.value} for class ${JSON.stringify(cls)}, which is not a probability in [0, 1] (${within})`,
    {
      ...where,
      hint: positiveOnly
        ? 'End the graph with a Sigmoid (export probabilities, not logits)'
        : 'Export probabilities (softmax or sigmoid applied), not logits or decision scores',
    },
  );
}
