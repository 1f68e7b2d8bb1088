import type { GatePolicy } from '../config/schema/gates.js';
import { ModelciError } from '../core/errors.js';
import { evaluatePredictions } from '../core/evaluation/evaluate.js';
import type {
  ClassifierPredictions,
  EvaluationInput,
  Predictions,
} from '../core/evaluation/types.js';
import {
  EVALUATION_REPORT_SCHEMA,
  type EvaluationReport,
  type Fingerprint,
  type Task,
} from '../core/report/evaluation-report.js';
import { openCsv } from '../data/csv.js';
import { fingerprintFile } from '../data/fingerprint.js';
import { planInputs, planOutputs, type InputPlan, type OutputPlan } from '../onnx/bindings.js';
import { loadOnnxModel, predictBatch, type OnnxModel } from '../onnx/model.js';
import { datatypeOfOnnxType, type RequestInput } from '../core/serve/protocol.js';
import { Growable, GrowableValues } from './growable.js';

/** Everything `modelci evaluate` and the evaluate action need; both build this and call runEvaluate. */
export interface EvaluateOptions {
  model: string;
  data: string;
  label: string;
  task?: Task;
  /** Baseline model file (e.g. the registry's production version, resolved by the caller). */
  baseline?: string;
  /** Where the baseline came from, for the report: `file`, `registry:production@1.2.0`... */
  baselineSource?: string;
  baselineVersion?: string;
  modelName?: string;
  /** Feature columns in model order (default: every column but the label). */
  features?: string[];
  /** Columns to compute per-value metrics for. */
  slices?: string[];
  /** Drop rows with missing/invalid values (counted in the report) instead of failing. */
  dropInvalid?: boolean;
  batchSize?: number;
  bootstrap?: { resamples?: number; seed?: number; confidence?: number };
  gates?: GatePolicy;
  directions?: Record<string, 'higher' | 'lower'>;
  tolerance?: number;
  relativeTolerance?: number;
  params?: Record<string, unknown>;
  trainingData?: Fingerprint;
  /**
   * Record the candidate's answers to the first rows as deploy smoke samples (modelci/smoke-samples@1,
   * one inference request and its outputs per line), so a deployment can check it serves the same.
   */
  smokeSamples?: { file: string; count?: number };
}

export interface EvaluateResult {
  report: EvaluationReport;
  /** The smoke samples file written, and how many samples it holds. */
  smokeSamples?: { file: string; count: number };
  /** Things a user should know that do not stop the evaluation (unpredicted classes, dropped rows). */
  warnings: string[];
}

interface Side {
  model: OnnxModel;
  inputs: InputPlan[];
  outputs: OutputPlan;
  labels: GrowableValues;
  proba: Growable;
  value: Growable;
  k: number;
  latency: number[];
}

const DEFAULT_SMOKE_SAMPLES = 10;

/** One single-row inference request per row (the first `count`), as a client of serve sends it. */
function smokeRequestsOf(
  model: OnnxModel,
  plans: InputPlan[],
  cols: { length: number; numeric: Map<string, Float64Array>; strings: Map<string, string[]> },
  count: number,
): RequestInput[][] {
  const datatypes = plans.map((p) => {
    if (p.kind === 'string') return 'BYTES';
    const type = model.runSignature.inputs.find((i) => i.name === p.input)?.type ?? 'float';
    return datatypeOfOnnxType(type) ?? 'FP32';
  });
  const out: RequestInput[][] = [];
  for (let r = 0; r < Math.min(count, cols.length); r++)
    out.push(
      plans.map((p, k) => ({
        name: p.input,
        shape: p.rank1 ? [1] : [1, p.columns.length],
        datatype: datatypes[k]!,
        data: p.columns.map((c) =>
          p.kind === 'string' ? cols.strings.get(c)![r]! : cols.numeric.get(c)![r]!,
        ),
      })),
    );
  return out;
}

