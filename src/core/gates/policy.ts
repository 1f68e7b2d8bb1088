import type { FromSchema } from 'json-schema-to-ts';

// Gates per model (`models.<m>.gates`): conditions a candidate must meet, evaluated here in
// src/core/gates/. The schema lives with the code that evaluates it (src/config/schema/gates.ts
// puts it into modelci.yaml's schema); the type is derived from it. Thresholds given as strings: relative `'2%'` (of the baseline value) in
// `max_regression` / `slices.max_drop`; sizes `'10MB'`, `'512KiB'` in `max_size`.

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
    min: { ...metricThresholds, description: 'Metric must be ≥ this value, e.g. {roc_auc: 0.9}.' },
    max: { ...metricThresholds, description: 'Metric must be ≤ this value, e.g. {log_loss: 0.3}.' },
    max_regression: {
      ...regressionThresholds,
      description:
        "Largest allowed move in the worse direction vs the baseline: a number is absolute (`accuracy: 0.01`), a string 'N%' is relative to |baseline| (`roc_auc: '2%'`).",
    },
    not_significantly_worse: {
      type: 'object',
      description:
        'Fails when the candidate is significantly worse (p < alpha, one worse-direction verdict).',
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
      description:
        'Per slice: largest drop vs the baseline on the same slice, for slices with ≥ min_rows rows.',
      properties: {
        max_drop: regressionThresholds,
        min_rows: { type: 'integer', minimum: 1, default: 30 },
      },
    },
    latency_p50_ms: {
      type: 'number',
      exclusiveMinimum: 0,
      description: 'Latency budget (median), ms.',
    },
    latency_p95_ms: {
      type: 'number',
      exclusiveMinimum: 0,
      description: 'Latency budget (95th percentile), ms.',
    },
    max_size: {
      oneOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKMG]i?B|B)?\\s*$' },
      ],
      description: "Model file size budget: bytes or e.g. '10MB' (10^6), '10MiB' (2^20).",
    },
    signature: {
      enum: ['unchanged', 'compatible', 'any'],
      default: 'any',
      description:
        "`unchanged`: inputs and outputs identical to the baseline's; `compatible`: same input names, dtypes and shapes, every baseline output still present with its dtype (new outputs are fine); `any`: not checked.",
    },
    fail_step: {
      type: 'boolean',
      default: true,
      description: 'Whether failing gates fail the evaluate step.',
    },
  },
} as const;

/** The gates as written in modelci.yaml. */
export type GatePolicy = FromSchema<typeof gatesSchema, { keepDefaultedPropertiesOptional: true }>;
/** Kept for the config loader's model type. */
export type GatesConfig = GatePolicy;
