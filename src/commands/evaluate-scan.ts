/**
 * The prediction scan of an evaluation: reads the used columns batch by batch, checks them for
 * values no model can take, runs every model on each batch and collects labels, predictions,
 * slice values and each model's first rows as single-row requests (smoke samples, latency).
 * Memory: the batch plus the collected outputs.
 */
import { ModelciError } from '../core/errors.js';
import type { Task } from '../core/report/evaluation-report.js';
import { datatypeOfOnnxType, type RequestInput } from '../core/serve/protocol.js';
import { scanTable } from '../data/scan.js';
import type { TableSource } from '../data/table.js';
import {
  featureValueProblem,
  FLOAT32_LIMIT,
  planInputs,
  planOutputs,
  type InputKind,
  type InputPlan,
  type OutputPlan,
} from '../onnx/bindings.js';
import { predictBatch, type BatchRows, type OnnxModel } from '../onnx/model.js';
import { Growable, GrowableValues } from './growable.js';

/** One model's plans and everything the scan collects from it. */
export interface ScanSide {
  model: OnnxModel;
  inputs: InputPlan[];
  outputs: OutputPlan;
  labels: GrowableValues;
  proba: Growable;
  value: Growable;
  /** Probabilities per row (0 until a batch gives some). */
  k: number;
  /** The first rows as single-row inference requests to this model (smoke samples, latency). */
  requests: RequestInput[][];
}

export interface ScanRequest {
  data: string;
  label: string;
  task: Task;
  /** Feature columns in model order (default: every column but the label). */
  features?: string[];
  slices?: string[];
  dropInvalid?: boolean;
  batchSize?: number;
  /** Single-row requests to build from the first rows, per model (0: none). */
  requestCount: number;
}

export interface PredictionScan {
  sides: ScanSide[];
  rows: number;
  dropped: number;
  /** True labels as text (string class labels), else as numbers in `yNum`. */
  stringLabels: boolean;
  yNum: Float64Array;
  yStr: string[];
  sliceValues: Record<string, string[]>;
}

/** Plans the models' inputs and outputs against the file's columns (errors name the missing ones). */
export function planSides(
  models: OnnxModel[],
  columns: string[],
  req: Pick<ScanRequest, 'data' | 'label' | 'features' | 'task'>,
): ScanSide[] {
  const ctx = {
    data: req.data,
    label: req.label,
    ...(req.features ? { features: req.features } : {}),
  };
  return models.map((model) => ({
    model,
    inputs: planInputs(model.runSignature, columns, { ...ctx, model: model.file }),
    outputs: planOutputs(model.runSignature, req.task, model.file),
    labels: new GrowableValues(),
    proba: new Growable(),
    value: new Growable(),
    k: 0,
    requests: [],
  }));
}

export async function scanPredictions(
  source: TableSource,
  sides: ScanSide[],
  req: ScanRequest,
): Promise<PredictionScan> {
  const candidate = sides[0]!;
  // Columns to read: numbers for numeric inputs (and numeric labels), text for the rest.
  const stringLabels =
    req.task !== 'regression' && (candidate.model.classes ?? []).some((c) => typeof c === 'string');
  const numeric = new Set<string>();
  const strings = new Set<string>(req.slices ?? []);
  for (const s of sides)
    for (const p of s.inputs)
      for (const c of p.columns) (p.kind === 'string' ? strings : numeric).add(c);
  (stringLabels ? strings : numeric).add(req.label);
  const numericCols = [...numeric];
  const stringCols = [...strings];
  const featureCols = numericCols.filter((c) => c !== req.label);
  // What each numeric column feeds: a float32 input cannot take 1e39, an int64 one not 2.5.
  const kinds = new Map<string, InputKind[]>();
  for (const s of sides)
    for (const p of s.inputs)
      if (p.kind !== 'string')
        for (const c of p.columns) kinds.set(c, [...(kinds.get(c) ?? []), p.kind]);

  const yNum = new Growable();
  const yStr: string[] = [];
  const sliceValues: Record<string, string[]> = Object.fromEntries(
    (req.slices ?? []).map((s) => [s, []]),
  );
  let dropped = 0;
  let rows = 0;
  for await (const batch of scanTable(source, {
    numeric: numericCols,
    strings: stringCols,
    batchSize: req.batchSize ?? 16384,
    onInvalidNumber: req.dropInvalid ? 'nan' : 'error',
  })) {
    const num = new Map(numericCols.map((c, i) => [c, batch.numeric[i]!]));
    const str = new Map(stringCols.map((c, i) => [c, batch.strings[i]!]));
    // Rows with a value a model cannot take in a used column (missing, ±Infinity, a float32
    // overflow, a fraction for an integer input): an error naming row and column, or dropped.
    // Column by column over the typed arrays, one comparison per value (NaN fails it): the hot
    // loop of a large evaluation.
    const badCol = new Int32Array(batch.length).fill(-1);
    let anyBad = false;
    const checked = stringLabels ? featureCols : [...featureCols, req.label];
    for (let c = 0; c < checked.length; c++) {
      const a = num.get(checked[c]!)!;
      const fed = kinds.get(checked[c]!) ?? [];
      const limit = fed.includes('float') ? FLOAT32_LIMIT : Number.MAX_VALUE;
      const whole = fed.includes('int64') || fed.includes('int32');
      for (let r = 0; r < batch.length; r++) {
        const v = a[r]!;
        if ((!(Math.abs(v) <= limit) || (whole && !Number.isSafeInteger(v))) && badCol[r]! < 0) {
          badCol[r] = c;
          anyBad = true;
        }
      }
    }
    if (stringLabels) {
      const labels = str.get(req.label)!;
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
        else if (req.dropInvalid) dropped++;
        else {
          const column = c < checked.length ? checked[c]! : req.label;
          const v = c < checked.length ? num.get(column)![r]! : NaN;
          const problem = (kinds.get(column) ?? ['double'])
            .map((k) => featureValueProblem(v, k))
            .find((x) => x !== undefined);
          throw new ModelciError('DATA', problem ?? 'missing or invalid value', {
            file: req.data,
            row: batch.lines[r]!,
            column,
            hint: 'Fix the value or leave the cell empty, and pass --drop-invalid (action input drop-invalid) to drop such rows and count them',
          });
        }
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
    if (stringLabels) yStr.push(...cols.strings.get(req.label)!);
    else yNum.push(cols.numeric.get(req.label)!);
    for (const s of req.slices ?? []) sliceValues[s]!.push(...cols.strings.get(s)!);
    for (const s of sides)
      if (s.requests.length < req.requestCount)
        s.requests.push(...rowRequests(s, cols, req.requestCount - s.requests.length));
    const where: BatchRows = {
      data: req.data,
      line: (i) => batch.lines[all ? i : keep[i]!]!,
    };
    for (const s of sides) await predictInto(s, cols, where);
    rows += n;
  }
  return {
    sides,
    rows,
    dropped,
    stringLabels,
    yNum: yNum.view(),
    yStr,
    sliceValues,
  };
}

/** Runs one model on one batch and appends what it answers. */
async function predictInto(
  s: ScanSide,
  cols: Parameters<typeof predictBatch>[3],
  where: BatchRows,
): Promise<void> {
  const p = await predictBatch(s.model, s.inputs, s.outputs, cols, where);
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

/** One single-row inference request per row (the first `count`), as a client of serve sends it. */
function rowRequests(
  { model, inputs: plans }: ScanSide,
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
