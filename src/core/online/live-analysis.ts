/**
 * The analysis of an online experiment from the server's prediction log: traffic per arm with the
 * sample-ratio-mismatch test, a shadow's agreement with the answers on the same requests, the
 * canary's prediction shift against stable, and, with labels joined by request id, every metric of
 * evaluate per arm with the right test (paired for a shadow, two-sample for a canary split).
 */
import { ks2Samp } from '../drift/ks.js';
import { chiSquareContingency } from '../drift/chi-square.js';
import { ModelciError } from '../errors.js';
import { classIndex, type ClassValue } from '../evaluation/classes.js';
import { compareIndependent } from '../evaluation/compare.js';
import { evaluatePredictions, metricValues } from '../evaluation/evaluate.js';
import type { BootstrapOptions, Predictions } from '../evaluation/types.js';
import { classificationEngine } from '../metrics/classification.js';
import type { MetricEngine } from '../metrics/engine.js';
import { defaultPrimaryMetric, type Direction } from '../metrics/names.js';
import { regressionEngine } from '../metrics/regression.js';
import type { MetricComparison, MetricValue, Task } from '../report/evaluation-report.js';
import { effectiveVerdict } from '../report/verdict.js';
import type { LoggedRequest } from '../serve/prediction-rows.js';
import { bootstrapEngines } from '../stats/bootstrap.js';
import { quantile } from '../stats/quantile.js';
import { significanceLevel } from '../stats/significance.js';
import { wilsonInterval } from '../stats/wilson.js';
import {
  armRows,
  joinLabels,
  taskOf,
  type ArmRows,
  type LabelTable,
  type OutputColumns,
} from './arm-rows.js';
import {
  LIVE_REPORT_FORMAT,
  type ArmComparison,
  type ArmSummary,
  type Latency,
  type LiveReport,
  type PredictionShift,
  type ShadowAgreement,
} from './live-report.js';
import { sampleRatioTest } from './traffic.js';

export interface LiveAnalysisInput {
  model: string;
  /** The model's logged requests (every arm). */
  requests: readonly LoggedRequest[];
  files: string[];
  columns: OutputColumns;
  task?: Task;
  labels?: LabelTable;
  /** The canary share to test the split against; default, each request's logged `_weight`. */
  canaryWeight?: number;
  bootstrap: BootstrapOptions;
  primaryMetric?: string;
  directions?: Record<string, Direction>;
  tolerance?: number;
  relativeTolerance?: number;
}

const UNLABELLED = undefined;

function latencyOf(ms: number[]): Latency | null {
  if (!ms.length) return null;
  return {
    n: ms.length,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    p99: quantile(ms, 0.99),
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
  };
}

/** Class labels of the experiment in probability-column order (classification). */
function classesOf(arms: readonly ArmRows[], truth: readonly ClassValue[]): ClassValue[] {
  const k = arms.find((a) => a.proba?.length)?.proba?.[0]?.length;
  const seen = new Map<string, ClassValue>();
  for (const v of [...arms.flatMap((a) => a.predicted), ...truth])
    if (v !== null && v !== undefined && typeof v !== 'boolean') seen.set(String(v), v);
  const values = [...seen.values()];
  const numeric = values.every((v) => typeof v === 'number' || /^-?\d+$/.test(String(v)));
  // ArgMax outputs and integer labels name probability columns by index.
  if (k !== undefined && numeric && values.every((v) => Number(v) >= 0 && Number(v) < k))
    return Array.from({ length: k }, (_, i) => i);
  const sorted = numeric ? values.map(Number).sort((a, b) => a - b) : values.map(String).sort();
  if (k !== undefined && sorted.length !== k)
    throw new ModelciError(
      'DATA',
      `the log has ${k} probability columns but ${sorted.length} classes among the labels and predictions (${sorted.slice(0, 10).join(', ')})`,
      { hint: 'Give the probability columns with --probabilities, or none to use the labels only' },
    );
  return sorted;
}

