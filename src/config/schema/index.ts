import type { FromSchema } from 'json-schema-to-ts';
import { cardSchema } from './card.js';
import { commentSchema } from './comment.js';
import { environmentsSchema } from './deploy.js';
import { driftSchema } from './drift.js';
import { gatesSchema } from './gates.js';
import { metricsSchema } from './metrics.js';
import { registrySchema } from './registry.js';
import { dataSchema, evaluateSchema, trainSchema } from './train.js';

export const MODEL_NAME_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

const modelSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    task: { enum: ['binary', 'multiclass', 'regression'] },
    description: { type: 'string', description: 'What the model does, for people (model cards, the registry).' },
    owners: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Who answers for the model (GitHub logins or teams).',
    },
    primary_metric: {
      type: 'string',
      minLength: 1,
      description: 'The metric that decides "better" in one word, e.g. `roc_auc`.',
    },
    data: { ...dataSchema, default: {} },
    contract: {
      type: 'string',
      minLength: 1,
      description:
        'The data contract file (`modelci contract infer`); default `<registry>/<model>/contract.yaml` when it exists.',
    },
    train: { ...trainSchema, default: {} },
    evaluate: { ...evaluateSchema, default: {} },
    metrics: metricsSchema,
    gates: gatesSchema,
    drift: driftSchema,
    deploy: { type: 'object' },
    card: cardSchema,
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

type AsWritten = { keepDefaultedPropertiesOptional: true };
/** modelci.yaml as written: every key with a default may be left out. */
export type ModelciConfig = FromSchema<typeof configSchema, AsWritten>;
/** One `models.<name>` entry as written. */
export type ModelConfig = FromSchema<typeof modelSchema, AsWritten>;
/** The schema of one model entry (for defaults, src/config/resolve.ts). */
export { modelSchema };
