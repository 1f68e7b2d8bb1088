import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { labelKey, type LabelTable } from '../../../src/core/online/arm-rows.js';
import { analyzeLive } from '../../../src/core/online/live-analysis.js';
import { sampleRatioTest } from '../../../src/core/online/traffic.js';
import { compareIndependent } from '../../../src/core/evaluation/compare.js';
import {
  loggedRequests,
  predictionRows,
  type LoggedRequest,
  type Role,
} from '../../../src/core/serve/prediction-rows.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';
import { rng } from '../../harness/random.js';

/** Runs Python with scipy: `code` reads `data` (the JSON given) and prints JSON. */
function scipy(code: string, data: unknown): unknown {
  const out = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      `import json,sys\nimport numpy as np\nfrom scipy import stats\ndata=json.loads(sys.stdin.read())\n${code}`,
    ],
    { input: JSON.stringify(data), encoding: 'utf8' },
  );
  return JSON.parse(out);
}

const close = (a: number, b: number, tol = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

/** One logged single-row request of a binary classifier. */
function request(
  n: number,
  role: Role,
  label: number,
  p1: number,
  extra: { weight?: number; ms?: number; version?: string; id?: string } = {},
): ReturnType<typeof predictionRows> {
  return predictionRows({
    ts: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    model: 'clf',
    version: extra.version ?? (role === 'stable' ? '1.0.0' : '2.0.0'),
    role,
    request: `k-${n}`,
    id: extra.id ?? `r${n}`,
    ...(extra.ms !== undefined ? { ms: extra.ms } : {}),
    ...(extra.weight !== undefined ? { weight: extra.weight } : {}),
    inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 1], values: [n] }],
    outputs: [
      { name: 'probabilities', datatype: 'FP32', shape: [1, 2], data: [1 - p1, p1] },
      { name: 'label', datatype: 'INT64', shape: [1], data: [label] },
    ],
  });
}

const BOOT = { resamples: 400, seed: 7, confidence: 0.95 };

function labels(truth: Map<string, number>): LabelTable {
  return {
    file: 'labels.csv',
    column: 'y',
    join: 'id',
    rows: truth.size,
    byKey: new Map([...truth].map(([id, y]) => [labelKey(id, 0), y])),
  };
}

describe('sample ratio mismatch', () => {
  it('equals scipy.stats.chisquare per weight segment, degrees of freedom added up', () => {
    const reqs = (stable: number, canary: number, weight: number, from: number): LoggedRequest[] =>
      loggedRequests(
        [
          ...Array.from({ length: stable }, (_, i) =>
            request(from + i, 'stable', 0, 0.2, { weight }),
          ),
          ...Array.from({ length: canary }, (_, i) =>
            request(from + stable + i, 'canary', 0, 0.2, { weight }),
          ),
        ].flat(),
      );
    const one = sampleRatioTest(reqs(720, 280, 0.3, 0))!;
    const expected = scipy(
      'r=stats.chisquare([720,280],[700,300]);print(json.dumps([r.statistic,r.pvalue]))',
      null,
    ) as [number, number];
    close(one.statistic, expected[0]);
    close(one.p_value, expected[1]);
    expect(one.dof).toBe(1);
    expect(one.mismatch).toBe(false);

    const two = sampleRatioTest([...reqs(720, 280, 0.3, 0), ...reqs(400, 520, 0.5, 5000)])!;
    const both = scipy(
      'a=stats.chisquare([720,280],[700,300]).statistic;b=stats.chisquare([400,520],[460,460]).statistic;print(json.dumps([a+b,stats.chi2.sf(a+b,2)]))',
      null,
    ) as [number, number];
    close(two.statistic, both[0]);
    close(two.p_value, both[1]);
    expect(two.dof).toBe(2);
    expect(two.mismatch).toBe(true);
    // Told the weight, the log's is ignored.
    expect(sampleRatioTest(reqs(720, 280, 0.5, 0), 0.3)!.p_value).toBeCloseTo(one.p_value, 12);
  });
});

