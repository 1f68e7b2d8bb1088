/**
 * The prediction scan of an evaluation: reads the used columns batch by batch, checks them for
 * missing values, runs every model on each batch and collects labels, predictions, slice values,
 * latencies and the candidate's smoke requests. Memory: the batch plus the collected outputs.
 */
import { ModelciError } from '../core/errors.js';
import type { Task } from '../core/report/evaluation-report.js';
import { datatypeOfOnnxType, type RequestInput } from '../core/serve/protocol.js';
import type { CsvSource } from '../data/csv.js';
import { planInputs, planOutputs, type InputPlan, type OutputPlan } from '../onnx/bindings.js';
import { predictBatch, type OnnxModel } from '../onnx/model.js';
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
  /** Milliseconds per row, one entry per batch. */
  latency: number[];
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
  /** Smoke requests to record from the first rows (0: none). */
  smokeCount: number;
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
  smokeRequests: RequestInput[][];
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
    latency: [],
  }));
}

export async function scanPredictions(
  source: CsvSource,
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

  const yNum = new Growable();
  const yStr: string[] = [];
  const sliceValues: Record<string, string[]> = Object.fromEntries(
    (req.slices ?? []).map((s) => [s, []]),
  );
  let dropped = 0;
  let rows = 0;
  const smokeRequests: RequestInput[][] = [];
  for await (const batch of source.scan({
    numeric: numericCols,
    strings: stringCols,
    batchSize: req.batchSize ?? 16384,
    onInvalidNumber: req.dropInvalid ? 'nan' : 'error',
  })) {
    const num = new Map(numericCols.map((c, i) => [c, batch.numeric[i]!]));
    const str = new Map(stringCols.map((c, i) => [c, batch.strings[i]!]));
    // Rows with a missing value in a used column: an error naming row and column, or dropped.
    // Column by column over the typed arrays (NaN !== NaN): the hot loop of a large evaluation.
    const badCol = new Int32Array(batch.length).fill(-1);
    let anyBad = false;
    const checked = stringLabels ? featureCols : [...featureCols, req.label];
    for (let c = 0; c < checked.length; c++) {
      const a = num.get(checked[c]!)!;
      for (let r = 0; r < batch.length; r++)
        if (a[r] !== a[r] && badCol[r]! < 0) {
          badCol[r] = c;
          anyBad = true;
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
        else
          throw new ModelciError('DATA', 'missing or invalid value', {
            file: req.data,
            row: batch.lines[r]!,
            column: c < checked.length ? checked[c]! : req.label,
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
    if (stringLabels) yStr.push(...cols.strings.get(req.label)!);
    else yNum.push(cols.numeric.get(req.label)!);
    for (const s of req.slices ?? []) sliceValues[s]!.push(...cols.strings.get(s)!);
    if (smokeRequests.length < req.smokeCount)
      smokeRequests.push(
        ...smokeRequestsOf(
          candidate.model,
          candidate.inputs,
          cols,
          req.smokeCount - smokeRequests.length,
        ),
      );
    for (const s of sides) await predictInto(s, cols, n);
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
    smokeRequests,
  };
}

/** Runs one model on one batch and appends what it answers. */
async function predictInto(
  s: ScanSide,
  cols: Parameters<typeof predictBatch>[3],
  n: number,
): Promise<void> {
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
