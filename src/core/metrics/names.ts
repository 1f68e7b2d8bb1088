/** Metric names (scikit-learn's where one exists) and which direction is better. */
export type Direction = 'higher' | 'lower';

export const BINARY_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
  'roc_auc',
  'pr_auc',
  'log_loss',
  'brier',
] as const;

export const MULTICLASS_METRICS = [
  'accuracy',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
  'roc_auc',
  'pr_auc',
  'log_loss',
  'brier',
] as const;

export const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'] as const;

/** Metrics that need class probabilities (absent for label-only classifiers). */
export const PROBABILITY_METRICS: ReadonlySet<string> = new Set([
  'roc_auc',
  'pr_auc',
  'log_loss',
  'brier',
]);

const LOWER_IS_BETTER: ReadonlySet<string> = new Set([
  'log_loss',
  'brier',
  'rmse',
  'mae',
  'mape',
  'mse',
  'latency_p50',
  'latency_p95',
  'model_size_bytes',
]);

/** The better direction of a metric: `overrides` first, then the built-in table; else higher. */
export function directionOf(metric: string, overrides?: Record<string, Direction>): Direction {
  const o = overrides?.[metric];
  if (o) return o;
  return LOWER_IS_BETTER.has(metric) ? 'lower' : 'higher';
}

/** The metric a model is judged by when the config names none (drift's checked metric too). */
export function defaultPrimaryMetric(task: 'binary' | 'multiclass' | 'regression'): string {
  return task === 'regression' ? 'rmse' : 'accuracy';
}