describe('statistics of the comparison', () => {
  it('Wilson interval equals scipy binomtest(...).proportion_ci(method="wilson")', () => {
    const cases = [
      [90, 100],
      [1000, 1000],
      [3, 17],
      [0, 40],
    ] as const;
    const expected = scipy(
      'print(json.dumps([list(stats.binomtest(k,n).proportion_ci(0.95,"wilson")) for k,n in data]))',
      cases,
    ) as [number, number][];
    cases.forEach(([k, n], i) => {
      const got = wilsonInterval(k, n, 0.95)!;
      close(got[0], expected[i]![0], 1e-9);
      close(got[1], expected[i]![1], 1e-9);
    });
  });

  it('two-proportion z for accuracy equals scipy chi2_contingency without correction', () => {
    const c = compareIndependent(
      'accuracy',
      0.85,
      0.95,
      new Float64Array(),
      { candidate: 300, baseline: 700 },
      { confidence: 0.95 },
    );
    const p = scipy(
      'print(json.dumps(stats.chi2_contingency([[665,35],[255,45]],correction=False)[1]))',
      null,
    ) as number;
    expect(c.test).toBe('two_proportion_z');
    close(c.p_value, p);
    expect(c.verdict).toBe('worse');
  });
});

/**
 * A binary experiment: truth y; stable predicts y except on 5% of rows; the candidate (canary or
 * shadow) flips `flip` of stable's labels more.
 */
function experiment(opts: { n: number; canaryWeight: number; flip: number; shadowFlip: number }) {
  const r = rng(11);
  const rows: ReturnType<typeof predictionRows> = [];
  const truth = new Map<string, number>();
  for (let i = 0; i < opts.n; i++) {
    const y = r() < 0.5 ? 1 : 0;
    truth.set(`r${i}`, y);
    const stableLabel = r() < 0.05 ? 1 - y : y;
    const flipTo = (p: number) => (r() < p ? 1 - stableLabel : stableLabel);
    const canary = r() < opts.canaryWeight;
    const answer = canary ? flipTo(opts.flip) : stableLabel;
    const shadow = flipTo(opts.shadowFlip);
    const prob = (l: number) => (l === 1 ? 0.8 : 0.2);
    rows.push(
      ...request(i, canary ? 'canary' : 'stable', answer, prob(answer), {
        weight: opts.canaryWeight,
        ms: 2,
      }),
    );
    rows.push(...request(i, 'shadow', shadow, prob(shadow), { version: '3.0.0', ms: 5 }));
  }
  return { requests: loggedRequests(rows), truth };
}

/** The analysis of a binary experiment with labels and both output columns. */
const analyze = (requests: LoggedRequest[], truth: Map<string, number>) =>
  analyzeLive({
    model: 'clf',
    requests,
    files: ['log.jsonl'],
    columns: {
      prediction: '_out.label',
      probabilities: ['_out.probabilities.0', '_out.probabilities.1'],
    },
    labels: labels(truth),
    bootstrap: BOOT,
  });

