import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DataConfig, TrainConfig } from '../config/schema/train.js';
import { ModelciError } from '../core/errors.js';
import type { Fingerprint } from '../core/report/evaluation-report.js';
import {
  checkSerialisable,
  orderedRecord,
  runId,
  RUN_SCHEMA,
  type RunCi,
  type RunCode,
  type RunModel,
  type RunRecord,
} from '../core/runs/record.js';
import { countCsvRows, fingerprintFile } from '../data/fingerprint.js';
import { readOnnxModelInfo } from '../onnx/signature.js';
import { trainBuiltin } from '../train/builtin.js';
import { Git } from '../git/git.js';
import { machineEnvironment } from '../process/machine.js';
import { runShellCommand } from '../process/shell-command.js';
import { formatDuration } from '../core/report/number-format.js';

/** A succeeded run as `train` returns it: the model exists, and where its files are. */
export type TrainRunRecord = RunRecord & {
  model: RunModel;
  files: { model: string; params: string; metrics?: string; record: string };
};

/** The training failed after it started: the run is recorded as failed, then this is thrown on. */
export class TrainFailure extends ModelciError {
  constructor(
    cause: ModelciError,
    readonly run: RunRecord & { files: { params: string; record: string } },
  ) {
    super(cause.code, cause.message, {
      ...cause.where,
      ...(cause.hint ? { hint: cause.hint } : {}),
      cause,
    });
  }
}

/** What the run record says beyond the training itself: who, where, why. */
export interface RunContextOptions {
  tags?: string[];
  note?: string;
  parent?: string;
  branch?: string;
  ci?: RunCi;
}

export interface TrainOptions {
  modelName: string;
  train: TrainConfig;
  data: DataConfig;
  /** Where the model, params, metrics and run record go. */
  outputDir: string;
  /** Overrides train.timeout_minutes. */
  timeoutMs?: number;
  /** One line of the training command's output (stdout and stderr), as it comes. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The checkout whose commit the run records (default, the working directory). */
  cwd?: string;
  run?: RunContextOptions;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

interface Trained {
  trainer: string;
  modelFile: string;
  metricsFile: string | undefined;
  params: Record<string, unknown>;
}

/**
 * Runs the model's training: its command (any language) with the MODELCI_* environment, or a
 * built-in trainer; then fingerprints data and model and writes the run record (`run.json`). A
 * training that fails after it started throws a TrainFailure carrying the failed run's record.
 */
export async function runTrain(opts: TrainOptions): Promise<TrainRunRecord> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const out = resolve(opts.outputDir);
  const seed = opts.train.seed ?? 42;
  const params = { ...(opts.train.params ?? {}) };
  checkSerialisable(params, `models.${opts.modelName}.train.params`);
  if (!opts.train.command && !opts.train.trainer)
    throw new ModelciError('CONFIG', 'no training command or trainer', {
      path: `models.${opts.modelName}.train`,
      hint: 'Set train.command (e.g. `python train.py`) or train.trainer (logistic-regression, linear-regression, ridge)',
    });
  if (!opts.train.command && (!opts.data.train || !opts.data.label))
    throw new ModelciError('CONFIG', `the built-in trainer needs data.train and data.label`, {
      path: `models.${opts.modelName}.data`,
    });
  mkdirSync(out, { recursive: true });
  const paramsFile = join(out, 'params.json');
  writeFileSync(paramsFile, JSON.stringify(params, null, 2) + '\n');
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const [code, environment] = await Promise.all([
    codeState(cwd, opts.train, env, opts.run?.branch),
    machineEnvironment(opts.train.command, env, resolve(cwd, opts.train.working_directory ?? '.')),
  ]);
  const recordFile = join(out, 'run.json');
  const base = {
    schema: RUN_SCHEMA,
    id: runId(started, randomBytes(3).toString('hex')),
    model_name: opts.modelName,
    trainer: opts.train.command ? 'command' : opts.train.trainer!,
    ...(opts.train.command ? { command: opts.train.command } : {}),
    seed,
    params,
    code,
    ...(opts.run?.ci ? { ci: opts.run.ci } : {}),
    environment,
    ...(opts.run?.parent ? { parent: opts.run.parent } : {}),
    tags: opts.run?.tags ?? [],
    ...(opts.run?.note ? { note: opts.run.note } : {}),
  };
  const times = () => {
    const finished = now();
    return {
      started_at: started.toISOString(),
      finished_at: finished.toISOString(),
      duration_ms: finished.getTime() - started.getTime(),
    };
  };

