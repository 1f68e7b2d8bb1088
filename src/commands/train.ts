import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DataConfig, TrainConfig } from '../config/schema/train.js';
import { ModelciError } from '../core/errors.js';
import type { Fingerprint, ModelSignature } from '../core/report/evaluation-report.js';
import { countCsvRows, fingerprintFile } from '../data/fingerprint.js';
import { readOnnxModelInfo } from '../onnx/signature.js';
import { trainBuiltin } from '../train/builtin.js';
import { runShellCommand } from '../process/shell-command.js';
import { formatDuration } from '../core/report/number-format.js';

/** The record of one training run (`run.json` next to the model): what went in, what came out. */
export const TRAIN_RUN_SCHEMA = 'modelci/train-run@1' as const;

export interface TrainRunRecord {
  schema: typeof TRAIN_RUN_SCHEMA;
  model_name: string;
  trainer: string;
  command?: string;
  seed: number;
  params: Record<string, unknown>;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  data: { train?: Fingerprint; holdout?: Fingerprint };
  model: Fingerprint & { signature: ModelSignature; opsets: Record<string, number> };
  metrics?: Record<string, unknown>;
  files: { model: string; params: string; metrics?: string; record: string };
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
  /** Clock, injectable for tests. */
  now?: () => Date;
}

/**
 * Runs the model's training: its command (any language) with the MODELCI_* environment, or a
 * built-in trainer; then fingerprints data and model and writes the run record.
 */
export async function runTrain(opts: TrainOptions): Promise<TrainRunRecord> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const out = resolve(opts.outputDir);
  mkdirSync(out, { recursive: true });
  const seed = opts.train.seed ?? 42;
  const params = { ...(opts.train.params ?? {}) };
  const paramsFile = join(out, 'params.json');
  writeFileSync(paramsFile, JSON.stringify(params, null, 2) + '\n');
  const log = opts.log ?? (() => undefined);
  let modelFile: string;
  let metricsFile: string | undefined;
  let trainer: string;
  let finalParams = params;

  if (opts.train.command) {
    trainer = 'command';
    modelFile = join(out, opts.train.outputs?.model ?? 'model.onnx');
    metricsFile = join(out, opts.train.outputs?.metrics ?? 'metrics.json');
    const env: NodeJS.ProcessEnv = {
      ...(opts.env ?? process.env),
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
    await runCommand(opts.train.command, opts.train.working_directory ?? '.', env, timeoutMs, log);
    if (!existsSync(modelFile))
      throw new ModelciError(
        'MODEL',
        `the training command finished but wrote no model at ${modelFile}`,
        {
          hint: 'Write the ONNX model to $MODELCI_MODEL_FILE (or train.outputs.model inside $MODELCI_OUTPUT_DIR)',
        },
      );
    if (!existsSync(metricsFile)) metricsFile = undefined;
  } else if (opts.train.trainer) {
    trainer = opts.train.trainer;
    if (!opts.data.train || !opts.data.label)
      throw new ModelciError('CONFIG', `the built-in trainer needs data.train and data.label`, {
        path: `models.${opts.modelName}.data`,
      });
    const res = await trainBuiltin({
      trainer: opts.train.trainer,
      data: opts.data.train,
      label: opts.data.label,
      ...(opts.data.features ? { features: opts.data.features } : {}),
      params,
      seed,
      outputDir: out,
    });
    modelFile = res.model;
    metricsFile = join(out, 'metrics.json');
    finalParams = res.params;
  } else {
    throw new ModelciError('CONFIG', 'no training command or trainer', {
      path: `models.${opts.modelName}.train`,
      hint: 'Set train.command (e.g. `python train.py`) or train.trainer (logistic-regression, linear-regression, ridge)',
    });
  }

  const info = readOnnxModelInfo(modelFile);
  let metrics: Record<string, unknown> | undefined;
  if (metricsFile) {
    try {
      metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ModelciError('PARSE', `the metrics file is not JSON: ${(e as Error).message}`, {
        file: metricsFile,
      });
    }
  }
  const data: TrainRunRecord['data'] = {};
  if (opts.data.train) data.train = await fingerprintData(opts.data.train);
  if (opts.data.holdout) data.holdout = await fingerprintData(opts.data.holdout);
  const finished = now();
  const record: TrainRunRecord = {
    schema: TRAIN_RUN_SCHEMA,
    model_name: opts.modelName,
    trainer,
    ...(opts.train.command ? { command: opts.train.command } : {}),
    seed,
    params: finalParams,
    started_at: started.toISOString(),
    finished_at: finished.toISOString(),
    duration_ms: finished.getTime() - started.getTime(),
    data,
    model: {
      ...(await fingerprintFile(modelFile)),
      signature: info.signature,
      opsets: info.opsets,
    },
    ...(metrics ? { metrics } : {}),
    files: {
      model: modelFile,
      params: paramsFile,
      ...(metricsFile ? { metrics: metricsFile } : {}),
      record: join(out, 'run.json'),
    },
  };
  writeFileSync(record.files.record, JSON.stringify(record, null, 2) + '\n');
  return record;
}

async function fingerprintData(file: string): Promise<Fingerprint> {
  const fp = await fingerprintFile(file);
  return extname(file).toLowerCase() === '.csv' ? { ...fp, rows: await countCsvRows(file) } : fp;
}

/** Runs `sh -c command` in its own process group, streaming lines; kills the group on timeout. */
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
    throw new ModelciError(
      'MODEL',
      `the training command ran over its ${formatDuration(timeoutMs)} timeout and was killed`,
      { hint: 'Raise train.timeout_minutes in modelci.yaml, or make training faster' },
    );
  if (r.code !== 0)
    throw new ModelciError(
      'MODEL',
      `the training command failed (${r.signal ? `signal ${r.signal}` : `exit code ${r.code}`})`,
      { hint: 'Its output is in the log above' },
    );
}
