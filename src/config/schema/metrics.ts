/** How metrics are compared and shown; top level `metrics:` and per model `models.<m>.metrics:`. */
export interface MetricsConfig {
  /** higher or lower is better, by metric name (flattened key, e.g. `eval.auc`) or its last segment. */
  directions?: Record<string, 'higher' | 'lower'>;
  /** Absolute change at or below which a metric counts as unchanged. */
  tolerance?: number;
  /** Relative change (fraction of the base value) at or below which a metric counts as unchanged. */
  relative_tolerance?: number;
  /** Significant digits shown in tables. */
  precision?: number;
}

export const metricsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    directions: {
      type: 'object',
      additionalProperties: { enum: ['higher', 'lower'] },
    },
    tolerance: { type: 'number', minimum: 0 },
    relative_tolerance: { type: 'number', minimum: 0 },
    precision: { type: 'integer', minimum: 1, maximum: 17 },
  },
} as const;
