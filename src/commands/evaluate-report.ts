/**
 * Report assembly of an evaluation: the prediction scan's outputs become the statistics' input
 * (labels and predictions in one class order), and the statistics' result becomes the report.
 */
import {
  assertSameClasses,
  classWarnings,
  classifierPredictions,
  labelIndices,
  resolveClasses,
  type ClassifierOutputs,
  type LabelSource,
} from '../core/evaluation/classes.js';
import type { EvaluationInput, EvaluationResult } from '../core/evaluation/types.js';
import {
  EVALUATION_REPORT_SCHEMA,
  type EvaluationReport,
  type Fingerprint,
  type Task,
} from '../core/report/evaluation-report.js';
import type { LatencyProbe } from '../serve/latency-probe.js';
import type { EvaluateOptions } from './evaluate-options.js';
import type { PredictionScan, ScanSide } from './evaluate-scan.js';

const classifierOutputsOf = (s: ScanSide): ClassifierOutputs => ({
  file: s.model.file,
  ...(s.model.classes ? { classes: s.model.classes } : {}),
  k: s.k,
  proba: s.proba.view(),
  labels: s.labels.values(),
});

/** The statistics' input, and warnings about classes (never predicted, absent from the data). */
export function evaluationInputOf(
  scan: PredictionScan,
  task: Task,
  opts: EvaluateOptions,
  latency?: LatencyProbe,
): { input: EvaluationInput; warnings: string[] } {
  const [cand, base] = scan.sides as [ScanSide, ScanSide | undefined];
  const input: EvaluationInput = {
    task,
    yTrue: scan.yNum,
    candidate: { kind: 'regression', value: cand.value.view() },
    bootstrap: {
      resamples: opts.bootstrap?.resamples ?? 1000,
      seed: opts.bootstrap?.seed ?? 42,
      confidence: opts.bootstrap?.confidence ?? 0.95,
    },
    ...(latency
      ? {
          latencyMs: {
            candidate: latency.timings[0]!,
            ...(latency.timings[1] ? { baseline: latency.timings[1] } : {}),
          },
        }
      : {}),
    modelBytes: { candidate: cand.model.bytes, ...(base ? { baseline: base.model.bytes } : {}) },
    signatures: {
      candidate: cand.model.info.signature,
      ...(base ? { baseline: base.model.info.signature } : {}),
    },
    ...(opts.gates ? { gates: opts.gates } : {}),
    ...(opts.directions ? { directions: opts.directions } : {}),
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
    ...(opts.relativeTolerance !== undefined ? { relativeTolerance: opts.relativeTolerance } : {}),
    ...(opts.slices?.length ? { slices: scan.sliceValues } : {}),
  };
  if (task === 'regression') {
    if (base) input.baseline = { kind: 'regression', value: base.value.view() };
    return { input, warnings: [] };
  }
  const source: LabelSource = {
    data: opts.data,
    label: opts.label,
    ...(opts.task ? { requestedTask: opts.task } : {}),
  };
  const yRaw: (number | string)[] = scan.stringLabels ? scan.yStr : Array.from(scan.yNum);
  const candOut = classifierOutputsOf(cand);
  const classes = resolveClasses(candOut, yRaw, task, source);
  const yTrue = labelIndices(yRaw, classes, source);
  input.yTrue = yTrue;
  input.classes = classes;
  input.candidate = classifierPredictions(candOut, classes, scan.rows);
  if (base) {
    const baseOut = classifierOutputsOf(base);
    const bClasses = resolveClasses(baseOut, yRaw, task, source);
    assertSameClasses(classes, bClasses, base.model.file);
    input.baseline = classifierPredictions(baseOut, classes, scan.rows, bClasses);
  }
  return { input, warnings: classWarnings(classes, yTrue, input.candidate.label) };
}

/** The evaluation report: models, data set and the statistics' sections. */
export function evaluationReportOf(
  scan: PredictionScan,
  task: Task,
  opts: EvaluateOptions,
  input: EvaluationInput,
  result: EvaluationResult,
  dataset: Fingerprint,
  latency?: LatencyProbe,
): EvaluationReport {
  const [cand, base] = scan.sides.map((s) => s.model);
  return {
    schema: EVALUATION_REPORT_SCHEMA,
    model_name: opts.modelName ?? 'model',
    ...(opts.primaryMetric ? { primary_metric: opts.primaryMetric } : {}),
    task,
    candidate: {
      model: { path: opts.model, sha256: cand!.sha256, bytes: cand!.bytes },
      signature: cand!.info.signature,
      ...(opts.params ? { params: opts.params } : {}),
    },
    ...(base
      ? {
          baseline: {
            model: { path: opts.baseline!, sha256: base.sha256, bytes: base.bytes },
            signature: base.info.signature,
            source: opts.baselineSource ?? 'file',
            ...(opts.baselineVersion ? { version: opts.baselineVersion } : {}),
          },
        }
      : {}),
    dataset: {
      ...dataset,
      rows: scan.rows,
      label: opts.label,
      dropped_rows: scan.dropped,
      ...(opts.trainingData ? { training_data: opts.trainingData } : {}),
    },
    ...result,
    bootstrap: input.bootstrap,
    ...(latency
      ? {
          latency: {
            unit: 'ms' as const,
            requests: latency.requests,
            warmup: latency.warmup,
            method: latency.method,
          },
        }
      : {}),
  };
}
