/**
 * The contract between inference (src/onnx, src/commands/evaluate) and the pure statistics
 * (src/core/metrics, src/core/stats, src/core/gates): predictions in, report sections out.
 * `evaluatePredictions(input: EvaluationInput): EvaluationResult` lives in ./evaluate.ts.
 */
import type { GatePolicy } from '../gates/policy.js';
import type { EvaluationReport, ModelSignature, Task } from '../report/evaluation-report.js';

export type { GatePolicy, ModelSignature, Task };

/** Class labels are indices 0..k-1 into `classes`. */
export interface ClassifierPredictions {
  kind: 'classification';
  classes: (string | number)[];
  /** Predicted class index per row. */
  label: Int32Array;
  /** Class probabilities, rows × k, row-major (k = 2 for binary too); absent for label-only models. */
  proba?: Float64Array;
}

export interface RegressorPredictions {
  kind: 'regression';
  value: Float64Array;
}

export type Predictions = ClassifierPredictions | RegressorPredictions;

export interface BootstrapOptions {
  /** Number of resamples; 0 skips intervals and paired bootstrap tests. */
  resamples: number;
  seed: number;
  /** Interval level, e.g. 0.95. */
  confidence: number;
}

export interface EvaluationInput {
  task: Task;
  /** Class index per row (classification) or the target value (regression). */
  yTrue: Int32Array | Float64Array;
  /** Classification: names of the class indices (defaults to candidate.classes). */
  classes?: (string | number)[];
  /** Binary: index of the positive class (default 1). */
  positiveClass?: number;
  candidate: Predictions;
  /** Same rows, same order as the candidate. */
  baseline?: Predictions;
  /** Slice column -> value per row (null = missing; such rows belong to no slice). */
  slices?: Record<string, (string | null)[]>;
  /** Per-batch or per-row timings in milliseconds. */
  latencyMs?: { candidate: number[]; baseline?: number[] };
  modelBytes?: { candidate: number; baseline?: number };
  bootstrap: BootstrapOptions;
  /** Overrides of the default metric directions (higher/lower is better), by metric name. */
  directions?: Record<string, 'higher' | 'lower'>;
  /** Absolute change at or below which a metric is `unchanged` (default 0). */
  tolerance?: number;
  /** Relative change (fraction of |baseline|) at or below which a metric is `unchanged`. */
  relativeTolerance?: number;
  /** From modelci.yaml `models.<m>.gates`. */
  gates?: GatePolicy;
  signatures?: { candidate: ModelSignature; baseline?: ModelSignature };
}

/** The sections of the evaluation report that the statistics compute. */
export type EvaluationResult = Pick<
  EvaluationReport,
  'metrics' | 'baseline_metrics' | 'comparison' | 'confusion_matrix' | 'slices' | 'gates'
>;
