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

/** Where the run happened; an imported run knows only what its tool recorded (often nothing). */
export interface RunEnvironment {
  os?: string;
  arch?: string;
  node?: string;
  modelci?: string;
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
  /** The seed train passed; an imported run has one only when its params named it. */
  seed?: number;
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
  /** Where an imported run came from (`runs import`): DVC or MLflow, and its name there. */
  imported?: RunImport;
}

export interface RunImport {
  from: 'dvc' | 'mlflow';
  /** MLflow: the run id, name, experiment id, user, and the user's tags (key → value). */
  id?: string;
  name?: string;
  experiment?: string;
  user?: string;
  tags?: Record<string, string>;
  /** DVC: the project folder and the stage read. */
  path?: string;
  stage?: string;
}

/**
 * What listing needs of a run, small enough that 10,000 of them read in one `git for-each-ref`:
 * the record's shape with the heavy parts (params, data, environment, signature, intervals and
 * tests) left out. Filters, sorting and naming work on it as on a full record. Kept as the run
 * commit's message; the full record is `run.json` in the commit's tree.
 */
export interface RunSummary {
  schema: typeof RUN_SCHEMA;
  id: string;
  model_name: string;
  status: RunRecord['status'];
  exit_code?: number | null;
  started_at: string;
  duration_ms: number;
  code: { commit?: string; dirty?: boolean; branch?: string };
  ci?: { head_sha?: string; pull_request?: number };
  /** Numeric training metrics, flattened (`eval.auc`, `per_class[0].f1`). */
  metrics?: Record<string, number>;
  /** The attached evaluation's metric values (no intervals). */
  evaluation?: { metrics: Record<string, { value: number }> };
  model?: { sha256: string };
  parent?: string;
  tags: string[];
  note?: string;
}

/** The fields of a run every reader can rely on: what a summary and a full record share. */
export type RunHeader = RunSummary | RunRecord;

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

const KEY_ORDER = [
  'schema',
  'id',
  'model_name',
  'status',
  'exit_code',
  'signal',
  'failure',
  'trainer',
  'command',
  'seed',
  'params',
  'metrics',
  'evaluation',
  'data',
  'model',
  'code',
  'ci',
  'environment',
  'started_at',
  'finished_at',
  'duration_ms',
  'parent',
  'tags',
  'note',
  'imported',
];

/** The record with its keys in one order (what a reader looks for first comes first). */
export function orderedRecord<R extends RunRecord>(record: R): R {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER)
    if ((record as Record<string, unknown>)[k] !== undefined)
      out[k] = (record as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(record)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as R;
}

/** The record as stored in git: without `files` (paths on the machine that trained). */
export function storedRecord<R extends RunRecord>(record: R): RunRecord {
  const { files: _files, ...rest } = record as R & { files?: unknown };
  return orderedRecord(rest);
}
