import type { ValidationReport } from '../contract/report.js';

/**
 * The evaluation report (`modelci evaluate --json`, the evaluate action's `report` file): what the
 * comment renders, what register records, what gates read. Versioned: readers check `schema`.
 * Draft contract shared by the evaluate, comment and registry work; extend, do not rename.
 */
export const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1' as const;

export type Task = 'binary' | 'multiclass' | 'regression';

export interface TensorSpec {
  name: string;
  /** ONNX element type name: float, double, int64, string, ... */
  type: string;
  /** Dimensions; a string or null for symbolic/unknown (e.g. batch). */
  shape: (number | string | null)[];
}

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

export interface Fingerprint {
  path: string;
  sha256: string;
  bytes: number;
  rows?: number;
}

export interface MetricValue {
  value: number;
  /** 95% bootstrap interval [low, high], when computed. */
  ci?: [number, number];
  /** Latency metrics: how many timings (batches) the percentile is over. */
  timings?: number;
}

export interface MetricComparison {
  baseline: number;
  candidate: number;
  delta: number;
  /** delta / |baseline|; null when the baseline is 0. */
  relative_delta: number | null;
  /** Interval of the difference (candidate - baseline): paired, or of two independent samples. */
  ci_delta?: [number, number];
  /** Paired on the same rows (mcnemar, paired_bootstrap) or two samples (a canary split). */
  test: 'mcnemar' | 'paired_bootstrap' | 'two_proportion_z' | 'two_sample_bootstrap';
  p_value: number;
  /** p_value < α = 1 - bootstrap.confidence (absent in reports written before it existed). */
  significant?: boolean;
  /**
   * better / worse when the change is beyond the tolerance in the metric's direction AND
   * significant; otherwise unchanged (the direction is in delta).
   */
  verdict: 'better' | 'worse' | 'unchanged';
  direction: 'higher' | 'lower';
}

export interface SliceMetrics {
  column: string;
  value: string;
  rows: number;
  metrics: Record<string, MetricValue>;
  /** Per metric vs the baseline on the same slice, when there is a baseline. */
  comparison?: Record<string, MetricComparison>;
  /** True when a slice gate flags this slice. */
  regressed?: boolean;
}

export interface GateResult {
  /** Gate id, e.g. `min.roc_auc`, `max_regression.accuracy`, `latency_p95`, `signature`. */
  gate: string;
  passed: boolean;
  /** One human sentence, e.g. "roc_auc 0.912 ≥ 0.9". */
  reason: string;
  metric?: string;
  actual?: number;
  threshold?: number;
  /** True when the gate could not apply (e.g. needs a baseline and there is none); counts as passed. */
  skipped?: boolean;
}

export interface GateVerdict {
  passed: boolean;
  results: GateResult[];
  /** One human sentence: "All 5 gates passed." / "2 of 5 gates failed: <reasons>." */
  summary?: string;
}

export interface EvaluationReport {
  schema: typeof EVALUATION_REPORT_SCHEMA;
  model_name: string;
  task: Task;
  /** The model's primary metric (config `primary_metric`), which the comment leads with. */
  primary_metric?: string;
  candidate: { model: Fingerprint; signature: ModelSignature; params?: Record<string, unknown> };
  baseline?: {
    model: Fingerprint;
    signature: ModelSignature;
    source: string;
    version?: string;
    params?: Record<string, unknown>;
    /** The baseline's training data, when its registry record has it (for the model diff). */
    training_data?: Fingerprint;
  };
  dataset: Fingerprint & { label: string; dropped_rows: number; training_data?: Fingerprint };
  metrics: Record<string, MetricValue>;
  baseline_metrics?: Record<string, MetricValue>;
  comparison?: Record<string, MetricComparison>;
  confusion_matrix?: { labels: (string | number)[]; matrix: number[][] };
  slices?: SliceMetrics[];
  gates?: GateVerdict;
  /** The data contract checks of the evaluation (and training) data, when the model has a contract. */
  data_checks?: ValidationReport;
  bootstrap: { resamples: number; seed: number; confidence: number };
  /** How latency_p50/latency_p95 (ms) were measured; absent when they were not. */
  latency?: LatencyMethod;
}

export interface LatencyMethod {
  unit: 'ms';
  /** Single-row requests timed one by one, per model, after `warmup` untimed ones. */
  requests: number;
  warmup: number;
  method: string;
}
