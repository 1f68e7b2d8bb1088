import {
  armCounters,
  counterDelta,
  rolloutPlan,
  stepChecks,
  type ArmCounters,
  type RolloutSettings,
  type StepCheck,
} from '../core/deploy/rollout.js';
import type { RolloutConfig } from '../config/schema/deploy.js';
import { describeError, ModelciError } from '../core/errors.js';
import { formatNumber } from '../core/report/number-format.js';
import { parseExposition } from '../core/serve/exposition-parse.js';
import type { ServerAdmin, LoadSource } from '../deploy/server-admin.js';
import { runCompareLive, type ModelSettings } from './compare-live.js';

export interface RolloutStep {
  percent: number;
  checks: StepCheck[];
  passed: boolean;
}

export interface RolloutResult {
  /** promoted: every step passed; aborted: a check failed, stable serves everything again. */
  outcome: 'promoted' | 'aborted';
  /** The version that answered as stable before (and still does after an abort). */
  stable: string;
  steps: RolloutStep[];
  failure?: string;
}

export interface RolloutOptions {
  model: string;
  source: LoadSource;
  admin: ServerAdmin;
  /** The version answering as stable now. */
  stable: string;
  settings: RolloutSettings;
  /** The model's analysis settings (bootstrap, primary metric), for the log's checks. */
  analysis: ModelSettings;
  /** A Deployment status with a description (in_progress each step). */
  status: (description: string) => Promise<void>;
  log: (line: string) => void;
  /** Waits (tests pass a faster clock only through the interval). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, for "rows logged since the rollout began". */
  now?: () => Date;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `environments.<env>.rollout` with its defaults, checked: steps ascending, an interval in ms. */
export function rolloutSettings(c: RolloutConfig, path: string): RolloutSettings {
  c.steps.forEach((step, i) => {
    if (i > 0 && step <= c.steps[i - 1]!)
      throw new ModelciError('CONFIG', `steps must go up (${c.steps.join(', ')})`, {
        path: `${path}.steps[${i}]`,
        hint: 'e.g. steps: [5, 25, 50, 100]',
      });
  });
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(c.interval ?? '60s')!;
  const checks = c.checks ?? {};
  return {
    steps: c.steps,
    intervalMs: Number(m[1]) * UNIT_MS[m[2]!]!,
    minRequests: c.min_requests ?? 50,
    maxErrorRatio: checks.max_error_ratio ?? 0.01,
    latencyP95Ratio: checks.latency_p95_ratio ?? 1.5,
    latencySlackMs: checks.latency_slack_ms ?? 5,
    predictionShift: checks.prediction_shift ?? true,
    alpha: checks.alpha ?? 0.05,
    ...(c.log ? { log: c.log } : {}),
    ...(c.labels
      ? {
          labels: {
            file: c.labels.file,
            join: c.labels.join ?? 'id',
            ...(c.labels.label ? { label: c.labels.label } : {}),
          },
        }
      : {}),
  };
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Canary requests wait this many intervals at most before a step decides without enough. */
const MAX_WAIT_INTERVALS = 5;

/**
 * The progressive canary: load the version as a canary at the first step's share, and at every step
 * wait, read the server's metrics (and its prediction log) for the step, check, and go on or abort;
 * after the last step the canary becomes the stable version. A failed check sets the canary's
 * weight to 0 at once (stable answers everything again) and says why.
 */
export async function progressiveRollout(o: RolloutOptions): Promise<RolloutResult> {
  const steps: RolloutStep[] = [];
  try {
    return await stepThrough(o, steps);
  } catch (e) {
    // The server refused the canary (other inputs, a bad file) or failed mid-way: the canary must
    // not keep its share; the stable version, never touched before promotion, serves everything.
    await o.admin.removeCanary(o.model).catch(() => {});
    o.log(`rollout: stopped: ${describeError(e)}; ${o.stable} answers every request`);
    return { outcome: 'aborted', stable: o.stable, steps, failure: describeError(e) };
  }
}

async function stepThrough(o: RolloutOptions, steps: RolloutStep[]): Promise<RolloutResult> {
  const plan = rolloutPlan(o.settings);
  const sleep = o.sleep ?? pause;
  const began = (o.now ?? (() => new Date()))().toISOString();
  const scrape = async () => armCounters(parseExposition(await o.admin.metrics()), o.model);
  const n = plan.steps.length;
  for (const [i, step] of plan.steps.entries()) {
    const label = `canary ${formatNumber(step.percent, 3)}% (step ${i + 1}/${n})`;
    await o.status(`${label}: ${o.source.version} beside ${o.stable}, checking`);
    if (i === 0) await o.admin.loadCanary(o.model, o.source, step.weight);
    else await o.admin.setCanaryWeight(o.model, o.source.version, step.weight);
    o.log(
      `rollout: ${label}: ${o.source.version} takes ${formatNumber(step.percent, 3)}% of requests`,
    );
    const before = await scrape();
    let delta: { stable: ArmCounters; canary: ArmCounters };
    let waited = 0;
    do {
      await sleep(o.settings.intervalMs);
      waited++;
      const after = await scrape();
      delta = {
        stable: counterDelta(after.stable, before.stable),
        canary: counterDelta(after.canary, before.canary),
      };
    } while (delta.canary.requests < o.settings.minRequests && waited < MAX_WAIT_INTERVALS);
    const fromLog = o.settings.log ? await analyseLog(o, began, plan.alphaPerLook) : undefined;
    const checks = stepChecks(o.settings, delta, fromLog);
    const failed = checks.filter((c) => !c.passed);
    steps.push({ percent: step.percent, checks, passed: failed.length === 0 });
    for (const c of checks)
      o.log(`rollout: ${label}: ${c.passed ? 'ok' : 'FAILED'} ${c.name}: ${c.detail}`);
    if (failed.length) {
      const failure = `${label} failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`;
      try {
        await o.admin.removeCanary(o.model);
        o.log(`rollout: canary removed; ${o.stable} answers every request`);
      } catch (e) {
        return {
          outcome: 'aborted',
          stable: o.stable,
          steps,
          failure: `${failure}; removing the canary failed too: ${describeError(e)}`,
        };
      }
      return { outcome: 'aborted', stable: o.stable, steps, failure };
    }
    await o.status(`${label} passed: ${checks.map((c) => c.name).join(', ')}`);
  }
  await o.admin.loadStable(o.model, o.source);
  await o.admin.removeCanary(o.model);
  o.log(`rollout: every step passed; ${o.source.version} is the stable version`);
  return { outcome: 'promoted', stable: o.stable, steps };
}

/**
 * The log since the rollout began: the canary's prediction shift and, with labels, the A/B verdict.
 * A log that cannot be read fails the step: a check that did not run is not a check that passed.
 */
async function analyseLog(o: RolloutOptions, since: string, alpha: number) {
  const s = o.settings;
  try {
    const { report } = await runCompareLive({
      log: [s.log!],
      model: o.model,
      since,
      ...(s.labels ? { labels: s.labels } : {}),
      // Each look tests at α / looks: over the whole rollout a false alarm stays below α.
      settings: () => ({
        ...o.analysis,
        bootstrap: { ...o.analysis.bootstrap, confidence: 1 - alpha },
      }),
    });
    return {
      shift: report.prediction_shift,
      ab: report.comparisons.find((c) => c.candidate === 'canary'),
      alpha,
      primary: report.primary_metric,
    };
  } catch (e) {
    return { error: describeError(e), alpha };
  }
}
