/**
 * The progressive canary of `modelci deploy` (`environments.<env>.rollout`), as pure logic: the
 * plan, what the server's metrics say about each arm during a step, and the checks that decide
 * whether the canary goes on. The loop that loads, waits and records lives in commands/rollout.ts.
 */
import type { PredictionShift, ArmComparison } from '../online/live-report.js';
import { formatNumber, formatShare } from '../report/number-format.js';
import type { ExpositionSample } from '../serve/exposition-parse.js';

/** `environments.<env>.rollout` with its defaults applied. */
export interface RolloutSettings {
  /** Canary shares in percent, ascending; the canary is promoted after the last. */
  steps: number[];
  intervalMs: number;
  /** Canary requests a step needs before it decides; it waits up to 5 intervals for them. */
  minRequests: number;
  /** Largest share of canary requests answered 5xx. */
  maxErrorRatio: number;
  /** Canary p95 latency at most this times stable's, plus `latencySlackMs`. */
  latencyP95Ratio: number;
  latencySlackMs: number;
  /** Fail a step when the canary's predictions shift from stable's (needs the prediction log). */
  predictionShift: boolean;
  /** α over the whole rollout; each look (step) tests at α / steps. */
  alpha: number;
  /** The server's prediction log, for the prediction shift and the A/B verdict. */
  log?: string;
  /** Labels joined by request id, for the A/B verdict. */
  labels?: { file: string; join: string; label?: string };
}

export interface RolloutPlan {
  steps: { percent: number; weight: number }[];
  intervalMs: number;
  looks: number;
  /** α of each look (Bonferroni over the looks). */
  alphaPerLook: number;
  checks: string[];
}

export function rolloutPlan(s: RolloutSettings): RolloutPlan {
  const looks = s.steps.length;
  const alphaPerLook = s.alpha / looks;
  const checks = [
    `canary 5xx ratio ≤ ${formatShare(s.maxErrorRatio)}`,
    `canary p95 latency ≤ ${formatNumber(s.latencyP95Ratio, 3)} × stable's + ${formatNumber(s.latencySlackMs, 3)} ms`,
    `at least ${s.minRequests} canary requests per step (waits up to 5 intervals)`,
  ];
  if (s.predictionShift && s.log)
    checks.push(`no prediction shift against stable at α = ${formatNumber(alphaPerLook, 3)}`);
  if (s.labels && s.log)
    checks.push(
      `A/B on labels (${s.labels.file}): not worse on the primary metric at α = ${formatNumber(alphaPerLook, 3)}`,
    );
  return {
    steps: s.steps.map((percent) => ({ percent, weight: percent / 100 })),
    intervalMs: s.intervalMs,
    looks,
    alphaPerLook,
    checks,
  };
}

/** The plan as lines for `--dry-run`. */
export function renderRolloutPlan(
  plan: RolloutPlan,
  o: { model: string; version: string; stable: string | undefined; url: string },
): string {
  const lines = [
    `Progressive rollout of ${o.model} ${o.version} at ${o.url}${o.stable ? ` (stable: ${o.stable})` : ' (no version answers there yet: it would be deployed directly)'}:`,
    ...plan.steps.map(
      (s, i) =>
        `  step ${i + 1}/${plan.steps.length}: canary ${formatNumber(s.percent, 3)}% for ${formatNumber(plan.intervalMs / 1000, 3)} s, then check`,
    ),
    `  then: promote ${o.version} to stable and remove the canary; any failed check sets the canary weight to 0 and fails the deployment`,
    `Checks at each step (${plan.looks} looks, α ${formatNumber(plan.alphaPerLook, 3)} each):`,
    ...plan.checks.map((c) => `  - ${c}`),
  ];
  return lines.join('\n') + '\n';
}

/** What the server counted for one arm of one model. */
export interface ArmCounters {
  requests: number;
  /** Answers with a 5xx status (the server's fault, not the client's). */
  serverErrors: number;
  /** Cumulative latency buckets of successful answers: upper bound (s) → count. */
  buckets: Map<number, number>;
}

const empty = (): ArmCounters => ({ requests: 0, serverErrors: 0, buckets: new Map() });

/** Stable and canary counters of `model` from a scrape of the server's /metrics. */
export function armCounters(
  samples: readonly ExpositionSample[],
  model: string,
): { stable: ArmCounters; canary: ArmCounters } {
  const arms = { stable: empty(), canary: empty() };
  for (const s of samples) {
    if (s.labels.model !== model) continue;
    const arm =
      s.labels.role === 'canary'
        ? arms.canary
        : s.labels.role === 'stable'
          ? arms.stable
          : undefined;
    if (!arm) continue;
    if (s.name === 'modelci_serve_requests_total') {
      arm.requests += s.value;
      if (Number(s.labels.code) >= 500 && s.labels.code !== '499') arm.serverErrors += s.value;
    } else if (
      s.name === 'modelci_serve_request_duration_seconds_bucket' &&
      s.labels.code === '200'
    ) {
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      arm.buckets.set(le, (arm.buckets.get(le) ?? 0) + s.value);
    }
  }
  return arms;
}

