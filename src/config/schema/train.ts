import type { FromSchema } from 'json-schema-to-ts';

// Training (`models.<m>.train`), evaluation (`models.<m>.evaluate`) and data (`models.<m>.data`).
// Types come from the schemas (json-schema-to-ts): the `*Config` types are what a user writes,
// every key optional; `Resolved*` have the schema's defaults filled in (src/config/resolve.ts).

export const trainSchema = {
  type: 'object',
  description: 'How the model is trained: a command (any language) or a built-in trainer.',
  additionalProperties: false,
  properties: {
    command: {
      type: 'string',
      minLength: 1,
      description: 'Training command, run by the shell in `working_directory` (any language), e.g. `python train.py`.',
    },
    trainer: {
      enum: ['logistic-regression', 'linear-regression', 'ridge'],
      description: 'Built-in trainer, used when there is no command.',
    },
    params: {
      type: 'object',
      description: 'Hyperparameters: written to MODELCI_PARAMS_FILE; the built-in trainers read C, alpha, max_iter.',
    },
    seed: { type: 'integer', minimum: 0, default: 42, description: 'Seed passed as MODELCI_SEED.' },
    timeout_minutes: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 60,
      description: 'The command is killed (its whole process group) after this many minutes.',
    },
    working_directory: { type: 'string', minLength: 1, description: 'Where the command runs.' },
    env: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Extra environment variables for the command.',
    },
    outputs: {
      type: 'object',
      additionalProperties: false,
      default: {},
      description: 'Files the command writes, relative to MODELCI_OUTPUT_DIR.',
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
    slices: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      default: [],
      description: 'Columns whose values get their own metrics (and slice gates).',
    },
    baseline: {
      type: 'string',
      minLength: 1,
      description: 'A baseline .onnx file, or `production` / `staging` for what that registry stage holds.',
    },
    bootstrap: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        resamples: { type: 'integer', minimum: 0, default: 1000, description: 'Resamples; 0 = no intervals.' },
        seed: { type: 'integer', minimum: 0, default: 42 },
        confidence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.95 },
      },
    },
    batch_size: { type: 'integer', minimum: 1, default: 16384, description: 'Rows per inference batch.' },
    drop_invalid: {
      type: 'boolean',
      default: false,
      description: 'Drop rows with missing or invalid values (counted in the report) instead of failing.',
    },
    latency_requests: {
      type: 'integer',
      minimum: 0,
      default: 100,
      description:
        'Single-row requests timed one by one (against an in-process modelci serve) for latency_p50/latency_p95; 0: latency is not measured.',
    },
  },
} as const;

export const dataSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    train: { type: 'string', minLength: 1, description: 'Training data (CSV, JSONL or Parquet).' },
    holdout: { type: 'string', minLength: 1, description: 'Holdout data the model is evaluated on.' },
    label: { type: 'string', minLength: 1, description: 'Label column.' },
    features: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Feature columns in model input order; default: every column but the label.',
    },
  },
} as const;

type AsWritten = { keepDefaultedPropertiesOptional: true };
export type TrainConfig = FromSchema<typeof trainSchema, AsWritten>;
export type EvaluateConfig = FromSchema<typeof evaluateSchema, AsWritten>;
export type DataConfig = FromSchema<typeof dataSchema>;
export type BuiltinTrainer = NonNullable<TrainConfig['trainer']>;
export type ResolvedTrain = FromSchema<typeof trainSchema>;
export type ResolvedEvaluate = FromSchema<typeof evaluateSchema>;
