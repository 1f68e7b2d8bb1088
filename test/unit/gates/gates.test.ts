import { describe, expect, it } from 'vitest';
import type { GatePolicy } from '../../../src/config/schema/gates.js';
import { ModelciError } from '../../../src/core/errors.js';
import { evaluateGates, type GateInput } from '../../../src/core/gates/evaluate-gates.js';
import { parseSize, parseThreshold } from '../../../src/core/gates/thresholds.js';
import type {
  MetricComparison,
  ModelSignature,
  SliceMetrics,
} from '../../../src/core/report/evaluation-report.js';

const cmp = (
  baseline: number,
  candidate: number,
  p: number,
  direction: 'higher' | 'lower' = 'higher',
): MetricComparison => ({
  baseline,
  candidate,
  delta: candidate - baseline,
  relative_delta: (candidate - baseline) / Math.abs(baseline),
  test: 'paired_bootstrap',
  p_value: p,
  verdict: 'unchanged',
  direction,
});

const slice = (value: string, rows: number, cand: number, base: number): SliceMetrics => ({
  column: 'region',
  value,
  rows,
  metrics: { accuracy: { value: cand } },
  comparison: { accuracy: cmp(base, cand, 0.5) },
});

const sig = (
  inputs: ModelSignature['inputs'],
  outputs: ModelSignature['outputs'],
): ModelSignature => ({ inputs, outputs });
const X = (width: number | string | null = 30, type = 'float') => ({
  name: 'X',
  type,
  shape: [null, width],
});
const LABEL = { name: 'label', type: 'int64', shape: [null] };
const PROBA = { name: 'probabilities', type: 'float', shape: [null, 2] };
const BASE_SIG = sig([X()], [LABEL, PROBA]);

/** A candidate with a baseline: accuracy 0.90 vs 0.91, log_loss 0.30 vs 0.28. */
const withBaseline: GateInput = {
  metrics: {
    accuracy: { value: 0.9 },
    roc_auc: { value: 0.93 },
    log_loss: { value: 0.3 },
    latency_p50: { value: 3 },
    latency_p95: { value: 12.5 },
    model_size_bytes: { value: 4_200_000 },
  },
  baseline_metrics: {
    accuracy: { value: 0.91 },
    roc_auc: { value: 0.95 },
    log_loss: { value: 0.28 },
  },
  comparison: {
    accuracy: { ...cmp(0.91, 0.9, 0.03), test: 'mcnemar' },
    roc_auc: cmp(0.95, 0.93, 0.2),
    log_loss: cmp(0.28, 0.3, 0.01, 'lower'),
  },
  slices: [
    slice('north', 400, 0.8, 0.9),
    slice('south', 500, 0.92, 0.91),
    slice('tiny', 10, 0.2, 0.9),
  ],
  signatures: { candidate: BASE_SIG, baseline: BASE_SIG },
};
const candidateOnly: GateInput = { metrics: withBaseline.metrics };

interface Row {
  name: string;
  policy: GatePolicy;
  input?: GateInput;
  passed: boolean;
  gate: string;
  reason: RegExp;
}

