import { commentSchema, type CommentConfig } from './comment.js';
import { environmentsSchema, type EnvironmentsConfig } from './deploy.js';
import { driftSchema, type DriftConfig } from './drift.js';
import { gatesSchema, type GatesConfig } from './gates.js';
import { metricsSchema, type MetricsConfig } from './metrics.js';
import { registrySchema, type RegistryConfig } from './registry.js';
import {
  dataSchema,
  evaluateSchema,
  trainSchema,
  type DataConfig,
  type EvaluateConfig,
  type TrainConfig,
} from './train.js';

export const MODEL_NAME_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

export interface ModelConfig {
  task?: 'binary' | 'multiclass' | 'regression';
  description?: string;
  owners?: string[];
  /** The metric that decides "better" in one word; e.g. `roc_auc`. */
  primary_metric?: string;
  data?: DataConfig;
  train?: TrainConfig;
  evaluate?: EvaluateConfig;
  metrics?: MetricsConfig;
  gates?: GatesConfig;
  drift?: DriftConfig;
  deploy?: Record<string, unknown>;
}

export interface ModelciConfig {
  version: 1;
  models: Record<string, ModelConfig>;
  metrics?: MetricsConfig;
  comment?: CommentConfig;
  registry?: RegistryConfig;
  drift?: DriftConfig;
  environments?: EnvironmentsConfig;
}

const modelSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    task: { enum: ['binary', 'multiclass', 'regression'] },
    description: { type: 'string' },
    owners: { type: 'array', items: { type: 'string' } },
    primary_metric: { type: 'string', minLength: 1 },
    data: dataSchema,
    train: trainSchema,
    evaluate: evaluateSchema,
    metrics: metricsSchema,
    gates: gatesSchema,
    drift: driftSchema,
    deploy: { type: 'object' },
  },
} as const;

/** The JSON Schema of modelci.yaml; `schema/modelci.schema.json` is generated from it. */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://modelci.dev/schema/modelci.schema.json',
  title: 'modelci.yaml',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { const: 1, description: 'Format version of this file; 1.' },
    models: {
      type: 'object',
      propertyNames: { pattern: MODEL_NAME_PATTERN },
      additionalProperties: modelSchema,
      default: {},
    },
    metrics: metricsSchema,
    comment: commentSchema,
    registry: registrySchema,
    drift: driftSchema,
    environments: environmentsSchema,
  },
} as const;