describe('analyzeLive', () => {
  it('finds a canary that flips 10% of labels, and not an identical shadow', () => {
    const { requests, truth } = experiment({
      n: 2000,
      canaryWeight: 0.3,
      flip: 0.1,
      shadowFlip: 0,
    });
    const report = analyze(requests, truth);
    expect(report.task).toBe('binary');
    expect(report.arms.map((a) => a.role)).toEqual(['stable', 'canary', 'shadow']);
    expect(report.traffic.srm!.mismatch).toBe(false);
    expect(report.traffic.canary_share).toBeGreaterThan(0.27);
    const canary = report.comparisons.find((c) => c.candidate === 'canary')!;
    expect(canary.design).toBe('two_sample');
    expect(canary.comparison.accuracy!.test).toBe('two_proportion_z');
    expect(canary.verdict).toBe('worse');
    expect(canary.comparison.accuracy!.delta).toBeLessThan(-0.05);
    const shadow = report.comparisons.find((c) => c.candidate === 'shadow')!;
    expect(shadow.design).toBe('paired');
    expect(shadow.comparison.accuracy!.test).toBe('mcnemar');
    expect(shadow.verdict).toBe('unchanged');
    expect(shadow.comparison.accuracy!.delta).toBe(0);
    // The identical shadow is paired with what stable answered: it agrees on every row.
    const stableRequests = report.arms.find((a) => a.role === 'stable')!.requests;
    expect(report.shadow!.requests).toBe(stableRequests);
    expect(report.shadow!.label_agreement).toBe(1);
    expect(report.shadow!.missing).toBe(0);
    expect(report.labels).toMatchObject({ rows: 2000, matched: 2000, unmatched: 0 });
    expect(report.arms.find((a) => a.role === 'shadow')!.latency!.p50).toBe(5);
    expect(report.problems).toEqual([]);
  });

  it('finds a shadow that flips 10% of labels (paired McNemar = scipy binomtest), and not an identical canary', () => {
    const { requests, truth } = experiment({
      n: 2000,
      canaryWeight: 0.3,
      flip: 0,
      shadowFlip: 0.1,
    });
    const report = analyze(requests, truth);
    const canary = report.comparisons.find((c) => c.candidate === 'canary')!;
    expect(canary.verdict).toBe('unchanged');
    expect(report.prediction_shift!.shifted).toBe(false);
    const shadow = report.comparisons.find((c) => c.candidate === 'shadow')!;
    expect(shadow.verdict).toBe('worse');
    const agreement = report.shadow!;
    expect(agreement.label_agreement).toBeGreaterThan(0.87);
    expect(agreement.label_agreement).toBeLessThan(0.93);
    expect(agreement.flips).toBe(Math.round(agreement.rows * (1 - agreement.label_agreement!)));
    expect(agreement.flip_table!.reduce((s, f) => s + f.rows, 0)).toBe(agreement.flips);
    expect(agreement.difference!.max).toBeCloseTo(0.6, 6);
    // McNemar on the discordant pairs, as scipy's exact binomial test.
    const labelsOf = (shadow: boolean) =>
      new Map(
        requests
          .filter((q) => q.role === (shadow ? 'shadow' : 'stable'))
          .map((q) => [q.id!, q.rows[0]!['_out.label'] as number]),
      );
    const answers = labelsOf(false);
    const shadows = labelsOf(true);
    let b = 0;
    let c = 0;
    for (const [id, y] of truth) {
      if (!answers.has(id)) continue;
      const s = shadows.get(id) === y;
      const a = answers.get(id) === y;
      if (s && !a) b++;
      if (a && !s) c++;
    }
    const p = scipy(
      `print(json.dumps(stats.binomtest(${Math.min(b, c)},${b + c},0.5).pvalue))`,
      null,
    ) as number;
    close(shadow.comparison.accuracy!.p_value, p, 1e-9);
  });

  it('counts labels that match no request and answered requests without a shadow run', () => {
    const { requests, truth } = experiment({ n: 200, canaryWeight: 0.3, flip: 0, shadowFlip: 0 });
    truth.set('nobody-1', 1);
    truth.set('nobody-2', 0);
    // Drop the shadow of five requests stable answered, as a full queue would.
    const dropped = new Set(
      requests
        .filter((q) => q.role === 'stable')
        .slice(0, 5)
        .map((q) => q.request),
    );
    const report = analyzeLive({
      model: 'clf',
      requests: requests.filter((q) => !(q.role === 'shadow' && dropped.has(q.request))),
      files: ['log.jsonl'],
      columns: { prediction: '_out.label' },
      labels: labels(truth),
      bootstrap: { ...BOOT, resamples: 50 },
    });
    expect(report.labels).toMatchObject({ rows: 202, matched: 200, unmatched: 2 });
    expect(report.labels!.unmatched_examples.sort()).toEqual(['nobody-1', 'nobody-2']);
    expect(report.shadow!.missing).toBe(5);
    expect(report.problems.join('\n')).toMatch(/2 label\(s\) match no logged request/);
    expect(report.problems.join('\n')).toMatch(/5 request\(s\) stable answered have no shadow run/);
  });

  it('flags a canary whose answers moved (chi-square = scipy chi2_contingency), without labels', () => {
    const { requests } = experiment({ n: 2000, canaryWeight: 0.5, flip: 0.3, shadowFlip: 0 });
    const biased = requests.map((q) =>
      q.role === 'canary' && q.rows[0]!['_out.label'] === 0 && Number(q.request.slice(2)) % 3 === 0
        ? { ...q, rows: [{ ...q.rows[0]!, '_out.label': 1 }] }
        : q,
    );
    const report = analyzeLive({
      model: 'clf',
      requests: biased,
      files: ['log.jsonl'],
      columns: { prediction: '_out.label' },
      bootstrap: BOOT,
    });
    expect(report.comparisons).toEqual([]);
    const shift = report.prediction_shift!;
    const count = (role: string, l: number) =>
      biased.filter((q) => q.role === role && q.rows[0]!['_out.label'] === l).length;
    const expected = scipy('r=stats.chi2_contingency(data);print(json.dumps([r[0],r[1]]))', [
      [count('stable', 0), count('stable', 1)],
      [count('canary', 0), count('canary', 1)],
    ]) as [number, number];
    close(shift.statistic, expected[0]);
    close(shift.p_value, expected[1], 1e-6);
    expect(shift.shifted).toBe(true);
  });
});
