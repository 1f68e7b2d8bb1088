/**
 * evaluatePredictions: metrics with bootstrap intervals, baseline comparison, confusion matrix,
 * slices and gates, in the shape of the evaluation report. Every engine (candidate, baseline,
 * each slice of each) is evaluated on the same resample counts, so intervals, paired differences
 * and slice intervals come from one set of draws.
 */
import { evaluateGates } from '../gates/evaluate-gates.js';
import { classificationEngine, confusionMatrix } from '../metrics/classification.js';
import type { MetricEngine } from '../metrics/engine.js';
import { latencyMetrics } from '../metrics/latency.js';
import { regressionEngine } from '../metrics/regression.js';
import type { MetricComparison, MetricValue, SliceMetrics } from '../report/evaluation-report.js';
import {
  bootstrapEngines,
  column,
  percentileInterval,
  type ResampleRange,
} from '../stats/bootstrap.js';
import { compareMetric, discordance, type Discordance } from './compare.js';
import type { EvaluationInput, EvaluationResult, Predictions } from './types.js';
import { validateInput } from './validate.js';

interface Group {
  rows: Uint32Array | null;
  candidate: MetricEngine;
  baseline?: MetricEngine;
  discordance?: Discordance;
  /** Filled by the bootstrap: resamples × names. */
  candBoot?: Float64Array;
  baseBoot?: Float64Array;
}

/** The engines of an evaluation (candidate, baseline, each slice of each), built once. */
export interface EvaluationPlan {
  k: number;
  total: Group;
  sliceGroups: { column: string; value: string; group: Group }[];
  /** Every engine in bootstrap order: per group, candidate then baseline. */
  engines: MetricEngine[];
}

/** Metrics with bootstrap intervals, comparison, slices and gates, all resamples on this thread. */
export function evaluatePredictions(input: EvaluationInput): EvaluationResult {
  const plan = planEvaluation(input);
  return summarizeEvaluation(plan, input, bootstrapPlan(plan, input));
}

/**
 * Bootstrap matrices of the resamples in `range` (default all), per engine of the plan: what
 * each thread of a parallel evaluation computes; concatenated in resample order they equal one
 * thread's.
 */
export function bootstrapPlan(
  plan: EvaluationPlan,
  input: EvaluationInput,
  range?: ResampleRange,
): Float64Array[] {
  if (input.bootstrap.resamples <= 0) return [];
  return bootstrapEngines(input.yTrue.length, plan.engines, input.bootstrap, range);
}

export function planEvaluation(input: EvaluationInput): EvaluationPlan {
  const k = validateInput(input);
  const pos = input.positiveClass ?? 1;

  const engineFor = (p: Predictions, rows: Uint32Array | null): MetricEngine => {
    if (p.kind === 'regression')
      return regressionEngine(input.yTrue as Float64Array, p.value, rows);
    return classificationEngine({
      task: input.task as 'binary' | 'multiclass',
      yTrue: input.yTrue as Int32Array,
      predictions: p,
      k,
      positive: pos,
      rows,
    });
  };
  const group = (rows: Uint32Array | null): Group => {
    const g: Group = { rows, candidate: engineFor(input.candidate, rows) };
    if (input.baseline) {
      g.baseline = engineFor(input.baseline, rows);
      if (input.candidate.kind === 'classification' && input.baseline.kind === 'classification') {
        g.discordance = discordance(
          input.yTrue as Int32Array,
          input.candidate.label,
          input.baseline.label,
          rows,
        );
      }
    }
    return g;
  };

  const total = group(null);
  const sliceGroups: { column: string; value: string; group: Group }[] = [];
  for (const [col, values] of Object.entries(input.slices ?? {})) {
    for (const [value, rows] of groupRows(values))
      sliceGroups.push({ column: col, value, group: group(rows) });
  }
  const groups = [total, ...sliceGroups.map((s) => s.group)];
  const engines = groups.flatMap((g) => (g.baseline ? [g.candidate, g.baseline] : [g.candidate]));
  return { k, total, sliceGroups, engines };
}

