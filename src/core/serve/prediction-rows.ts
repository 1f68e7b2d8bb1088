import { isEncodedNonFinite, type DecodedInput, type ResponseOutput } from './protocol.js';

/**
 * The prediction log row format (JSONL, one object per predicted row), read by the drift check
 * like any JSONL table. Flat objects with scalar cells:
 *   `_ts`, `_model`, `_version`, `_role` (the arm: stable or canary answered, shadow ran beside
 *       them on the same request), `_req` (the server's key of the request, shared by its rows
 *       and by the shadow's rows of the same request), `_row` (row index in the request), and on
 *       row 0 only `_id` (the client's request id or null, written once per request), `_ms` (the
 *       server's milliseconds for the request: the answer, or the shadow's run) and, for stable and
 *       canary, `_weight` (the canary share in effect when the request was routed); every metadata
 *       and output key starts with `_`, so feature columns never clash.
 *   feature columns: for a single input of shape [batch, F] with F known feature names, one key per
 *       name; otherwise `<input>` when an input has one value per row, `<input>.<j>` per position.
 *   `_out.<output>` / `_out.<output>.<j>`: the outputs, with the same rule.
 */
export const PREDICTION_LOG_FORMAT = 'modelci/prediction-log@3';

/** The arms a request can run on: one answers (stable or canary), a shadow runs beside it. */
export type Role = 'stable' | 'canary' | 'shadow';

/** Metadata columns of a prediction log row: never features, never tested for drift. */
export const PREDICTION_LOG_META: readonly string[] = [
  '_ts',
  '_model',
  '_version',
  '_role',
  '_req',
  '_id',
  '_row',
  '_ms',
  '_weight',
];

export type LogCell = string | number | boolean | null;

export interface PredictionRowsInput {
  ts: string;
  model: string;
  version: string;
  /** The arm: stable or canary (answered), shadow (ran beside). */
  role: Role;
  /** The server's key of this request (unique in the log), shared by its rows. */
  request: string;
  id: string | undefined;
  /** Server milliseconds for the request (answer or shadow run). */
  ms?: number;
  /** Canary share in effect when the request was routed (stable and canary rows). */
  weight?: number;
  inputs: DecodedInput[];
  outputs: ResponseOutput[];
  /** Feature names for a single wide input, e.g. the training data's columns. */
  features?: string[];
}

interface Tensorish {
  name: string;
  shape: number[];
  values: ArrayLike<LogCell>;
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

/** What only row 0 of a request carries: the id, the time, the weight. */
function rowZero(p: PredictionRowsInput): Record<string, LogCell> {
  const out: Record<string, LogCell> = { _id: p.id ?? null };
  if (p.ms !== undefined) out._ms = Math.round(p.ms * 1000) / 1000;
  if (p.weight !== undefined) out._weight = p.weight;
  return out;
}

/** Splits one request into log rows along the first (batch) dimension. */
export function predictionRows(p: PredictionRowsInput): Record<string, LogCell>[] {
  const inputs: Tensorish[] = p.inputs.map((i) => ({
    name: i.name,
    shape: i.shape,
    values: i.values,
  }));
  // A non-finite FP output travels as "NaN"/"Infinity" in the response; in the log it is a
  // missing value, so the column stays numeric for the drift check.
  const outputs: Tensorish[] = p.outputs.map((o) => ({
    name: o.name,
    shape: o.shape,
    values:
      o.datatype === 'FP32' || o.datatype === 'FP64'
        ? o.data.map((v) => (isEncodedNonFinite(v) ? null : v))
        : o.data,
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
      _role: p.role,
      _req: p.request,
      _row: r,
      ...(r === 0 ? rowZero(p) : {}),
    };
    for (const t of inputs) putRow(row, t, r, '', t === only ? named : undefined);
    for (const t of outputs) putRow(row, t, r, '_out.');
    rows.push(row);
  }
  return rows;
}

/** One request as recovered from its log rows (the rows of a `_req`, in order). */
export interface LoggedRequest {
  request: string;
  id: string | null;
  model: string;
  version: string;
  role: string;
  /** `_ms` and `_weight` of row 0, when written. */
  ms: number | null;
  weight: number | null;
  rows: Record<string, LogCell>[];
}

/**
 * Groups prediction log rows back into requests (by `_req` and `_role`: a shadow's rows share the
 * request key of the answer they ran beside), with row 0's id, time and weight: what an analysis
 * per arm or a join of labels by request id starts from.
 */
export function loggedRequests(rows: Iterable<Record<string, LogCell>>): LoggedRequest[] {
  const byKey = new Map<string, LoggedRequest>();
  for (const row of rows) {
    const key = `${String(row._req)}\u0000${String(row._role)}`;
    let req = byKey.get(key);
    if (!req) {
      req = {
        request: String(row._req),
        id: null,
        model: String(row._model),
        version: String(row._version),
        role: String(row._role),
        ms: null,
        weight: null,
        rows: [],
      };
      byKey.set(key, req);
    }
    if (row._row === 0) {
      if (typeof row._id === 'string') req.id = row._id;
      if (typeof row._ms === 'number') req.ms = row._ms;
      if (typeof row._weight === 'number') req.weight = row._weight;
    }
    req.rows.push(row);
  }
  return [...byKey.values()];
}
