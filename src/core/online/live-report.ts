/** The report of an online experiment (`modelci compare-live`): JSON `modelci/live-comparison@1`. */
import type { MetricComparison, MetricValue, Task } from '../report/evaluation-report.js';
import type { SampleRatioTest } from './traffic.js';

export const LIVE_REPORT_FORMAT = 'modelci/live-comparison@1';

export interface Latency {
  /** Requests with a time. */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface ArmSummary {
  /** stable, canary (answered) or shadow (ran beside the answer). */
  role: string;
  versions: string[];
  requests: number;
  rows: number;
  /** Share of the answered requests (stable + canary); null for a shadow. */
  share: number | null;
  /** Server milliseconds per request (a shadow: its run only). */
  latency: Latency | null;
  /** Rows with a true label joined. */
  labelled: number;
}

/** A shadow against the answers of the same requests, row by row (no labels needed). */
export interface ShadowAgreement {
  /** Answered requests the shadow ran on, and their rows. */
  requests: number;
  rows: number;
  /** Answered requests without a shadow run (dropped or failed: see the server's metrics). */
  missing: number;
  /** Classification: share of rows with the same predicted label, with its Wilson interval. */
  label_agreement?: number;
  label_agreement_ci?: [number, number];
  /** Rows whose label differs, and how: `from` (the answer) → `to` (the shadow). */
  flips?: number;
  flip_table?: { from: string; to: string; rows: number }[];
  /** |Δ| of the positive-class probability (binary), total variation distance (multiclass), |Δ| of the value (regression). */
  difference?: { measure: string; mean: number; p95: number; max: number };
}

/** Canary predictions against stable predictions on other requests: did the answers move? */
export interface PredictionShift {
  test: 'chi_square' | 'ks';
  statistic: number;
  p_value: number;
  /** p < α. */
  shifted: boolean;
  /** Classification: share of each predicted label per arm. */
  distribution?: { label: string; stable: number; canary: number }[];
}

/** One arm against another on labelled rows. */
export interface ArmComparison {
  baseline: string;
  candidate: string;
  /** Same rows (a shadow and the answers) or two samples (a canary split). */
  design: 'paired' | 'two_sample';
  rows: { baseline: number; candidate: number };
  metrics: Record<string, MetricValue>;
  baseline_metrics: Record<string, MetricValue>;
  comparison: Record<string, MetricComparison>;
  /** The primary metric's verdict at α, significance respected. */
  verdict: 'better' | 'worse' | 'unchanged';
}

export interface LiveReport {
  format: typeof LIVE_REPORT_FORMAT;
  model: string;
  task: Task;
  primary_metric: string;
  /** Logged time span: first and last `_ts`. */
  window: { from: string | null; to: string | null };
  log: { files: string[]; requests: number; rows: number };
  arms: ArmSummary[];
  traffic: { answered: number; canary_share: number | null; srm: SampleRatioTest | null };
  shadow: ShadowAgreement | null;
  prediction_shift: PredictionShift | null;
  labels: {
    file: string;
    column: string;
    join: string;
    rows: number;
    matched: number;
    /** Label ids that matched no logged request: counted, never silently dropped. */
    unmatched: number;
    unmatched_examples: string[];
  } | null;
  /** canary vs stable (two samples), shadow vs the answers (paired); with labels only. */
  comparisons: ArmComparison[];
  /** α of every test and verdict: 1 - confidence. */
  alpha: number;
  bootstrap: { resamples: number; seed: number; confidence: number };
  problems: string[];
}