export async function runEvaluate(opts: EvaluateOptions): Promise<EvaluateResult> {
  const warnings: string[] = [];
  const candidate = await loadOnnxModel(opts.model);
  const baseline = opts.baseline ? await loadOnnxModel(opts.baseline) : undefined;
  const task = opts.task ?? inferTask(candidate);
  const source = await openCsv(opts.data);
  const dataFingerprint = fingerprintFile(opts.data);
  dataFingerprint.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
  if (!source.columns.includes(opts.label))
    throw new ModelciError('DATA', `no label column "${opts.label}"`, {
      file: opts.data,
      hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}; pass the right one with --label`,
    });
  for (const s of opts.slices ?? [])
    if (!source.columns.includes(s))
      throw new ModelciError('DATA', `no slice column "${s}"`, {
        file: opts.data,
        hint: 'Fix evaluate.slices in modelci.yaml',
      });
  const ctx = {
    data: opts.data,
    label: opts.label,
    ...(opts.features ? { features: opts.features } : {}),
  };
  const side = (model: OnnxModel): Side => ({
    model,
    inputs: planInputs(model.runSignature, source.columns, { ...ctx, model: model.file }),
    outputs: planOutputs(model.runSignature, task, model.file),
    labels: new GrowableValues(),
    proba: new Growable(),
    value: new Growable(),
    k: 0,
    latency: [],
  });
  const sides = [side(candidate), ...(baseline ? [side(baseline)] : [])];

  // Columns to read: numbers for numeric inputs (and numeric labels), text for the rest.
  const stringLabels =
    task !== 'regression' && (candidate.classes ?? []).some((c) => typeof c === 'string');
  const numeric = new Set<string>();
  const strings = new Set<string>(opts.slices ?? []);
  for (const s of sides)
    for (const p of s.inputs)
      for (const c of p.columns) (p.kind === 'string' ? strings : numeric).add(c);
  (stringLabels ? strings : numeric).add(opts.label);
  const numericCols = [...numeric];
  const stringCols = [...strings];
  const featureCols = numericCols.filter((c) => c !== opts.label);

  const yNum = new Growable();
  const yStr: string[] = [];
  const sliceValues: Record<string, string[]> = Object.fromEntries(
    (opts.slices ?? []).map((s) => [s, []]),
  );
  let dropped = 0;
  let rows = 0;
  const smokeCount = opts.smokeSamples ? (opts.smokeSamples.count ?? DEFAULT_SMOKE_SAMPLES) : 0;
  const smokeRequests: RequestInput[][] = [];
  for await (const batch of source.scan({
    numeric: numericCols,
    strings: stringCols,
    batchSize: opts.batchSize ?? 16384,
    onInvalidNumber: opts.dropInvalid ? 'nan' : 'error',
  })) {
    const num = new Map(numericCols.map((c, i) => [c, batch.numeric[i]!]));
    const str = new Map(stringCols.map((c, i) => [c, batch.strings[i]!]));
    // Rows with a missing value in a used column: an error naming row and column, or dropped.
    // Column by column over the typed arrays (NaN !== NaN): the hot loop of a large evaluation.
    const badCol = new Int32Array(batch.length).fill(-1);
    let anyBad = false;
    const checked = stringLabels ? featureCols : [...featureCols, opts.label];
    for (let c = 0; c < checked.length; c++) {
      const a = num.get(checked[c]!)!;
      for (let r = 0; r < batch.length; r++)
        if (a[r] !== a[r] && badCol[r]! < 0) {
          badCol[r] = c;
          anyBad = true;
        }
    }
    if (stringLabels) {
      const labels = str.get(opts.label)!;
      for (let r = 0; r < batch.length; r++)
        if (badCol[r]! < 0 && labels[r]!.trim() === '') {
          badCol[r] = checked.length;
          anyBad = true;
        }
    }
    const keep: number[] = [];
    if (anyBad) {
      for (let r = 0; r < batch.length; r++) {
        const c = badCol[r]!;
        if (c < 0) keep.push(r);
        else if (opts.dropInvalid) dropped++;
        else
          throw new ModelciError('DATA', 'missing or invalid value', {
            file: opts.data,
            row: batch.lines[r]!,
            column: c < checked.length ? checked[c]! : opts.label,
            hint: 'Fill it in, or pass --drop-invalid (action input drop-invalid) to drop such rows and count them',
          });
      }
    }
    const n = anyBad ? keep.length : batch.length;
    if (n === 0) continue;
    const all = !anyBad;
    const pick = (a: Float64Array): Float64Array =>
      all ? a : Float64Array.from(keep, (r) => a[r]!);
    const pickS = (a: string[]): string[] => (all ? a : keep.map((r) => a[r]!));
    const cols = {
      length: n,
      numeric: new Map([...num].map(([c, a]) => [c, pick(a)])),
      strings: new Map([...str].map(([c, a]) => [c, pickS(a)])),
    };
    if (stringLabels) yStr.push(...cols.strings.get(opts.label)!);
    else yNum.push(cols.numeric.get(opts.label)!);
    for (const s of opts.slices ?? []) sliceValues[s]!.push(...cols.strings.get(s)!);
    if (smokeRequests.length < smokeCount)
      smokeRequests.push(
        ...smokeRequestsOf(candidate, sides[0]!.inputs, cols, smokeCount - smokeRequests.length),
      );
    for (const s of sides) {
      const p = await predictBatch(s.model, s.inputs, s.outputs, cols);
      s.latency.push(p.ms / n);
      if (p.value) s.value.push(p.value);
      if (p.labels) s.labels.push(p.labels);
      if (p.proba) {
        if (s.k && p.k !== s.k)
          throw new ModelciError('MODEL', 'the probability output changed width between batches', {
            file: s.model.file,
          });
        s.k = p.k!;
        s.proba.push(p.proba);
      }
    }
    rows += n;
  }
  if (rows === 0)
    throw new ModelciError(
      'DATA',
      dropped
        ? `no rows left after dropping ${dropped} with missing values`
        : 'the data has no rows',
      { file: opts.data, hint: 'Evaluate on a holdout set with at least one complete row' },
    );
  if (dropped)
    warnings.push(`dropped ${dropped} of ${rows + dropped} rows with missing or invalid values`);

  const input: EvaluationInput = {
    task,
    yTrue: new Float64Array(0),
    candidate: undefined as unknown as Predictions,
    bootstrap: {
      resamples: opts.bootstrap?.resamples ?? 1000,
      seed: opts.bootstrap?.seed ?? 42,
      confidence: opts.bootstrap?.confidence ?? 0.95,
    },
    latencyMs: {
      candidate: sides[0]!.latency,
      ...(sides[1] ? { baseline: sides[1].latency } : {}),
    },
    modelBytes: { candidate: candidate.bytes, ...(baseline ? { baseline: baseline.bytes } : {}) },
    signatures: {
      candidate: candidate.info.signature,
      ...(baseline ? { baseline: baseline.info.signature } : {}),
    },
    ...(opts.gates ? { gates: opts.gates } : {}),
    ...(opts.directions ? { directions: opts.directions } : {}),
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
    ...(opts.relativeTolerance !== undefined ? { relativeTolerance: opts.relativeTolerance } : {}),
    ...(opts.slices?.length ? { slices: sliceValues } : {}),
  };
  if (task === 'regression') {
    input.yTrue = yNum.view();
    input.candidate = { kind: 'regression', value: sides[0]!.value.view() };
    if (sides[1]) input.baseline = { kind: 'regression', value: sides[1].value.view() };
  } else {
    const yRaw: (number | string)[] = stringLabels ? yStr : Array.from(yNum.view());
    const classes = resolveClasses(sides[0]!, yRaw, task, opts);
    const index = classIndex(classes);
    const yTrue = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = index(yRaw[i]!);
      if (c === undefined)
        throw new ModelciError(
          'DATA',
          `label ${JSON.stringify(yRaw[i])} is not a class the model knows (classes: ${classes.join(', ')})`,
          {
            file: opts.data,
            column: opts.label,
            hint: 'Evaluate on data with the classes the model was trained on, or check --label',
          },
        );
      yTrue[i] = c;
    }
    input.yTrue = yTrue;
    input.classes = classes;
    const cand = classifierPredictions(sides[0]!, classes, rows);
    input.candidate = cand;
    if (sides[1]) {
      const bClasses = resolveClasses(sides[1], yRaw, task, opts);
      if (bClasses.length !== classes.length || bClasses.some((c) => index(c) === undefined))
        throw new ModelciError(
          'MODEL',
          `the baseline's classes (${bClasses.join(', ')}) differ from the candidate's (${classes.join(', ')})`,
          { file: sides[1].model.file, hint: 'Compare models trained for the same classes' },
        );
      input.baseline = classifierPredictions(sides[1], classes, rows, bClasses);
    }
    const predicted = new Set(cand.label);
    const never = classes.filter((_, c) => !predicted.has(c));
    if (never.length)
      warnings.push(
        `the candidate never predicts class ${never.map((c) => JSON.stringify(c)).join(', ')} on this data: per-class precision for it is 0 by convention (as scikit-learn's zero_division=0)`,
      );
    const present = new Set(yTrue);
    const absent = classes.filter((_, c) => !present.has(c));
    if (absent.length)
      warnings.push(
        `class ${absent.map((c) => JSON.stringify(c)).join(', ')} has no rows in the data: its recall is undefined and counts as 0 in macro averages`,
      );
  }

  const result = evaluatePredictions(input);
  const dataset = await dataFingerprint;
  const report: EvaluationReport = {
    schema: EVALUATION_REPORT_SCHEMA,
    model_name: opts.modelName ?? 'model',
    task,
    candidate: {
      model: { path: opts.model, sha256: candidate.sha256, bytes: candidate.bytes },
      signature: candidate.info.signature,
      ...(opts.params ? { params: opts.params } : {}),
    },
    ...(baseline
      ? {
          baseline: {
            model: { path: opts.baseline!, sha256: baseline.sha256, bytes: baseline.bytes },
            signature: baseline.info.signature,
            source: opts.baselineSource ?? 'file',
            ...(opts.baselineVersion ? { version: opts.baselineVersion } : {}),
          },
        }
      : {}),
    dataset: {
      ...dataset,
      rows,
      label: opts.label,
      dropped_rows: dropped,
      ...(opts.trainingData ? { training_data: opts.trainingData } : {}),
    },
    ...result,
    bootstrap: input.bootstrap,
  };
  if (!opts.smokeSamples) return { report, warnings };
  // Recorded by serve's own model loader, so the outputs are exactly what the server answers.
  const { recordSmokeSamples } = await import('./smoke-samples.js');
  const count = await recordSmokeSamples(opts.model, smokeRequests, opts.smokeSamples.file);
  return { report, warnings, smokeSamples: { file: opts.smokeSamples.file, count } };
}

