/**
 * Gate evaluation: the policy from modelci.yaml against an evaluation's numbers. Pure; one
 * GateResult (one sentence) per configured gate. A gate that needs a baseline passes as
 * `skipped` when there is none (the report is candidate-only); a gate on a metric that was not
 * computed fails, since a budget nobody can check must not pass silently.
 */
import type { GatePolicy } from './policy.js';
import { directionOf, type Direction } from '../metrics/names.js';
import { metricUnit } from '../report/metric-units.js';
import type {
  GateResult,
  GateVerdict,
  MetricComparison,
  MetricValue,
  ModelSignature,
  SliceMetrics,
} from '../report/evaluation-report.js';
import { signatureDifferences } from './signature.js';
import {
  formatBytes,
  formatNumber as fmt,
  formatPClause,
  formatSigned,
} from '../report/number-format.js';
import { parseSize, parseThreshold, type Threshold } from './thresholds.js';

export interface GateInput {
  metrics: Record<string, MetricValue>;
  baseline_metrics?: Record<string, MetricValue>;
  comparison?: Record<string, MetricComparison>;
  slices?: SliceMetrics[];
  signatures?: { candidate: ModelSignature; baseline?: ModelSignature };
  directions?: Record<string, Direction>;
  /** Key path of the policy in modelci.yaml, for config errors (e.g. `models.churn.gates`). */
  path?: string;
}

export interface GateOutcome {
  verdict: GateVerdict;
  /** Slices flagged by the slice gate, as `column=value`. */
  regressedSlices: Set<string>;
}

/** Floating-point slack so that 0.90 − 0.89 ≤ 0.01 holds. */
const SLACK = 1e-12;

export function evaluateGates(policy: GatePolicy, input: GateInput): GateOutcome {
  const path = input.path ?? 'gates';
  const results: GateResult[] = [];
  const regressedSlices = new Set<string>();
  const dir = (m: string): Direction => directionOf(m, input.directions);
  const hasBaseline = input.baseline_metrics !== undefined;

  for (const [metric, threshold] of Object.entries(policy.min ?? {})) {
    results.push(bound('min', metric, threshold, input.metrics[metric]?.value));
  }
  for (const [metric, threshold] of Object.entries(policy.max ?? {})) {
    results.push(bound('max', metric, threshold, input.metrics[metric]?.value));
  }

  for (const [metric, raw] of Object.entries(policy.max_regression ?? {})) {
    const t = parseThreshold(raw, `${path}.max_regression.${metric}`);
    const gate = `max_regression.${metric}`;
    if (!hasBaseline) {
      results.push(skipped(gate, metric, `${metric}: no baseline to compare with`));
      continue;
    }
    const cand = input.metrics[metric]?.value;
    const base = input.baseline_metrics?.[metric]?.value;
    if (cand === undefined || base === undefined) {
      results.push(missing(gate, metric, cand === undefined ? 'candidate' : 'baseline'));
      continue;
    }
    results.push(regression(gate, metric, dir(metric), cand, base, t, ''));
  }

  if (policy.not_significantly_worse) {
    const alpha = policy.not_significantly_worse.alpha ?? 0.05;
    for (const metric of policy.not_significantly_worse.metrics) {
      const gate = `not_significantly_worse.${metric}`;
      const c = input.comparison?.[metric];
      if (!hasBaseline) {
        results.push(skipped(gate, metric, `${metric}: no baseline to compare with`));
      } else if (!c) {
        results.push(missing(gate, metric, 'comparison of'));
      } else {
        const worse = c.direction === 'higher' ? c.delta < 0 : c.delta > 0;
        const passed = !(worse && c.p_value < alpha);
        const how = `${metric} ${fmt(c.baseline)} -> ${fmt(c.candidate)} (Δ ${formatSigned(c.delta)}, ${formatPClause(c.p_value)}, ${c.test})`;
        results.push({
          gate,
          passed,
          metric,
          actual: c.p_value,
          threshold: alpha,
          reason: passed
            ? `${how}: not significantly worse at α = ${alpha}`
            : `${how}: significantly worse at α = ${alpha}`,
        });
      }
    }
  }

  if (policy.slices) {
    const minRows = policy.slices.min_rows ?? 30;
    for (const [metric, raw] of Object.entries(policy.slices.max_drop)) {
      const t = parseThreshold(raw, `${path}.slices.max_drop.${metric}`);
      const gate = `slices.max_drop.${metric}`;
      if (!hasBaseline) {
        results.push(skipped(gate, metric, `${metric} per slice: no baseline to compare with`));
        continue;
      }
      const failing: string[] = [];
      let checked = 0;
      let worst: { drop: number; key: string } | undefined;
      for (const s of input.slices ?? []) {
        const cand = s.metrics[metric]?.value;
        const base = s.comparison?.[metric]?.baseline;
        if (s.rows < minRows || cand === undefined || base === undefined) continue;
        checked++;
        const key = `${s.column}=${s.value}`;
        const r = regression(gate, metric, dir(metric), cand, base, t, ` on ${key}`);
        const drop = dir(metric) === 'higher' ? base - cand : cand - base;
        if (!worst || drop > worst.drop) worst = { drop, key };
        if (!r.passed) {
          regressedSlices.add(key);
          failing.push(`${key} (${s.rows} rows): ${fmt(base)} -> ${fmt(cand)}`);
        }
      }
      const limit = t.kind === 'relative' ? `${t.text} of the baseline` : t.text;
      results.push({
        gate,
        passed: failing.length === 0,
        metric,
        threshold: t.amount,
        ...(worst ? { actual: worst.drop } : {}),
        reason:
          failing.length === 0
            ? `${metric} drops by at most ${limit} in all ${checked} slices with ≥ ${minRows} rows`
            : `${metric} drops by more than ${limit} in ${failing.length} of ${checked} slices with ≥ ${minRows} rows: ${failing.join('; ')}`,
      });
    }
  }

  for (const [key, metric] of [
    ['latency_p50_ms', 'latency_p50'],
    ['latency_p95_ms', 'latency_p95'],
  ] as const) {
    const budget = policy[key];
    if (budget === undefined) continue;
    const v = input.metrics[metric]?.value;
    const gate = metric;
    if (v === undefined) {
      results.push(missing(gate, metric, 'candidate'));
      continue;
    }
    const passed = v <= budget + SLACK;
    results.push({
      gate,
      passed,
      metric,
      actual: v,
      threshold: budget,
      reason: `${metric} ${fmt(v)} ms ${passed ? '≤' : '>'} budget ${fmt(budget)} ms`,
    });
  }

  if (policy.max_size !== undefined) {
    const budget = parseSize(policy.max_size, `${path}.max_size`);
    const v = input.metrics.model_size_bytes?.value;
    if (v === undefined) {
      results.push(missing('model_size', 'model_size_bytes', 'candidate'));
    } else {
      const passed = v <= budget;
      results.push({
        gate: 'model_size',
        passed,
        metric: 'model_size_bytes',
        actual: v,
        threshold: budget,
        reason: `model size ${formatBytes(v, 'si')} ${passed ? '≤' : '>'} budget ${formatBytes(budget, 'si')}`,
      });
    }
  }

  if (policy.signature && policy.signature !== 'any') {
    const level = policy.signature;
    const sig = input.signatures;
    if (!sig?.baseline) {
      results.push(skipped('signature', undefined, 'signature: no baseline to compare with'));
    } else {
      const diffs = signatureDifferences(level, sig.baseline, sig.candidate);
      results.push({
        gate: 'signature',
        passed: diffs.length === 0,
        reason:
          diffs.length === 0
            ? `signature ${level === 'unchanged' ? 'unchanged' : 'compatible with the baseline'}`
            : `signature not ${level}: ${diffs.join('; ')}`,
      });
    }
  }

  const failed = results.filter((r) => !r.passed);
  const summary =
    results.length === 0
      ? 'No gates configured.'
      : failed.length === 0
        ? `All ${results.length} gates passed.`
        : `${failed.length} of ${results.length} gates failed: ${failed.map((r) => r.reason).join('; ')}.`;
  return { verdict: { passed: failed.length === 0, results, summary }, regressedSlices };
}