/** An arm's predictions on the given rows (indices into the arm). */
function predictionsOf(
  arm: ArmRows,
  rows: readonly number[],
  task: Task,
  classes: ClassValue[],
): Predictions {
  if (task === 'regression')
    return {
      kind: 'regression',
      value: Float64Array.from(rows, (i) => Number(arm.predicted[i])),
    };
  const index = classIndex(classes);
  const k = classes.length;
  const proba = arm.proba ? new Float64Array(rows.length * k) : undefined;
  const label = new Int32Array(rows.length);
  rows.forEach((i, r) => {
    const p = arm.proba?.[i];
    if (proba && p) for (let j = 0; j < k; j++) proba[r * k + j] = p[j]!;
    const v = arm.predicted[i];
    let c = v === null || v === undefined ? undefined : index(v as ClassValue);
    if (c === undefined && p) c = p.indexOf(Math.max(...p));
    if (c === undefined || c < 0)
      throw new ModelciError(
        'DATA',
        `${arm.role} row ${i + 1}: predicted ${JSON.stringify(v)} is not one of the classes (${classes.join(', ')})`,
      );
    label[r] = c;
  });
  return { kind: 'classification', classes, label, ...(proba ? { proba } : {}) };
}

function engineFor(
  task: Task,
  yTrue: Int32Array | Float64Array,
  p: Predictions,
  k: number,
): MetricEngine {
  if (p.kind === 'regression') return regressionEngine(yTrue as Float64Array, p.value);
  return classificationEngine({
    task: task as 'binary' | 'multiclass',
    yTrue: yTrue as Int32Array,
    predictions: p,
    k,
    positive: 1,
  });
}

function truthArray(
  task: Task,
  values: ClassValue[],
  classes: ClassValue[],
): Int32Array | Float64Array {
  if (task === 'regression') return Float64Array.from(values, Number);
  const index = classIndex(classes);
  return Int32Array.from(values, (v) => {
    const c = index(v);
    if (c === undefined)
      throw new ModelciError(
        'DATA',
        `label ${JSON.stringify(v)} is not one of the classes the arms predict (${classes.join(', ')})`,
      );
    return c;
  });
}

/** Canary vs stable on their own labelled rows: two independent bootstraps, two-sample tests. */
function twoSample(
  input: LiveAnalysisInput,
  task: Task,
  classes: ClassValue[],
  base: { arm: ArmRows; rows: number[]; y: ClassValue[] },
  cand: { arm: ArmRows; rows: number[]; y: ClassValue[] },
  primary: string,
): ArmComparison {
  const k = classes.length;
  const bEngine = engineFor(
    task,
    truthArray(task, base.y, classes),
    predictionsOf(base.arm, base.rows, task, classes),
    k,
  );
  const cEngine = engineFor(
    task,
    truthArray(task, cand.y, classes),
    predictionsOf(cand.arm, cand.rows, task, classes),
    k,
  );
  const boot = input.bootstrap;
  const [bBoot] = boot.resamples
    ? bootstrapEngines(base.rows.length, [bEngine], boot)
    : [undefined];
  // Another stream for the other arm: the two resamplings are independent, as the samples are.
  const [cBoot] = boot.resamples
    ? bootstrapEngines(cand.rows.length, [cEngine], { ...boot, seed: boot.seed + 1 })
    : [undefined];
  const metrics = metricValues(cEngine, cBoot, boot.confidence);
  const baseline_metrics = metricValues(bEngine, bBoot, boot.confidence);
  const comparison: Record<string, MetricComparison> = {};
  const names = cEngine.names;
  names.forEach((name, j) => {
    const c = metrics[name];
    const b = baseline_metrics[name];
    if (!c || !b) return;
    const m = names.length;
    const deltas = new Float64Array(cBoot && bBoot ? boot.resamples : 0);
    for (let r = 0; r < deltas.length; r++) deltas[r] = cBoot![r * m + j]! - bBoot![r * m + j]!;
    comparison[name] = compareIndependent(
      name,
      c.value,
      b.value,
      deltas,
      { candidate: cand.rows.length, baseline: base.rows.length },
      comparisonOptions(input),
    );
  });
  return armComparison(
    base.arm.role,
    cand.arm.role,
    'two_sample',
    base.rows.length,
    cand.rows.length,
    metrics,
    baseline_metrics,
    comparison,
    primary,
    boot.confidence,
  );
}