/** Without --task: classifier operators or class labels mean classification, else regression. */
export function inferTask(model: OnnxModel): Task {
  const ops = model.info.operators;
  const classifier =
    model.classes !== undefined ||
    ops.some((o) => /Classifier|ZipMap|Softmax|Sigmoid|ArgMax/.test(o)) ||
    model.runSignature.outputs.some((o) => /prob|label/i.test(o.name));
  if (!classifier) return 'regression';
  const k = model.classes?.length ?? probaWidth(model);
  return k !== undefined && k > 2 ? 'multiclass' : 'binary';
}

function probaWidth(model: OnnxModel): number | undefined {
  for (const o of model.runSignature.outputs) {
    if ((o.type === 'float' || o.type === 'double') && o.shape.length === 2) {
      const w = o.shape[1];
      if (typeof w === 'number') return w === 1 ? 2 : w;
    }
  }
  return undefined;
}

/** Class labels in probability-column order: the graph's, else 0..k-1, else the values seen. */
function resolveClasses(
  side: Side,
  yRaw: (number | string)[],
  task: Task,
  opts: EvaluateOptions,
): (number | string)[] {
  if (side.model.classes) return side.model.classes;
  if (side.k) {
    if (task === 'binary' && side.k !== 2)
      throw new ModelciError(
        'MODEL',
        `--task binary but the model gives ${side.k} probabilities per row`,
        {
          file: side.model.file,
          hint: 'Use --task multiclass',
        },
      );
    return Array.from({ length: side.k }, (_, i) => i);
  }
  const seen = new Set<number | string>(yRaw);
  for (const v of side.labels.values()) seen.add(v);
  const all = [...seen];
  if (opts.task === 'binary' && all.length > 2)
    throw new ModelciError('DATA', `--task binary but the labels have ${all.length} values`, {
      file: opts.data,
      column: opts.label,
    });
  return all.every((v) => typeof v === 'number')
    ? (all as number[]).sort((a, b) => a - b)
    : all.map(String).sort();
}

