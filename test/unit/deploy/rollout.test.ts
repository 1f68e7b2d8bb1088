import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolloutSettings } from '../../../src/commands/rollout.js';
import {
  armCounters,
  counterDelta,
  histogramQuantile,
  renderRolloutPlan,
  rolloutPlan,
  stepChecks,
  type ArmCounters,
} from '../../../src/core/deploy/rollout.js';
import { parseExposition } from '../../../src/core/serve/exposition-parse.js';
import { ServerMetrics } from '../../../src/serve/metrics.js';
import { errorOf } from '../../harness/error-of.js';
import { rng } from '../../harness/random.js';
import { tempDir } from '../../harness/temp.js';

const settings = rolloutSettings(
  { steps: [5, 25, 50, 100], interval: '2s', min_requests: 10 },
  'environments.production.rollout',
);

describe('rollout settings and plan', () => {
  it('applies the defaults, reads the interval and tests each look at α / steps', () => {
    expect(settings).toMatchObject({
      intervalMs: 2000,
      minRequests: 10,
      maxErrorRatio: 0.01,
      latencyP95Ratio: 1.5,
      alpha: 0.05,
    });
    const plan = rolloutPlan(settings);
    expect(plan.looks).toBe(4);
    expect(plan.alphaPerLook).toBeCloseTo(0.0125, 12);
    const text = renderRolloutPlan(plan, {
      model: 'clf',
      version: '2.0.0',
      stable: '1.0.0',
      url: 'http://127.0.0.1:8080',
    });
    expect(text).toMatch(/step 1\/4: canary 5% for 2 s, then check/);
    expect(text).toMatch(/promote 2\.0\.0 to stable/);
    expect(text).toMatch(/4 looks, α 0\.0125 each/);
  });

  it('refuses steps that do not go up, naming the key', () => {
    expect(
      errorOf(() =>
        rolloutSettings({ steps: [5, 50, 25] }, 'environments.production.rollout'),
      ).format(),
    ).toBe(
      'environments.production.rollout.steps[2]: steps must go up (5, 50, 25). e.g. steps: [5, 25, 50, 100]',
    );
  });
});

describe('what the server counted during a step', () => {
  it('reads stable and canary counters back from the exposition the server writes', () => {
    const m = new ServerMetrics();
    const arm = (role: string, version: string) => ({ model: 'clf', version, role });
    for (let i = 0; i < 90; i++) m.recordInference(arm('stable', '1.0.0'), 200, 0.004);
    m.recordInference(arm('stable', '1.0.0'), 400, 0.001);
    for (let i = 0; i < 8; i++) m.recordInference(arm('canary', '2.0.0'), 200, 0.03);
    m.recordInference(arm('canary', '2.0.0'), 500, 0.002);
    m.recordInference(arm('canary', '2.0.0'), 499, 0.002);
    m.recordInference({ model: 'other', version: '1', role: 'stable' }, 500, 0.001);
    const before = armCounters(parseExposition(m.render()), 'clf');
    expect(before.stable).toMatchObject({ requests: 91, serverErrors: 0 });
    // 499 is the client leaving, not the server failing.
    expect(before.canary).toMatchObject({ requests: 10, serverErrors: 1 });
    expect(histogramQuantile(0.95, before.canary.buckets)).toBeGreaterThan(0.025);
    for (let i = 0; i < 5; i++) m.recordInference(arm('canary', '2.0.0'), 500, 0.002);
    const after = armCounters(parseExposition(m.render()), 'clf');
    expect(counterDelta(after.canary, before.canary)).toMatchObject({
      requests: 5,
      serverErrors: 5,
    });
  });

  it('computes quantiles exactly as Prometheus histogram_quantile (promtool)', () => {
    const r = rng(5);
    const bounds = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];
    const cases = Array.from({ length: 6 }, () => {
      let total = 0;
      const buckets = new Map<number, number>();
      for (const b of bounds) buckets.set(b, (total += Math.floor(r() * 50)));
      buckets.set(Infinity, total + Math.floor(r() * 3));
      return buckets;
    });
    const qs = [0.5, 0.95, 0.99];
    const series = cases.flatMap((buckets, k) =>
      [...buckets].map(
        ([le, n]) =>
          `      - series: 'x_bucket{case="${k}",le="${le === Infinity ? '+Inf' : le}"}'\n        values: '${n}'`,
      ),
    );
    const exprs = cases.flatMap((buckets, k) =>
      qs.map((q) => {
        const v = histogramQuantile(q, buckets);
        return `      - expr: 'histogram_quantile(${q}, x_bucket{case="${k}"})'\n        eval_time: 0m\n        exp_samples:\n          - labels: '{case="${k}"}'\n            value: ${Number.isNaN(v) ? 'NaN' : String(v)}`;
      }),
    );
    const file = join(tempDir('modelci-quantile-'), 'quantile.test.yml');
    writeFileSync(
      file,
      `rule_files: []\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n${series.join('\n')}\n    promql_expr_test:\n${exprs.join('\n')}\n`,
    );
    const run = spawnSync('promtool', ['test', 'rules', file], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/SUCCESS/);
    expect(run.status).toBe(0);
    expect(histogramQuantile(0.5, new Map([[Infinity, 0]]))).toBeNaN();
  });
});

describe('step checks', () => {
  const arm = (requests: number, serverErrors: number, p95s: number): ArmCounters => ({
    requests,
    serverErrors,
    // Every request in the bucket up to p95s (the 95th percentile lands inside it).
    buckets: new Map([
      [p95s / 2, 0],
      [p95s, requests - serverErrors],
      [Infinity, requests - serverErrors],
    ]),
  });

  it('passes a canary like stable and names what fails in one that is not', () => {
    const good = stepChecks(
      settings,
      { stable: arm(200, 0, 0.01), canary: arm(40, 0, 0.011) },
      undefined,
    );
    expect(good.every((c) => c.passed)).toBe(true);
    expect(good.map((c) => c.name)).toEqual(['traffic', 'error_ratio', 'latency_p95']);
    const bad = stepChecks(
      settings,
      { stable: arm(200, 0, 0.01), canary: arm(40, 8, 0.2) },
      undefined,
    );
    expect(bad.filter((c) => !c.passed).map((c) => c.name)).toEqual(['error_ratio', 'latency_p95']);
    expect(bad.find((c) => c.name === 'error_ratio')!.detail).toBe(
      'canary 5xx 20.0% (stable 0.0%; limit 1.0%)',
    );
    const quiet = stepChecks(
      settings,
      { stable: arm(200, 0, 0.01), canary: arm(3, 0, 0.01) },
      undefined,
    );
    expect(quiet.find((c) => c.name === 'traffic')!.passed).toBe(false);
    const unread = stepChecks(
      settings,
      { stable: arm(200, 0, 0.01), canary: arm(40, 0, 0.01) },
      { alpha: 0.0125, error: 'no such file' },
    );
    expect(unread.find((c) => c.name === 'prediction_shift')).toMatchObject({ passed: false });
  });
});
