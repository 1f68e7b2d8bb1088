import { isRunId, RUN_SCHEMA } from './record.js';

// What a stored run must hold to be read: checked on every listing, so a ref that is not a run
// record is reported (never fatal) and nothing downstream meets a half-shaped record.

const str = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why `v` is not a run summary (or a full record: it has every summary field), or undefined. */
export function runHeaderProblem(v: unknown): string | undefined {
  if (!obj(v)) return 'not a JSON object';
  if (v.schema !== RUN_SCHEMA)
    return `schema is ${JSON.stringify(v.schema ?? null)}, not ${RUN_SCHEMA}`;
  if (!str(v.id) || !isRunId(v.id)) return 'id is missing or malformed';
  if (!str(v.model_name) || !v.model_name) return 'model_name is missing';
  if (v.status !== 'succeeded' && v.status !== 'failed') return 'status is missing';
  if (!str(v.started_at) || !Number.isFinite(Date.parse(v.started_at)))
    return 'started_at is missing';
  if (!Array.isArray(v.tags) || !v.tags.every(str)) return 'tags is not a list of strings';
  if (!obj(v.code)) return 'code is missing';
  if (v.metrics !== undefined && !obj(v.metrics)) return 'metrics is not a mapping';
  if (v.evaluation !== undefined && !(obj(v.evaluation) && obj(v.evaluation.metrics)))
    return 'evaluation has no metrics';
  return undefined;
}

/**
 * Why `v` is not a full run record, or undefined: what every reader relies on (the summary's
 * fields) plus params, data and environment; anything else is read as written.
 */
export function runRecordProblem(v: unknown): string | undefined {
  const header = runHeaderProblem(v);
  if (header) return header;
  const r = v as Record<string, unknown>;
  if (!str(r.finished_at)) return 'finished_at is missing';
  if (!obj(r.params)) return 'params is not a mapping';
  if (!obj(r.data) || !obj(r.environment)) return 'data or environment is missing';
  return undefined;
}
