/**
 * Gates per model (`models.<m>.gates`): conditions a candidate must meet. Evaluated by
 * src/core/gates/. Thresholds given as strings: relative `'2%'` (of the baseline value) in
 * `max_regression` / `slices.max_drop`; sizes `'10MB'`, `'512KiB'` in `max_size`.
 */
export interface GatePolicy {
  /** Metric must be ≥ this value, e.g. `{ roc_auc: 0.9 }`. */
  min?: Record<string, number>;
  /** Metric must be ≤ this value, e.g. `{ log_loss: 0.3 }`. */
  max?: Record<string, number>;
  /**
   * Largest allowed move in the worse direction vs the baseline: a number is absolute
   * (`accuracy: 0.01`), a string `'N%'` is relative to |baseline| (`roc_auc: '2%'`).
   */
  max_regression?: Record<string, number | string>;
  /** Fails when the candidate is significantly worse (p < alpha, one worse-direction verdict). */
  not_significantly_worse?: { metrics: string[]; alpha?: number };
  /** Per slice: largest drop vs the baseline on the same slice, for slices with ≥ min_rows rows. */
  slices?: { max_drop: Record<string, number | string>; min_rows?: number };
  /** Latency budgets in milliseconds. */
  latency_p50_ms?: number;
  latency_p95_ms?: number;
  /** Model file size budget: bytes, or a string like `'10MB'` (10^6) / `'10MiB'` (2^20). */
  max_size?: number | string;
  /**
   * `unchanged`: inputs and outputs identical to the baseline's; `compatible`: same input names,
   * dtypes and shapes, every baseline output still present with its dtype (new outputs are fine);
   * `any`: not checked. Default `any`.
   */
  signature?: 'unchanged' | 'compatible' | 'any';
  /** Whether failing gates fail the evaluate step (default true). */
  fail_step?: boolean;
}

/** Kept for the config loader's model type. */
export type GatesConfig = GatePolicy;

const metricThresholds = {
  type: 'object',
  propertyNames: { minLength: 1 },
  additionalProperties: { type: 'number' },
} as const;

/** Metric -> absolute (0.01) or relative ('2%') amount; also drift.performance.max_drop. */
export const regressionThresholds = {
  type: 'object',
  propertyNames: { minLength: 1 },
  additionalProperties: {
    oneOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$' },
    ],
  },
  description: "Absolute (0.01) or relative to the baseline ('2%').",
} as const;

export const gatesSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Conditions a candidate model must meet before it is registered or promoted.',
  properties: {
    min: { ...metricThresholds, description: 'Metric ≥ value, e.g. {roc_auc: 0.9}.' },
    max: { ...metricThresholds, description: 'Metric ≤ value, e.g. {log_loss: 0.3}.' },
    max_regression: regressionThresholds,
    not_significantly_worse: {
      type: 'object',
      additionalProperties: false,
      required: ['metrics'],
      properties: {
        metrics: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        alpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.05 },
      },
    },
    slices: {
      type: 'object',
      additionalProperties: false,
      required: ['max_drop'],
      properties: {
        max_drop: regressionThresholds,
        min_rows: { type: 'integer', minimum: 1, default: 30 },
      },
    },
    latency_p50_ms: { type: 'number', exclusiveMinimum: 0 },
    latency_p95_ms: { type: 'number', exclusiveMinimum: 0 },
    max_size: {
      oneOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKMG]i?B|B)?\\s*$' },
      ],
      description: "Model file size budget: bytes or e.g. '10MB' (10^6), '10MiB' (2^20).",
    },
    signature: { enum: ['unchanged', 'compatible', 'any'], default: 'any' },
    fail_step: { type: 'boolean', default: true },
  },
} as const;