/** What happened between two scrapes. */
export function counterDelta(after: ArmCounters, before: ArmCounters): ArmCounters {
  const buckets = new Map<number, number>();
  for (const [le, n] of after.buckets) buckets.set(le, n - (before.buckets.get(le) ?? 0));
  return {
    requests: after.requests - before.requests,
    serverErrors: after.serverErrors - before.serverErrors,
    buckets,
  };
}

/**
 * The q-quantile of a cumulative histogram as Prometheus' histogram_quantile computes it: linear
 * within the bucket that holds the rank, the lower bound of the first bucket taken as 0; the
 * highest finite bound when the rank is in +Inf. NaN without observations.
 */
export function histogramQuantile(q: number, buckets: ReadonlyMap<number, number>): number {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (!total) return NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, count] of sorted) {
    if (count >= rank) {
      if (le === Infinity) return lowerBound;
      // Prometheus' order of operations, so the float result is the same as histogram_quantile's.
      return lowerBound + (le - lowerBound) * ((rank - lowerCount) / (count - lowerCount));
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}

export interface StepCheck {
  name: 'traffic' | 'error_ratio' | 'latency_p95' | 'prediction_shift' | 'ab';
  passed: boolean;
  detail: string;
}

/** The checks of one step from the arms' counters over the step (and the log's analysis). */
export function stepChecks(
  s: RolloutSettings,
  step: { stable: ArmCounters; canary: ArmCounters },
  log:
    | {
        shift?: PredictionShift | null;
        ab?: ArmComparison | undefined;
        primary?: string;
        alpha: number;
        /** Why the log could not be analysed: the step fails. */
        error?: string;
      }
    | undefined,
): StepCheck[] {
  const { stable, canary } = step;
  const out: StepCheck[] = [];
  out.push({
    name: 'traffic',
    passed: canary.requests >= s.minRequests,
    detail: `${canary.requests} canary and ${stable.requests} stable requests (at least ${s.minRequests} canary needed)`,
  });
  const ratio = canary.requests ? canary.serverErrors / canary.requests : 0;
  const stableRatio = stable.requests ? stable.serverErrors / stable.requests : 0;
  out.push({
    name: 'error_ratio',
    passed: ratio <= s.maxErrorRatio,
    detail: `canary 5xx ${formatShare(ratio)} (stable ${formatShare(stableRatio)}; limit ${formatShare(s.maxErrorRatio)})`,
  });
  const p95 = histogramQuantile(0.95, canary.buckets) * 1000;
  const stableP95 = histogramQuantile(0.95, stable.buckets) * 1000;
  if (Number.isFinite(p95) && Number.isFinite(stableP95)) {
    const limit = stableP95 * s.latencyP95Ratio + s.latencySlackMs;
    out.push({
      name: 'latency_p95',
      passed: p95 <= limit,
      detail: `canary p95 ${formatNumber(p95, 3)} ms vs stable ${formatNumber(stableP95, 3)} ms (limit ${formatNumber(limit, 3)} ms)`,
    });
  }
  if (log?.error)
    out.push({
      name: 'prediction_shift',
      passed: false,
      detail: `the prediction log could not be analysed: ${log.error}`,
    });
  if (log?.shift && s.predictionShift)
    out.push({
      name: 'prediction_shift',
      passed: log.shift.p_value >= log.alpha,
      detail: `predictions ${log.shift.p_value < log.alpha ? 'shifted' : 'did not shift'} against stable (${log.shift.test === 'ks' ? 'KS' : 'χ²'} p = ${formatNumber(log.shift.p_value, 2)}, α ${formatNumber(log.alpha, 3)})`,
    });
  if (log?.ab) {
    const primary = log.primary ?? Object.keys(log.ab.comparison)[0];
    const c = primary ? log.ab.comparison[primary] : undefined;
    out.push({
      name: 'ab',
      passed: log.ab.verdict !== 'worse',
      detail: c
        ? `${primary} canary ${formatNumber(c.candidate, 4)} vs stable ${formatNumber(c.baseline, 4)} (p = ${formatNumber(c.p_value, 2)}): ${log.ab.verdict}`
        : `A/B: ${log.ab.verdict}`,
    });
  }
  return out;
}
