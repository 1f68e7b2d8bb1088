import { regressionThresholds } from './gates.js';

/**
 * Drift settings, top level `drift:` and per model `models.<m>.drift:` (the model's keys win).
 * Tests are chosen per column by type and size (Evidently's rule, see src/core/drift/choose-test.ts)
 * unless `columns.<name>.test` or `test` says otherwise.
 */
export type DriftTestConfigName = 'ks' | 'chi2' | 'psi' | 'js' | 'wasserstein' | 'z';

export interface DriftConfig {
  /** Dataset drift when the share of drifted columns is >= this (default 0.5). */
  threshold?: number;
  /** One test for every column it applies to (like `--test`). */
  test?: DriftTestConfigName;
  /** Per test, the drift threshold: p-value for ks/chi2/z (default 0.05), distance for psi/js/wasserstein (0.1). */
  thresholds?: Partial<Record<DriftTestConfigName, number>>;
  /** Per column: a test and/or a threshold. */
  columns?: Record<string, { test?: DriftTestConfigName; threshold?: number }>;
  /** Columns never tested (ids, timestamps). */
  ignore?: string[];
  /** Model output columns: their drift is reported as prediction drift. */
  prediction_columns?: string[];
  /** A missing rate that moves by more than this (absolute, 0..1) is flagged (default 0.1). */
  missing_rate_tolerance?: number;
  /** Quantile sketch size k of profiles (default 10000; exact up to k values per column). */
  sketch_size?: number;
  /** Workflow file started by workflow_dispatch on the retraining branch (e.g. retrain.yml). */
  retrain_workflow?: string;
  /** Performance drift on labelled rows: evaluate's metrics, current window vs reference. */
  performance?: DriftPerformanceConfig;
}

export interface DriftPerformanceConfig {
  /** Label column (default: the model's data.label). */
  label?: string;
  /** Predicted label/value column (default `_out.label`, the prediction log's column). */
  prediction?: string;
  /** Binary: probability of the positive class, e.g. `_out.probabilities.1` (enables roc_auc, log_loss). */
  score?: string;
  /** Binary: the positive label (default: the greater label, like scikit-learn's pos_label=1). */
  positive?: string | number;
  /** Binary with a score and no prediction column: positive when score >= threshold (0.5). */
  threshold?: number;
  /** Default: the model's task; else binary with a score, multiclass without. */
  task?: 'binary' | 'multiclass' | 'regression';
  /** Metric -> allowed drop, absolute (0.05) or relative ('5%'); default: primary metric '5%'. */
  max_drop?: Record<string, number | string>;
  /** Fewer labelled current rows than this: no verdict (default 30). */
  min_rows?: number;
}

const testName = { enum: ['ks', 'chi2', 'psi', 'js', 'wasserstein', 'z'] } as const;

export const driftSchema = {
  type: 'object',
  description: 'How production data is compared with the reference profile.',
  additionalProperties: false,
  properties: {
    threshold: { type: 'number', minimum: 0, maximum: 1 },
    test: testName,
    thresholds: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(['ks', 'chi2', 'psi', 'js', 'wasserstein', 'z'].map((t) => [t, { type: 'number', minimum: 0 }])),
    },
    columns: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { test: testName, threshold: { type: 'number', minimum: 0 } },
      },
    },
    ignore: { type: 'array', items: { type: 'string' } },
    prediction_columns: { type: 'array', items: { type: 'string' } },
    missing_rate_tolerance: { type: 'number', minimum: 0, maximum: 1 },
    sketch_size: { type: 'integer', minimum: 2, multipleOf: 2 },
    retrain_workflow: { type: 'string', minLength: 1 },
    performance: {
      type: 'object',
      description:
        'Performance drift when labels are present: evaluate\'s metrics on the current window vs the reference.',
      additionalProperties: false,
      properties: {
        label: { type: 'string', minLength: 1 },
        prediction: { type: 'string', minLength: 1 },
        score: { type: 'string', minLength: 1 },
        positive: { type: ['string', 'number'] },
        threshold: { type: 'number', minimum: 0, maximum: 1 },
        task: { enum: ['binary', 'multiclass', 'regression'] },
        max_drop: regressionThresholds,
        min_rows: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;