/** Directions and tolerances of the verdicts, as evaluate's. */
function comparisonSettings(input: LiveAnalysisInput) {
  return {
    ...(input.directions ? { directions: input.directions } : {}),
    ...(input.tolerance !== undefined ? { tolerance: input.tolerance } : {}),
    ...(input.relativeTolerance !== undefined
      ? { relativeTolerance: input.relativeTolerance }
      : {}),
  };
}

function comparisonOptions(input: LiveAnalysisInput) {
  return { ...comparisonSettings(input), confidence: input.bootstrap.confidence };
}

function armComparison(
  baseline: string,
  candidate: string,
  design: ArmComparison['design'],
  baseRows: number,
  candRows: number,
  metrics: Record<string, MetricValue>,
  baseline_metrics: Record<string, MetricValue>,
  comparison: Record<string, MetricComparison>,
  primary: string,
  confidence: number,
): ArmComparison {
  const c = comparison[primary];
  return {
    baseline,
    candidate,
    design,
    rows: { baseline: baseRows, candidate: candRows },
    metrics,
    baseline_metrics,
    comparison,
    verdict: c ? effectiveVerdict(c, significanceLevel(confidence)) : 'unchanged',
  };
}

/**
 * The shadow's rows paired with stable's rows of the same requests: the shadow is judged against
 * the production model (rows a canary answered are left out of the pairing).
 */
function shadowPairs(
  stable: ArmRows,
  shadow: ArmRows,
): { pairs: { i: number; s: number }[]; missing: number } {
  const at = new Map<string, number>();
  stable.keys.forEach((key, i) => at.set(key, i));
  const pairs: { i: number; s: number }[] = [];
  const covered = new Set<string>();
  shadow.keys.forEach((key, s) => {
    const i = at.get(key);
    if (i === undefined) return;
    pairs.push({ i, s });
    covered.add(requestOf(key));
  });
  const requests = new Set(stable.keys.map(requestOf));
  return { pairs, missing: [...requests].filter((r) => !covered.has(r)).length };
}

const requestOf = (key: string) => key.slice(0, key.indexOf('\u0000'));

function agreementOf(
  task: Task,
  classes: ClassValue[],
  stable: ArmRows,
  shadow: ArmRows,
  pairs: { i: number; s: number }[],
  missing: number,
  confidence: number,
): ShadowAgreement {
  const requests = new Set(pairs.map((p) => requestOf(shadow.keys[p.s]!))).size;
  const out: ShadowAgreement = { requests, rows: pairs.length, missing };
  if (!pairs.length) return out;
  const diffs: number[] = [];
  if (task === 'regression') {
    for (const p of pairs)
      diffs.push(Math.abs(Number(shadow.predicted[p.s]) - Number(stable.predicted[p.i])));
    out.difference = summary('|Δ value|', diffs);
    return out;
  }
  const index = classIndex(classes);
  const labelOf = (arm: ArmRows, i: number): number => {
    const v = arm.predicted[i];
    const c = v === null || v === undefined ? undefined : index(v as ClassValue);
    if (c !== undefined) return c;
    const p = arm.proba?.[i];
    return p ? p.indexOf(Math.max(...p)) : -1;
  };
  const flips = new Map<string, number>();
  let same = 0;
  for (const p of pairs) {
    const a = labelOf(stable, p.i);
    const b = labelOf(shadow, p.s);
    if (a === b) same++;
    else {
      const key = `${String(classes[a] ?? '?')}\u0000${String(classes[b] ?? '?')}`;
      flips.set(key, (flips.get(key) ?? 0) + 1);
    }
    const pa = stable.proba?.[p.i];
    const pb = shadow.proba?.[p.s];
    if (pa && pb)
      diffs.push(
        task === 'binary'
          ? Math.abs(pb[1]! - pa[1]!)
          : pa.reduce((s, v, j) => s + Math.abs(pb[j]! - v), 0) / 2,
      );
  }
  out.label_agreement = same / pairs.length;
  const ci = wilsonInterval(same, pairs.length, confidence);
  if (ci) out.label_agreement_ci = ci;
  out.flips = pairs.length - same;
  out.flip_table = [...flips]
    .map(([key, rows]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, rows };
    })
    .sort((a, b) => b.rows - a.rows || (a.from + a.to < b.from + b.to ? -1 : 1));
  if (diffs.length)
    out.difference = summary(task === 'binary' ? '|Δ p(positive)|' : 'total variation', diffs);
  return out;
}

