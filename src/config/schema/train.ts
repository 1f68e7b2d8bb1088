/** Training (`models.<m>.train`), evaluation (`models.<m>.evaluate`) and data (`models.<m>.data`). */

export type BuiltinTrainer = 'logistic-regression' | 'linear-regression' | 'ridge';

export interface TrainConfig {
  /** Training command, run by the shell in `working_directory` (any language). */
  command?: string;
  /** Built-in trainer, used when there is no command. */
  trainer?: BuiltinTrainer;
  /** Hyperparameters: written to MODELCI_PARAMS_FILE; the built-in trainers read C, alpha, max_iter. */
  params?: Record<string, unknown>;
  /** Seed passed as MODELCI_SEED (default 42). */
  seed?: number;
  /** The command is killed (its whole process group) after this many minutes (default 60). */
  timeout_minutes?: number;
  working_directory?: string;
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  /** Files the command writes, relative to MODELCI_OUTPUT_DIR. */
  outputs?: { model?: string; metrics?: string };
}

export interface EvaluateConfig {
  /** Columns whose values get their own metrics (and slice gates). */
  slices?: string[];
  /** Baseline model: a file path, or `production` (the registry's production pointer). */
  baseline?: string;
  bootstrap?: { resamples?: number; seed?: number; confidence?: number };
  batch_size?: number;
  /** Drop rows with missing values (counted in the report) instead of failing. */
  drop_invalid?: boolean;
}

export interface DataConfig {
  /** Training data (CSV, JSONL or Parquet). */
  train?: string;
  /** Holdout data the model is evaluated on. */
  holdout?: string;
  /** Label column. */
  label?: string;
  /** Feature columns in model input order; default: every column but the label. */
  features?: string[];
}

export const trainSchema = {
  type: 'object',
  description: 'How the model is trained: a command (any language) or a built-in trainer.',
  additionalProperties: false,
  properties: {
    command: { type: 'string', minLength: 1, description: 'Shell command, e.g. `python train.py`.' },
    trainer: { enum: ['logistic-regression', 'linear-regression', 'ridge'] },
    params: { type: 'object', description: 'Hyperparameters, written to MODELCI_PARAMS_FILE.' },
    seed: { type: 'integer', minimum: 0, default: 42 },
    timeout_minutes: { type: 'number', exclusiveMinimum: 0, default: 60 },
    working_directory: { type: 'string', minLength: 1 },
    env: { type: 'object', additionalProperties: { type: 'string' } },
    outputs: {
      type: 'object',
      additionalProperties: false,
      properties: {
        model: { type: 'string', minLength: 1, default: 'model.onnx' },
        metrics: { type: 'string', minLength: 1, default: 'metrics.json' },
      },
    },
  },
} as const;

export const evaluateSchema = {
  type: 'object',
  description: 'How the model is evaluated: slices, baseline, bootstrap, batch size.',
  additionalProperties: false,
  properties: {
    slices: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    baseline: {
      type: 'string',
      minLength: 1,
      description: 'A baseline .onnx file, or `production` for the registry production version.',
    },
    bootstrap: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resamples: { type: 'integer', minimum: 0, default: 1000 },
        seed: { type: 'integer', minimum: 0, default: 42 },
        confidence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.95 },
      },
    },
    batch_size: { type: 'integer', minimum: 1 },
    drop_invalid: { type: 'boolean' },
  },
} as const;

export const dataSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    train: { type: 'string', minLength: 1 },
    holdout: { type: 'string', minLength: 1 },
    label: { type: 'string', minLength: 1 },
    features: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  },
} as const;
