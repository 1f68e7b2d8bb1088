import type { FromSchema } from 'json-schema-to-ts';

/** How metrics are compared and shown; top level `metrics:` and per model `models.<m>.metrics:`. */
export const metricsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    directions: {
      type: 'object',
      additionalProperties: { enum: ['higher', 'lower'] },
      description:
        'higher or lower is better, by metric name (flattened key, e.g. `eval.auc`) or its last segment.',
    },
    tolerance: {
      type: 'number',
      minimum: 0,
      description: 'Absolute change at or below which a metric counts as unchanged.',
    },
    relative_tolerance: {
      type: 'number',
      minimum: 0,
      description: 'Relative change (fraction of the base value) at or below which a metric counts as unchanged.',
    },
    precision: { type: 'integer', minimum: 1, maximum: 17, description: 'Significant digits shown in tables.' },
  },
} as const;

export type MetricsConfig = FromSchema<typeof metricsSchema>;