const table: Row[] = [
  {
    name: 'min passes',
    policy: { min: { roc_auc: 0.9 } },
    passed: true,
    gate: 'min.roc_auc',
    reason: /^roc_auc 0\.93 ≥ 0\.9$/,
  },
  {
    name: 'min fails',
    policy: { min: { roc_auc: 0.95 } },
    passed: false,
    gate: 'min.roc_auc',
    reason: /^roc_auc 0\.93 < 0\.95$/,
  },
  {
    name: 'min on equal value passes',
    policy: { min: { accuracy: 0.9 } },
    passed: true,
    gate: 'min.accuracy',
    reason: /≥/,
  },
  {
    name: 'min on a metric not computed fails',
    policy: { min: { pr_auc: 0.5 } },
    passed: false,
    gate: 'min.pr_auc',
    reason: /not computed/,
  },
  {
    name: 'max passes',
    policy: { max: { log_loss: 0.35 } },
    passed: true,
    gate: 'max.log_loss',
    reason: /^log_loss 0\.3 ≤ 0\.35$/,
  },
  {
    name: 'max fails',
    policy: { max: { log_loss: 0.25 } },
    passed: false,
    gate: 'max.log_loss',
    reason: /^log_loss 0\.3 > 0\.25$/,
  },
  {
    name: 'absolute regression within (0.91 -> 0.90 vs 0.01, float-safe)',
    policy: { max_regression: { accuracy: 0.01 } },
    passed: true,
    gate: 'max_regression.accuracy',
    reason: /worse by 0\.01, within the allowed 0\.01/,
  },
  {
    name: 'absolute regression beyond',
    policy: { max_regression: { accuracy: 0.005 } },
    passed: false,
    gate: 'max_regression.accuracy',
    reason: /beyond the allowed 0\.005/,
  },
  {
    name: 'relative regression within',
    policy: { max_regression: { roc_auc: '3%' } },
    passed: true,
    gate: 'max_regression.roc_auc',
    reason: /within the allowed 3% of 0\.95 = 0\.0285/,
  },
  {
    name: 'relative regression beyond',
    policy: { max_regression: { roc_auc: '2%' } },
    passed: false,
    gate: 'max_regression.roc_auc',
    reason: /beyond the allowed 2% of 0\.95 = 0\.019/,
  },
  {
    name: 'regression of a lower-is-better metric',
    policy: { max_regression: { log_loss: 0.01 } },
    passed: false,
    gate: 'max_regression.log_loss',
    reason: /0\.28 -> 0\.3: worse by 0\.02/,
  },
  {
    name: 'regression without a baseline is skipped',
    policy: { max_regression: { accuracy: 0 } },
    input: candidateOnly,
    passed: true,
    gate: 'max_regression.accuracy',
    reason: /no baseline.*skipped/,
  },
  {
    name: 'not significantly worse passes (p = 0.2)',
    policy: { not_significantly_worse: { metrics: ['roc_auc'], alpha: 0.05 } },
    passed: true,
    gate: 'not_significantly_worse.roc_auc',
    reason: /p = 0\.2, paired_bootstrap\): not significantly worse at α = 0\.05/,
  },
  {
    name: 'significantly worse fails (McNemar p = 0.03)',
    policy: { not_significantly_worse: { metrics: ['accuracy'], alpha: 0.05 } },
    passed: false,
    gate: 'not_significantly_worse.accuracy',
    reason: /mcnemar\): significantly worse/,
  },
  {
    name: 'significance at a stricter alpha passes',
    policy: { not_significantly_worse: { metrics: ['accuracy'], alpha: 0.01 } },
    passed: true,
    gate: 'not_significantly_worse.accuracy',
    reason: /not significantly worse at α = 0\.01/,
  },
  {
    name: 'significantly worse for lower-is-better',
    policy: { not_significantly_worse: { metrics: ['log_loss'] } },
    passed: false,
    gate: 'not_significantly_worse.log_loss',
    reason: /significantly worse at α = 0\.05/,
  },
  {
    name: 'slice drop beyond flags north, ignores the 10-row slice',
    policy: { slices: { max_drop: { accuracy: 0.05 }, min_rows: 30 } },
    passed: false,
    gate: 'slices.max_drop.accuracy',
    reason: /in 1 of 2 slices with ≥ 30 rows: region=north \(400 rows\): 0\.9 -> 0\.8$/,
  },
  {
    name: 'slice drop within a looser limit',
    policy: { slices: { max_drop: { accuracy: '12%' }, min_rows: 30 } },
    passed: true,
    gate: 'slices.max_drop.accuracy',
    reason: /at most 12% of the baseline in all 2 slices/,
  },
  {
    name: 'tiny slices count when min_rows allows',
    policy: { slices: { max_drop: { accuracy: 0.2 }, min_rows: 5 } },
    passed: false,
    gate: 'slices.max_drop.accuracy',
    reason: /region=tiny \(10 rows\)/,
  },
  {
    name: 'latency budget met',
    policy: { latency_p95_ms: 20 },
    passed: true,
    gate: 'latency_p95',
    reason: /^latency_p95 12\.5 ms ≤ budget 20 ms$/,
  },
  {
    name: 'latency budget exceeded',
    policy: { latency_p95_ms: 10 },
    passed: false,
    gate: 'latency_p95',
    reason: /^latency_p95 12\.5 ms > budget 10 ms$/,
  },
  {
    name: 'p50 budget',
    policy: { latency_p50_ms: 2 },
    passed: false,
    gate: 'latency_p50',
    reason: /> budget 2 ms/,
  },
  {
    name: 'latency in min/max gates carries its unit',
    policy: { max: { latency_p95: 10 } },
    passed: false,
    gate: 'max.latency_p95',
    reason: /^latency_p95 12\.5 ms > 10 ms$/,
  },
  {
    name: 'size budget met',
    policy: { max_size: '10MB' },
    passed: true,
    gate: 'model_size',
    reason: /^model size 4\.2 MB ≤ budget 10 MB$/,
  },
  {
    name: 'size budget exceeded (MiB)',
    policy: { max_size: '4MiB' },
    passed: false,
    gate: 'model_size',
    reason: /^model size 4\.2 MB > budget 4\.19 MB$/,
  },
  {
    name: 'size budget in bytes',
    policy: { max_size: 4_200_000 },
    passed: true,
    gate: 'model_size',
    reason: /≤/,
  },
  {
    name: 'signature unchanged',
    policy: { signature: 'unchanged' },
    passed: true,
    gate: 'signature',
    reason: /^signature unchanged$/,
  },
  {
    name: 'signature: new output breaks unchanged',
    policy: { signature: 'unchanged' },
    input: {
      ...withBaseline,
      signatures: {
        baseline: BASE_SIG,
        candidate: sig([X()], [LABEL, PROBA, { name: 'margin', type: 'float', shape: [null] }]),
      },
    },
    passed: false,
    gate: 'signature',
    reason: /outputs changed/,
  },
  {
    name: 'signature: new output is compatible',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: {
        baseline: BASE_SIG,
        candidate: sig([X()], [PROBA, LABEL, { name: 'margin', type: 'float', shape: [null] }]),
      },
    },
    passed: true,
    gate: 'signature',
    reason: /compatible with the baseline/,
  },
  {
    name: 'signature: wider input is incompatible',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: { baseline: BASE_SIG, candidate: sig([X(31)], [LABEL, PROBA]) },
    },
    passed: false,
    gate: 'signature',
    reason: /input "X" dimension 1 30 -> 31/,
  },
  {
    name: 'signature: dtype change is incompatible',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: { baseline: BASE_SIG, candidate: sig([X(30, 'double')], [LABEL, PROBA]) },
    },
    passed: false,
    gate: 'signature',
    reason: /input "X" dtype float -> double/,
  },
  {
    name: 'signature: removed output and new input',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: {
        baseline: BASE_SIG,
        candidate: sig([X(), { name: 'Z', type: 'float', shape: [null, 1] }], [LABEL]),
      },
    },
    passed: false,
    gate: 'signature',
    reason: /new input "Z".*output "probabilities" was removed/,
  },
  {
    name: 'signature: input made symbolic is compatible',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: { baseline: BASE_SIG, candidate: sig([X('F')], [LABEL, PROBA]) },
    },
    passed: true,
    gate: 'signature',
    reason: /compatible/,
  },
  {
    name: 'signature: batch made static is incompatible',
    policy: { signature: 'compatible' },
    input: {
      ...withBaseline,
      signatures: {
        baseline: BASE_SIG,
        candidate: sig([{ name: 'X', type: 'float', shape: [1, 30] }], [LABEL, PROBA]),
      },
    },
    passed: false,
    gate: 'signature',
    reason: /dimension 0 \? -> 1/,
  },
  {
    name: 'signature without baseline is skipped',
    policy: { signature: 'unchanged' },
    input: candidateOnly,
    passed: true,
    gate: 'signature',
    reason: /skipped/,
  },
];