function summary(measure: string, values: number[]) {
  return {
    measure,
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    p95: quantile(values, 0.95),
    max: Math.max(...values),
  };
}

/** Did the canary's answers move against stable's (other requests: a two-sample test)? */
function predictionShift(
  task: Task,
  classes: ClassValue[],
  stable: ArmRows,
  canary: ArmRows,
  alpha: number,
): PredictionShift | null {
  if (!stable.keys.length || !canary.keys.length) return null;
  if (task === 'regression') {
    const a = Float64Array.from(stable.predicted, Number).sort();
    const b = Float64Array.from(canary.predicted, Number).sort();
    const r = ks2Samp(a, b);
    return {
      test: 'ks',
      statistic: r.statistic,
      p_value: r.pValue,
      shifted: r.pValue < alpha,
    };
  }
  const all = [...Array(stable.keys.length).keys()];
  const sLabels = (predictionsOf(stable, all, task, classes) as { label: Int32Array }).label;
  const cLabels = (
    predictionsOf(canary, [...Array(canary.keys.length).keys()], task, classes) as {
      label: Int32Array;
    }
  ).label;
  const count = (labels: Int32Array) => {
    const out = new Array<number>(classes.length).fill(0);
    for (const c of labels) out[c]!++;
    return out;
  };
  const s = count(sLabels);
  const c = count(cLabels);
  // Only classes either arm predicted: a category nobody predicts has no expected count.
  const used = classes.map((_, j) => j).filter((j) => s[j]! + c[j]! > 0);
  const r = chiSquareContingency(
    used.map((j) => s[j]!),
    used.map((j) => c[j]!),
  );
  return {
    test: 'chi_square',
    statistic: r.statistic,
    p_value: r.pValue,
    shifted: r.pValue < alpha,
    distribution: used.map((j) => ({
      label: String(classes[j]),
      stable: s[j]! / sLabels.length,
      canary: c[j]! / cLabels.length,
    })),
  };
}