function bound(
  kind: 'min' | 'max',
  metric: string,
  threshold: number,
  v: number | undefined,
): GateResult {
  const gate = `${kind}.${metric}`;
  if (v === undefined) return missing(gate, metric, 'candidate');
  const passed = kind === 'min' ? v >= threshold - SLACK : v <= threshold + SLACK;
  const op = kind === 'min' ? (passed ? '≥' : '<') : passed ? '≤' : '>';
  const u = unitOf(metric);
  return {
    gate,
    passed,
    metric,
    actual: v,
    threshold,
    reason: `${metric} ${fmt(v)}${u} ${op} ${fmt(threshold)}${u}`,
  };
}

function regression(
  gate: string,
  metric: string,
  direction: Direction,
  cand: number,
  base: number,
  t: Threshold,
  where: string,
): GateResult {
  const worseBy = direction === 'higher' ? base - cand : cand - base;
  const allowed = t.kind === 'relative' ? t.amount * Math.abs(base) : t.amount;
  const passed = worseBy <= allowed + SLACK * Math.max(1, Math.abs(base));
  const u = unitOf(metric);
  const limit =
    t.kind === 'relative' ? `${t.text} of ${fmt(base)}${u} = ${fmt(allowed)}${u}` : `${t.text}${u}`;
  const change =
    worseBy > 0
      ? `worse by ${fmt(worseBy)}${u}`
      : worseBy < 0
        ? `better by ${fmt(-worseBy)}${u}`
        : 'unchanged';
  return {
    gate,
    passed,
    metric,
    actual: worseBy,
    threshold: allowed,
    reason: `${metric}${where} ${fmt(base)}${u} -> ${fmt(cand)}${u}: ${change}, ${passed ? 'within' : 'beyond'} the allowed ${limit}`,
  };
}

/** ` ms` after a latency value in a gate's sentence; nothing for unitless metrics. */
function unitOf(metric: string): string {
  const unit = metricUnit(metric);
  return unit ? ` ${unit}` : '';
}

function skipped(gate: string, metric: string | undefined, reason: string): GateResult {
  return {
    gate,
    passed: true,
    skipped: true,
    ...(metric ? { metric } : {}),
    reason: `${reason} (skipped)`,
  };
}

function missing(gate: string, metric: string, whose: string): GateResult {
  return {
    gate,
    passed: false,
    metric,
    reason: `${metric} was not computed for the ${whose} model (unknown metric, or the model gives no probabilities / timings)`,
  };
}