describe('evaluateGates', () => {
  it.each(table.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const { verdict } = evaluateGates(r.policy, r.input ?? withBaseline);
    expect(verdict.results).toHaveLength(1);
    const [res] = verdict.results;
    expect(res!.gate).toBe(r.gate);
    expect(res!.passed).toBe(r.passed);
    expect(res!.reason).toMatch(r.reason);
    expect(verdict.passed).toBe(r.passed);
  });

  it('gives one result per gate and a summary sentence naming the failures', () => {
    const { verdict, regressedSlices } = evaluateGates(
      {
        min: { roc_auc: 0.9, accuracy: 0.95 },
        max_regression: { accuracy: 0.02 },
        slices: { max_drop: { accuracy: 0.05 } },
        latency_p95_ms: 20,
        signature: 'any',
      },
      withBaseline,
    );
    expect(verdict.results.map((r) => r.gate)).toEqual([
      'min.roc_auc',
      'min.accuracy',
      'max_regression.accuracy',
      'slices.max_drop.accuracy',
      'latency_p95',
    ]);
    expect(verdict.passed).toBe(false);
    expect(verdict.summary).toBe(
      '2 of 5 gates failed: accuracy 0.9 < 0.95; accuracy drops by more than 0.05 in 1 of 2 slices with ≥ 30 rows: region=north (400 rows): 0.9 -> 0.8.',
    );
    expect([...regressedSlices]).toEqual(['region=north']);
    expect(evaluateGates({}, withBaseline).verdict).toEqual({
      passed: true,
      results: [],
      summary: 'No gates configured.',
    });
  });
});

describe('threshold syntax', () => {
  it.each([
    [0.01, { kind: 'absolute', amount: 0.01 }],
    ['2%', { kind: 'relative', amount: 0.02 }],
    [' 0.5 % ', { kind: 'relative', amount: 0.005 }],
  ] as const)('%j', (raw, want) => {
    expect(parseThreshold(raw, 'p')).toMatchObject(want);
  });

  it.each([
    ['10MB', 10_000_000],
    ['10MiB', 10 * 1024 * 1024],
    ['300kB', 300_000],
    ['1.5GB', 1_500_000_000],
    ['42', 42],
    [1024, 1024],
  ] as const)('size %j', (raw, bytes) => {
    expect(parseSize(raw, 'p')).toBe(bytes);
  });

  it('names the key path of a bad threshold', () => {
    try {
      evaluateGates({ max_regression: { accuracy: 'two percent' } }, withBaseline);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelciError);
      expect((e as ModelciError).format()).toBe(
        "gates.max_regression.accuracy: must be a non-negative number or a percentage like '2%'",
      );
    }
  });
});

describe('latency regression gates say ms', () => {
  it('max_regression on latency_p95: every number with its unit', () => {
    const { verdict } = evaluateGates(
      { max_regression: { latency_p95: '20%' } },
      {
        metrics: { latency_p95: { value: 12.5 } },
        baseline_metrics: { latency_p95: { value: 10 } },
      },
    );
    expect(verdict.results[0]!.reason).toBe(
      'latency_p95 10 ms -> 12.5 ms: worse by 2.5 ms, beyond the allowed 20% of 10 ms = 2 ms',
    );
  });
});
