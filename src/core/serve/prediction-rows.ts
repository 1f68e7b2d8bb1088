import type { DecodedInput, ResponseOutput } from './protocol.js';

/**
 * The prediction log row format (JSONL, one object per predicted row), read by the drift check
 * like any JSONL table. Flat objects with scalar cells:
 *   `_ts`, `_model`, `_version`, `_id` (request id or null), `_row` (row index in the request):
 *       metadata; every metadata and output key starts with `_`, so feature columns never clash.
 *   feature columns: for a single input of shape [batch, F] with F known feature names, one key per
 *       name; otherwise `<input>` when an input has one value per row, `<input>.<j>` per position.
 *   `_out.<output>` / `_out.<output>.<j>`: the outputs, with the same rule.
 */
export const PREDICTION_LOG_FORMAT = 'modelci/prediction-log@1';

export type LogCell = string | number | boolean | null;

export interface PredictionRowsInput {
  ts: string;
  model: string;
  version: string;
  id: string | undefined;
  inputs: DecodedInput[];
  outputs: ResponseOutput[];
  /** Feature names for a single wide input, e.g. the training data's columns. */
  features?: string[];
}

interface Tensorish {
  name: string;
  shape: number[];
  values: readonly LogCell[];
}

function rowCount(tensors: Tensorish[]): number {
  const first = tensors[0];
  if (!first || first.shape.length === 0) return 1;
  return first.shape[0]!;
}

function putRow(
  row: Record<string, LogCell>,
  t: Tensorish,
  r: number,
  prefix: string,
  names?: string[],
): void {
  if (t.shape.length === 0) {
    row[`${prefix}${t.name}`] = t.values[0] ?? null;
    return;
  }
  const width = t.shape.slice(1).reduce((a, b) => a * b, 1);
  if (t.shape.length === 1) {
    row[`${prefix}${t.name}`] = t.values[r] ?? null;
    return;
  }
  for (let j = 0; j < width; j++) {
    const key = names ? names[j]! : `${prefix}${t.name}.${j}`;
    row[key] = t.values[r * width + j] ?? null;
  }
}

/** Splits one request into log rows along the first (batch) dimension. */
export function predictionRows(p: PredictionRowsInput): Record<string, LogCell>[] {
  const inputs: Tensorish[] = p.inputs.map((i) => ({
    name: i.name,
    shape: i.shape,
    values: i.values,
  }));
  const outputs: Tensorish[] = p.outputs.map((o) => ({
    name: o.name,
    shape: o.shape,
    values: o.data,
  }));
  const only = inputs.length === 1 ? inputs[0]! : undefined;
  const named =
    only && p.features && only.shape.length === 2 && only.shape[1] === p.features.length
      ? p.features
      : undefined;
  const rows: Record<string, LogCell>[] = [];
  const n = rowCount(inputs);
  for (let r = 0; r < n; r++) {
    const row: Record<string, LogCell> = {
      _ts: p.ts,
      _model: p.model,
      _version: p.version,
      _id: p.id ?? null,
      _row: r,
    };
    for (const t of inputs) putRow(row, t, r, '', t === only ? named : undefined);
    for (const t of outputs) putRow(row, t, r, '_out.');
    rows.push(row);
  }
  return rows;
}