  let trained: Trained;
  let metrics: Record<string, unknown> | undefined;
  try {
    trained = await train(opts, out, paramsFile, seed, params, env);
    metrics = trained.metricsFile ? readMetricsFile(trained.metricsFile) : undefined;
  } catch (e) {
    if (!(e instanceof ModelciError)) throw e;
    const failed = {
      ...base,
      status: 'failed' as const,
      ...(e instanceof CommandFailure
        ? { exit_code: e.exitCode, ...(e.signal ? { signal: e.signal } : {}) }
        : {}),
      failure: e.format(),
      ...times(),
      data: await fingerprints(opts.data, true),
      files: { params: paramsFile, record: recordFile },
    };
    writeFileSync(recordFile, JSON.stringify(orderedRecord(failed), null, 2) + '\n');
    throw new TrainFailure(e, failed);
  }
  const info = readOnnxModelInfo(trained.modelFile);
  const data = await fingerprints(opts.data);
  const record: TrainRunRecord = {
    ...base,
    status: 'succeeded',
    exit_code: opts.train.command ? 0 : undefined,
    trainer: trained.trainer,
    params: trained.params,
    ...times(),
    data,
    model: {
      ...(await fingerprintFile(trained.modelFile)),
      signature: info.signature,
      opsets: info.opsets,
    },
    ...(metrics ? { metrics } : {}),
    files: {
      model: trained.modelFile,
      params: paramsFile,
      ...(trained.metricsFile ? { metrics: trained.metricsFile } : {}),
      record: recordFile,
    },
  };
  if (record.exit_code === undefined) delete record.exit_code;
  const ordered = orderedRecord(record);
  writeFileSync(recordFile, JSON.stringify(ordered, null, 2) + '\n');
  return ordered;
}

async function train(
  opts: TrainOptions,
  out: string,
  paramsFile: string,
  seed: number,
  params: Record<string, unknown>,
  baseEnv: NodeJS.ProcessEnv,
): Promise<Trained> {
  if (opts.train.command) {
    const modelFile = join(out, opts.train.outputs?.model ?? 'model.onnx');
    const metricsFile = join(out, opts.train.outputs?.metrics ?? 'metrics.json');
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      ...(opts.train.env ?? {}),
      MODELCI_OUTPUT_DIR: out,
      MODELCI_PARAMS_FILE: paramsFile,
      MODELCI_SEED: String(seed),
      MODELCI_MODEL_NAME: opts.modelName,
      MODELCI_MODEL_FILE: modelFile,
      MODELCI_METRICS_FILE: metricsFile,
      ...(opts.data.train ? { MODELCI_TRAIN_DATA: resolve(opts.data.train) } : {}),
      ...(opts.data.holdout ? { MODELCI_HOLDOUT_DATA: resolve(opts.data.holdout) } : {}),
      ...(opts.data.label ? { MODELCI_LABEL: opts.data.label } : {}),
      ...(opts.data.features ? { MODELCI_FEATURES: opts.data.features.join(',') } : {}),
    };
    const timeoutMs = opts.timeoutMs ?? (opts.train.timeout_minutes ?? 60) * 60_000;
    await runCommand(
      opts.train.command,
      opts.train.working_directory ?? '.',
      env,
      timeoutMs,
      opts.log ?? (() => undefined),
    );
    if (!existsSync(modelFile))
      throw new ModelciError(
        'MODEL',
        `the training command finished but wrote no model at ${modelFile}`,
        {
          hint: 'Write the ONNX model to $MODELCI_MODEL_FILE (or train.outputs.model inside $MODELCI_OUTPUT_DIR)',
        },
      );
    return {
      trainer: 'command',
      modelFile,
      metricsFile: existsSync(metricsFile) ? metricsFile : undefined,
      params,
    };
  }
  const res = await trainBuiltin({
    trainer: opts.train.trainer!,
    data: opts.data.train!,
    label: opts.data.label!,
    ...(opts.data.features ? { features: opts.data.features } : {}),
    params,
    seed,
    outputDir: out,
  });
  return {
    trainer: opts.train.trainer!,
    modelFile: res.model,
    metricsFile: join(out, 'metrics.json'),
    params: res.params,
  };
}