/** The report sections from a plan and its bootstrap matrices (one per engine, all resamples). */
export function summarizeEvaluation(
  plan: EvaluationPlan,
  input: EvaluationInput,
  mats: Float64Array[],
): EvaluationResult {
  const { k, total, sliceGroups } = plan;
  const boot = input.bootstrap;
  if (boot.resamples > 0) {
    let at = 0;
    for (const g of [total, ...sliceGroups.map((s) => s.group)]) {
      g.candBoot = mats[at++];
      if (g.baseline) g.baseBoot = mats[at++];
    }
  }

  const summarize = (g: Group) => {
    const metrics = metricValues(g.candidate, g.candBoot, boot.confidence);
    if (!g.baseline) return { metrics };
    const baseline_metrics = metricValues(g.baseline, g.baseBoot, boot.confidence);
    const comparison: Record<string, MetricComparison> = {};
    const names = g.candidate.names;
    const m = names.length;
    names.forEach((name, j) => {
      const c = metrics[name];
      const b = baseline_metrics[name];
      if (!c || !b) return;
      const deltas = new Float64Array(g.candBoot ? g.candBoot.length / m : 0);
      for (let r = 0; r < deltas.length; r++) {
        deltas[r] = (g.candBoot![r * m + j] as number) - (g.baseBoot![r * m + j] as number);
      }
      comparison[name] = compareMetric(name, c.value, b.value, deltas, g.discordance, {
        directions: input.directions,
        tolerance: input.tolerance,
        relativeTolerance: input.relativeTolerance,
        confidence: boot.confidence,
      });
    });
    return { metrics, baseline_metrics, comparison };
  };

  const top = summarize(total);
  const result: EvaluationResult = { metrics: top.metrics };
  if (input.latencyMs?.candidate.length)
    Object.assign(result.metrics, latencyMetrics(input.latencyMs.candidate, boot, 1));
  if (input.modelBytes) result.metrics.model_size_bytes = { value: input.modelBytes.candidate };
  if (input.baseline) {
    result.baseline_metrics = top.baseline_metrics!;
    result.comparison = top.comparison!;
    if (input.latencyMs?.baseline?.length) {
      Object.assign(result.baseline_metrics, latencyMetrics(input.latencyMs.baseline, boot, 2));
    }
    if (input.modelBytes?.baseline !== undefined) {
      result.baseline_metrics.model_size_bytes = { value: input.modelBytes.baseline };
    }
  }
  if (input.candidate.kind === 'classification') {
    result.confusion_matrix = {
      labels: input.classes ?? input.candidate.classes,
      matrix: confusionMatrix(input.yTrue as Int32Array, input.candidate.label, k),
    };
  }
  if (sliceGroups.length > 0) {
    result.slices = sliceGroups.map(({ column: col, value, group: g }): SliceMetrics => {
      const s = summarize(g);
      const out: SliceMetrics = { column: col, value, rows: g.candidate.size, metrics: s.metrics };
      if (s.comparison) out.comparison = s.comparison;
      return out;
    });
  }
  if (input.gates) {
    const { verdict, regressedSlices } = evaluateGates(input.gates, {
      metrics: result.metrics,
      baseline_metrics: result.baseline_metrics,
      comparison: result.comparison,
      slices: result.slices,
      signatures: input.signatures,
      directions: input.directions,
    });
    result.gates = verdict;
    for (const s of result.slices ?? []) {
      if (input.gates.slices && input.baseline)
        s.regressed = regressedSlices.has(`${s.column}=${s.value}`);
    }
  }
  return result;
}

/** Point values (metrics undefined on these rows are left out) with percentile intervals. */
export function metricValues(
  engine: MetricEngine,
  bootMatrix: Float64Array | undefined,
  confidence: number,
): Record<string, MetricValue> {
  const point = new Float64Array(engine.names.length);
  engine.compute(null, point);
  const out: Record<string, MetricValue> = {};
  engine.names.forEach((name, j) => {
    const v = point[j] as number;
    if (!Number.isFinite(v)) return;
    const mv: MetricValue = { value: v };
    if (bootMatrix) {
      const ci = percentileInterval(column(bootMatrix, engine.names.length, j), confidence);
      if (ci) mv.ci = ci;
    }
    out[name] = mv;
  });
  return out;
}

/** Row indices per slice value, in first-seen order; null values belong to no slice. */
function groupRows(values: readonly (string | null)[]): Map<string, Uint32Array> {
  const lists = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (v === null) return;
    let l = lists.get(v);
    if (!l) lists.set(v, (l = []));
    l.push(i);
  });
  return new Map([...lists].map(([v, l]) => [v, Uint32Array.from(l)]));
}
