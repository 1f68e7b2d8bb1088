import type { FromSchema } from 'json-schema-to-ts';
import { DRIFT_TESTS } from '../../core/drift/tests/index.js';
import { regressionThresholds } from './gates.js';

// Drift settings, top level `drift:` and per model `models.<m>.drift:` (the model's keys win;
// defaults are applied after the merge, src/config/resolve.ts). Tests are chosen per column by
// type and size (Evidently's rule, see src/core/drift/choose-test.ts) unless `columns.<name>.test`
// or `test` says otherwise.

/** The drift-test registry's names (src/core/drift/tests/index.ts). */
const testName = { enum: DRIFT_TESTS } as const;

export const driftSchema = {
  type: 'object',
  description: 'How production data is compared with the reference profile.',
  additionalProperties: false,
  properties: {
    threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.5,
      description: 'Dataset drift when the share of drifted columns is >= this.',
    },
    test: { ...testName, description: 'One test for every column it applies to (like `--test`).' },
    thresholds: {
      type: 'object',
      additionalProperties: false,
      description: 'Per test, the drift threshold: p-value for ks/chi2/z (default 0.05), distance for psi/js/wasserstein (0.1).',
      properties: {
        ks: { type: 'number', minimum: 0 },
        chi2: { type: 'number', minimum: 0 },
        psi: { type: 'number', minimum: 0 },
        js: { type: 'number', minimum: 0 },
        wasserstein: { type: 'number', minimum: 0 },
        z: { type: 'number', minimum: 0 },
      },
    },
    columns: {
      type: 'object',
      description: 'Per column: a test and/or a threshold.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { test: testName, threshold: { type: 'number', minimum: 0 } },
      },
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Columns never tested (ids, timestamps).',
    },
    prediction_columns: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Model output columns: their drift is reported as prediction drift.',
    },
    missing_rate_tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.1,
      description: 'A missing rate that moves by more than this (absolute, 0..1) is flagged.',
    },
    sketch_size: {
      type: 'integer',
      minimum: 2,
      multipleOf: 2,
      default: 10000,
      description: 'Quantile sketch size k of profiles (exact up to k values per column).',
    },
    retrain_workflow: {
      type: 'string',
      minLength: 1,
      description: 'Workflow file started by workflow_dispatch on the retraining branch (e.g. retrain.yml).',
    },
    performance: {
      type: 'object',
      description:
        'Performance drift when labels are present: evaluate\'s metrics on the current window vs the reference.',
      additionalProperties: false,
      properties: {
        label: { type: 'string', minLength: 1, description: "Label column (default: the model's data.label)." },
        prediction: {
          type: 'string',
          minLength: 1,
          description: "Predicted label/value column (default `_out.label`, the prediction log's column).",
        },
        score: {
          type: 'string',
          minLength: 1,
          description: 'Binary: probability of the positive class, e.g. `_out.probabilities.1` (enables roc_auc, log_loss).',
        },
        positive: {
          type: ['string', 'number'],
          description: "Binary: the positive label (default: the greater label, like scikit-learn's pos_label=1).",
        },
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Binary with a score and no prediction column: positive when score >= threshold (0.5).',
        },
        task: {
          enum: ['binary', 'multiclass', 'regression'],
          description: "Default: the model's task; else binary with a score, multiclass without.",
        },
        max_drop: {
          ...regressionThresholds,
          description: "Metric -> allowed drop, absolute (0.05) or relative ('5%'); default: primary metric '5%'.",
        },
        min_rows: {
          type: 'integer',
          minimum: 1,
          default: 30,
          description: 'Fewer labelled current rows than this: no verdict.',
        },
      },
    },
  },
} as const;

type AsWritten = { keepDefaultedPropertiesOptional: true };
/** `drift:` as written (top level or per model). */
export type DriftConfig = FromSchema<typeof driftSchema, AsWritten>;
export type DriftPerformanceConfig = NonNullable<DriftConfig['performance']>;
export type DriftTestConfigName = NonNullable<DriftConfig['test']>;
/** `drift:` after the top-level and per-model sections merged and defaults applied. */
export type ResolvedDrift = FromSchema<typeof driftSchema>;