function readMetricsFile(file: string): Record<string, unknown> {
  let metrics: unknown;
  try {
    metrics = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ModelciError('PARSE', `the metrics file is not JSON: ${(e as Error).message}`, {
      file,
      hint: 'Write NaN and infinities as strings or leave them out (Python: json.dump(..., allow_nan=False))',
    });
  }
  if (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics))
    throw new ModelciError('PARSE', 'the metrics file must hold a JSON object', { file });
  return metrics as Record<string, unknown>;
}

/** Fingerprints of the data; a failed run records the files that exist (`lenient`). */
async function fingerprints(data: DataConfig, lenient = false): Promise<RunRecord['data']> {
  const out: RunRecord['data'] = {};
  const take = (f: string | undefined): f is string => Boolean(f && (!lenient || existsSync(f)));
  if (take(data.train)) out.train = await fingerprintData(data.train);
  if (take(data.holdout)) out.holdout = await fingerprintData(data.holdout);
  return out;
}

/** The checkout's commit, whether tracked files changed, and the files the command names. */
async function codeState(
  cwd: string,
  train: TrainConfig,
  env: NodeJS.ProcessEnv,
  branch: string | undefined,
): Promise<RunCode> {
  const git = new Git(cwd, env);
  const head = await git.revParse('HEAD').catch(() => undefined);
  if (!head) return {};
  const [dirty, current] = await Promise.all([
    git.exec(['status', '--porcelain', '--untracked-files=no']),
    git.currentBranch(),
  ]);
  const workDir = resolve(cwd, train.working_directory ?? '.');
  const named = train.command ? commandFiles(train.command, workDir) : [];
  const files: Record<string, string> = {};
  if (named.length) {
    const ids = (await git.run(['hash-object', '--', ...named.map((f) => join(workDir, f))]))
      .trim()
      .split('\n');
    named.forEach((f, i) => (files[f] = ids[i]!));
  }
  const onBranch = branch ?? current;
  return {
    commit: head,
    dirty: dirty.code === 0 && dirty.stdout.trim() !== '',
    ...(onBranch ? { branch: onBranch } : {}),
    ...(named.length ? { files } : {}),
  };
}

/** Words of a command that are files in its working directory (`python train.py` → train.py). */
function commandFiles(command: string, workDir: string): string[] {
  const words = command.split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, ''));
  const files = words.filter((w) => {
    if (!w || w.startsWith('-') || w.includes('$')) return false;
    try {
      return statSync(join(workDir, w)).isFile();
    } catch {
      return false;
    }
  });
  return [...new Set(files)].slice(0, 20);
}

async function fingerprintData(file: string): Promise<Fingerprint> {
  const fp = await fingerprintFile(file);
  return extname(file).toLowerCase() === '.csv' ? { ...fp, rows: await countCsvRows(file) } : fp;
}

/** The training command ended badly: its exit code (null when a signal or the timeout ended it). */
class CommandFailure extends ModelciError {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: string | undefined,
    hint: string,
  ) {
    super('MODEL', message, { hint });
  }
}

/** Runs the training command with the shared runner; a failure is one line naming why. */
export async function runCommand(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  let r;
  try {
    r = await runShellCommand(command, { cwd, env, timeoutMs, onLine: log });
  } catch (e) {
    throw new ModelciError('MODEL', `cannot start the training command: ${(e as Error).message}`);
  }
  if (r.timedOut)
    throw new CommandFailure(
      `the training command ran over its ${formatDuration(timeoutMs)} timeout and was killed`,
      r.code,
      r.signal ?? undefined,
      'Raise train.timeout_minutes in modelci.yaml, or make training faster',
    );
  if (r.code !== 0)
    throw new CommandFailure(
      `the training command failed (${r.signal ? `signal ${r.signal}` : `exit code ${r.code}`})`,
      r.code,
      r.signal ?? undefined,
      'Its output is in the log above',
    );
}
