// The options and result of runEvaluate, apart from it: the scan and the report assembly read them
// too, and importing them from evaluate.ts would close an import cycle.
import type { GatePolicy } from '../config/schema/gates.js';
import type { EvaluationReport, Fingerprint, Task } from '../core/report/evaluation-report.js';

/** Everything `modelci evaluate` and the evaluate action need; both build this and call runEvaluate. */
export interface EvaluateOptions {
  model: string;
  data: string;
  label: string;
  task?: Task;
  /** Baseline model file (e.g. the registry's production version, resolved by the caller). */
  baseline?: string;
  /** Where the baseline came from, for the report: `file`, `registry:production@1.2.0`... */
  baselineSource?: string;
  baselineVersion?: string;
  modelName?: string;
  /** The model's primary metric (config `primary_metric`): recorded for the comment to lead with. */
  primaryMetric?: string;
  /** Feature columns in model order (default: every column but the label). */
  features?: string[];
  /** Columns to compute per-value metrics for. */
  slices?: string[];
  /** Drop rows with missing/invalid values (counted in the report) instead of failing. */
  dropInvalid?: boolean;
  batchSize?: number;
  bootstrap?: { resamples?: number; seed?: number; confidence?: number };
  gates?: GatePolicy;
  directions?: Record<string, 'higher' | 'lower'>;
  tolerance?: number;
  relativeTolerance?: number;
  params?: Record<string, unknown>;
  trainingData?: Fingerprint;
  /**
   * Record the candidate's answers to the first rows as deploy smoke samples (modelci/smoke-samples@1,
   * one inference request and its outputs per line), so a deployment can check it serves the same.
   */
  smokeSamples?: { file: string; count?: number };
  /** Threads for the bootstrap (default: MODELCI_THREADS, else the cores for large evaluations). */
  threads?: number;
  /**
   * Single-row requests (the first rows) timed one by one against an in-process `modelci serve`
   * for latency_p50/latency_p95 (default 100; 0: latency is not measured).
   */
  latencyRequests?: number;
}

export interface EvaluateResult {
  report: EvaluationReport;
  /** The smoke samples file written, and how many samples it holds. */
  smokeSamples?: { file: string; count: number };
  /** Things a user should know that do not stop the evaluation (unpredicted classes, dropped rows). */
  warnings: string[];
}
