import { ModelciError } from '../errors.js';
import type { Fingerprint, MetricValue, ModelSignature } from '../report/evaluation-report.js';

/**
 * The record of one training run: what went in (params, data, code, command, seed, environment),
 * what came out (model, metrics, status) and how it relates to other runs (parent, tags, note).
 * Written next to the model as `run.json` and kept in git as one commit under
 * `refs/modelci/runs/<model>/<id>`. Versioned: readers check `schema`; extend, do not rename.
 */
export const RUN_SCHEMA = 'modelci/run@1' as const;

export type RunStatus = 'succeeded' | 'failed';

export interface RunModel extends Fingerprint {
  signature: ModelSignature;
  opsets: Record<string, number>;
}

/** The code the run trained with. */
export interface RunCode {
  /** HEAD of the checkout (on a pull_request run, the merge commit). */
  commit?: string;
  /** Tracked files differed from HEAD when the run started. */
  dirty?: boolean;
  branch?: string;
  /** Files the training command names, relative to its working directory → git blob id. */
  files?: Record<string, string>;
}

/** Where the run happened, when it ran in a workflow. */
export interface RunCi {
  event?: string;
  run_url?: string;
  pull_request?: number;
  /** The commit under review (a pull request's head), when it differs from `code.commit`. */
  head_sha?: string;
  actor?: string;
}

export interface RunEnvironment {
  os: string;
  arch: string;
  node: string;
  modelci: string;
  /** `python3 --version` (or the interpreter the command starts), when the command runs Python. */
  python?: string;
}

/** An evaluation (`modelci evaluate`) of the run's model, attached to the run afterwards. */
export interface RunEvaluation {
  dataset: Fingerprint & { label?: string };
  metrics: Record<string, MetricValue>;
  /** The interval level of `metrics[*].ci` (e.g. 0.95). */
  confidence?: number;
  /** The model compared with, and the paired tests on the same rows. */
  baseline?: { sha256: string; source: string; version?: string };
  comparison?: Record<
    string,
    { delta: number; ci_delta?: [number, number]; p_value: number; test: string }
  >;
  gates_passed?: boolean;
  evaluated_at: string;
}

export interface RunRecord {
  schema: typeof RUN_SCHEMA;
  /** `<yyyymmdd>-<hhmmss>-<6 hex>`: sortable by start time, unique without coordination. */
  id: string;
  model_name: string;
  status: RunStatus;
  /** The training command's exit code (null when it was killed by a signal). */
  exit_code?: number | null;
  signal?: string;
  /** Why it failed, one line. */
  failure?: string;
  trainer: string;
  command?: string;
  seed: number;
  params: Record<string, unknown>;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  data: { train?: Fingerprint; holdout?: Fingerprint };
  /** The trained model (absent when the run failed before writing one). */
  model?: RunModel;
  /** Training metrics as the trainer wrote them. */
  metrics?: Record<string, unknown>;
  evaluation?: RunEvaluation;
  code: RunCode;
  ci?: RunCi;
  environment: RunEnvironment;
  /** The run this one follows (default, the latest earlier run of the model on the branch). */
  parent?: string;
  tags: string[];
  note?: string;
}

const ID_RE = /^\d{8}-\d{6}-[0-9a-f]{6}$/;

/** A run id from its start time (UTC) and 6 random hex digits the caller draws. */
export function runId(startedAt: Date, random: string): string {
  if (!/^[0-9a-f]{6}$/.test(random)) throw new Error(`run id suffix must be 6 hex digits`);
  const iso = startedAt.toISOString(); // 2026-01-02T03:04:05.678Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${random}`;
}

export function isRunId(text: string): boolean {
  return ID_RE.test(text);
}

/** A tag: one word a ref-safe name could hold, so `runs list --tag` can match it exactly. */
export const TAG_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkTag(tag: string): string {
  if (!TAG_RE.test(tag))
    throw new ModelciError('INPUT', `invalid run tag "${tag.slice(0, 80)}"`, {
      hint: 'Use up to 64 letters, digits, ".", "_" and "-", starting with a letter or digit',
    });
  return tag;
}

/**
 * Refuses values JSON cannot carry faithfully (NaN, ±Infinity, functions, bigints, symbols,
 * undefined, dates, cycles), naming the key path of the first one: a run record must read back
 * exactly as it was written.
 */
export function checkSerialisable(value: unknown, path: string, file?: string): void {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string): void => {
    const refuse = (what: string): never => {
      throw new ModelciError('INPUT', `${what} cannot be recorded in a run`, {
        ...(file ? { file } : {}),
        path: at,
        hint: 'Use numbers, strings, booleans, null, lists and mappings only (write NaN or infinity as a string or leave the key out)',
      });
    };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) refuse(`the number ${String(v)}`);
      return;
    }
    if (v === undefined) refuse('an undefined value');
    if (typeof v === 'bigint') refuse(`the big integer ${String(v)}`);
    if (typeof v === 'function' || typeof v === 'symbol') refuse(`a ${typeof v}`);
    if (v instanceof Date) refuse('a date (write it as a string)');
    const o = v as object;
    if (seen.has(o)) refuse('a value that contains itself');
    seen.add(o);
    if (Array.isArray(o)) o.forEach((x: unknown, i) => walk(x, `${at}[${i}]`));
    else {
      const proto = Object.getPrototypeOf(o) as unknown;
      if (proto !== Object.prototype && proto !== null) refuse('an object that is not a mapping');
      for (const [k, x] of Object.entries(o))
        walk(x, /^[A-Za-z0-9_-]+$/.test(k) ? `${at}.${k}` : `${at}[${JSON.stringify(k)}]`);
    }
    seen.delete(o);
  };
  walk(value, path);
}

const str = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks what readers rely on (schema, id, model, status, times, params, tags); anything else a
 * record holds is read as written. Returns the reason it is not a run record, or undefined.
 */
export function runRecordProblem(v: unknown): string | undefined {
  if (!obj(v)) return 'not a JSON object';
  if (v.schema !== RUN_SCHEMA)
    return `schema is ${JSON.stringify(v.schema ?? null)}, not ${RUN_SCHEMA}`;
  if (!str(v.id) || !isRunId(v.id)) return 'id is missing or malformed';
  if (!str(v.model_name) || !v.model_name) return 'model_name is missing';
  if (v.status !== 'succeeded' && v.status !== 'failed') return 'status is missing';
  if (!str(v.started_at) || !str(v.finished_at)) return 'started_at/finished_at are missing';
  if (!obj(v.params)) return 'params is not a mapping';
  if (!Array.isArray(v.tags) || !v.tags.every(str)) return 'tags is not a list of strings';
  if (!obj(v.data) || !obj(v.code) || !obj(v.environment))
    return 'data, code or environment is missing';
  if (v.metrics !== undefined && !obj(v.metrics)) return 'metrics is not a mapping';
  if (v.evaluation !== undefined && !(obj(v.evaluation) && obj(v.evaluation.metrics)))
    return 'evaluation has no metrics';
  return undefined;
}

/** The record as stored in git: without `files` (paths on the machine that trained). */
export function storedRecord<R extends RunRecord>(record: R): RunRecord {
  const { files: _files, ...rest } = record as R & { files?: unknown };
  return rest;
}