/** The whole analysis; pure. */
export function analyzeLive(input: LiveAnalysisInput): LiveReport {
  const problems: string[] = [];
  const arms = armRows(input.requests, input.columns);
  const task = taskOf(arms, input.task);
  const primary = input.primaryMetric ?? defaultPrimaryMetric(task);
  const alpha = significanceLevel(input.bootstrap.confidence);
  const byRole = (role: string) => arms.find((a) => a.role === role);
  const stable = byRole('stable');
  const canary = byRole('canary');
  const shadow = byRole('shadow');
  const answeredRequests = input.requests.filter((r) => r.role === 'stable' || r.role === 'canary');
  if (!answeredRequests.length) problems.push('no answered (stable or canary) requests in the log');

  const joined = input.labels ? joinLabels(arms, input.labels) : undefined;
  const truthValues = joined
    ? [...joined.truth.values()].flat().filter((v) => v !== UNLABELLED)
    : [];
  const classes = task === 'regression' ? [] : classesOf(arms, truthValues as ClassValue[]);

  const summaries: ArmSummary[] = arms.map((arm) => ({
    role: arm.role,
    versions: arm.versions,
    requests: arm.requests,
    rows: arm.keys.length,
    share:
      arm.role === 'shadow' || !answeredRequests.length
        ? null
        : arm.requests / answeredRequests.length,
    latency: latencyOf(arm.ms),
    labelled: joined ? joined.truth.get(arm)!.filter((v) => v !== UNLABELLED).length : 0,
  }));

  const srm = canary ? sampleRatioTest(answeredRequests, input.canaryWeight) : null;
  if (srm?.mismatch)
    problems.push(
      `sample ratio mismatch: the canary got ${canary!.requests} of ${answeredRequests.length} answered requests, not the share it was routed (p = ${srm.p_value.toExponential(2)}); fix the assignment before reading the comparison`,
    );

  let shadowAgreement: ShadowAgreement | null = null;
  let pairs: { i: number; s: number }[] = [];
  if (shadow && stable) {
    const paired = shadowPairs(stable, shadow);
    pairs = paired.pairs;
    shadowAgreement = agreementOf(
      task,
      classes,
      stable,
      shadow,
      pairs,
      paired.missing,
      input.bootstrap.confidence,
    );
    if (paired.missing)
      problems.push(
        `${paired.missing} request(s) stable answered have no shadow run (dropped when the shadow queue was full, or failed: see modelci_serve_shadow_runs_total)`,
      );
  }

  const comparisons: ArmComparison[] = [];
  if (joined) {
    const labelled = (arm: ArmRows) => {
      const y = joined.truth.get(arm)!;
      const rows: number[] = [];
      const values: ClassValue[] = [];
      y.forEach((v, i) => {
        if (v === UNLABELLED) return;
        rows.push(i);
        values.push(v);
      });
      return { arm, rows, y: values };
    };
    if (stable && canary) {
      const b = labelled(stable);
      const c = labelled(canary);
      if (b.rows.length && c.rows.length)
        comparisons.push(twoSample(input, task, classes, b, c, primary));
      else problems.push('no labelled rows in the stable or the canary arm: no canary comparison');
    }
    if (stable && shadow && pairs.length) {
      const shadowTruth = joined.truth.get(shadow)!;
      const use = pairs.filter((p) => shadowTruth[p.s] !== UNLABELLED);
      if (use.length) {
        const result = evaluatePredictions({
          task,
          yTrue: truthArray(
            task,
            use.map((p) => shadowTruth[p.s]!),
            classes,
          ),
          ...(task === 'regression' ? {} : { classes }),
          candidate: predictionsOf(
            shadow,
            use.map((p) => p.s),
            task,
            classes,
          ),
          baseline: predictionsOf(
            stable,
            use.map((p) => p.i),
            task,
            classes,
          ),
          bootstrap: input.bootstrap,
          ...comparisonSettings(input),
        });
        comparisons.push(
          armComparison(
            'stable',
            'shadow',
            'paired',
            use.length,
            use.length,
            result.metrics,
            result.baseline_metrics ?? {},
            result.comparison ?? {},
            primary,
            input.bootstrap.confidence,
          ),
        );
      } else problems.push('no labelled rows the shadow ran on: no shadow comparison');
    }
    if (joined.unmatched.length)
      problems.push(
        `${joined.unmatched.length} label(s) match no logged request (e.g. ${joined.unmatched
          .slice(0, 3)
          .map((k) => JSON.stringify(k))
          .join(', ')})`,
      );
  }

  const timestamps = input.requests.flatMap((r) =>
    typeof r.rows[0]?._ts === 'string' ? [r.rows[0]._ts] : [],
  );
  const sortedTs = [...timestamps].sort();
  return {
    format: LIVE_REPORT_FORMAT,
    model: input.model,
    task,
    primary_metric: primary,
    window: { from: sortedTs[0] ?? null, to: sortedTs.at(-1) ?? null },
    log: {
      files: input.files,
      requests: input.requests.length,
      rows: input.requests.reduce((n, r) => n + r.rows.length, 0),
    },
    arms: summaries,
    traffic: {
      answered: answeredRequests.length,
      canary_share:
        canary && answeredRequests.length ? canary.requests / answeredRequests.length : null,
      srm,
    },
    shadow: shadowAgreement,
    prediction_shift:
      stable && canary ? predictionShift(task, classes, stable, canary, alpha) : null,
    labels:
      input.labels && joined
        ? {
            file: input.labels.file,
            column: input.labels.column,
            join: input.labels.join,
            rows: input.labels.rows,
            matched: input.labels.byKey.size - joined.unmatched.length,
            unmatched: joined.unmatched.length,
            unmatched_examples: joined.unmatched.slice(0, 10),
          }
        : null,
    comparisons,
    alpha,
    bootstrap: input.bootstrap,
    problems,
  };
}