function classIndex(classes: (number | string)[]): (v: number | string) => number | undefined {
  const map = new Map<string, number>();
  classes.forEach((c, i) => map.set(String(c), i));
  return (v) => map.get(String(v));
}

function classifierPredictions(
  side: Side,
  classes: (number | string)[],
  rows: number,
  ownClasses: (number | string)[] = classes,
): ClassifierPredictions {
  const index = classIndex(classes);
  const k = classes.length;
  const label = new Int32Array(rows);
  let proba: Float64Array | undefined;
  if (side.k) {
    if (side.k !== ownClasses.length)
      throw new ModelciError(
        'MODEL',
        `the model gives ${side.k} probabilities per row but declares ${ownClasses.length} classes`,
        { file: side.model.file },
      );
    const src = side.proba.view();
    const cols = ownClasses.map((c) => index(c)!);
    proba = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < k; j++) proba[i * k + cols[j]!] = src[i * k + j]!;
  }
  const raw = side.labels.values();
  for (let i = 0; i < rows; i++) {
    if (raw.length) {
      const c = index(raw[i]!);
      if (c === undefined)
        throw new ModelciError(
          'MODEL',
          `the model predicted ${JSON.stringify(raw[i])}, which is not one of its classes`,
          {
            file: side.model.file,
          },
        );
      label[i] = c;
    } else {
      let best = 0;
      for (let j = 1; j < k; j++) if (proba![i * k + j]! > proba![i * k + best]!) best = j;
      label[i] = best;
    }
  }
  return { kind: 'classification', classes, label, ...(proba ? { proba } : {}) };
}
