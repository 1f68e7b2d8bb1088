/** Training (`models.<m>.train`) and data (`models.<m>.data`). Owned by the train/evaluate issue. */
export type TrainConfig = Record<string, unknown>;
export type EvaluateConfig = Record<string, unknown>;

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
  description: 'How the model is trained: a command or a built-in trainer.',
} as const;

export const evaluateSchema = {
  type: 'object',
  description: 'How the model is evaluated: slices, bootstrap, batch size.',
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
