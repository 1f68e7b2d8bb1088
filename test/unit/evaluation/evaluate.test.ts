import { describe, expect, it } from 'vitest';
import { ModelciError } from '../../../src/core/errors.js';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput } from '../../../src/core/evaluation/types.js';
import {
  EVALUATION_REPORT_SCHEMA,
  type EvaluationReport,
} from '../../../src/core/report/evaluation-report.js';

/**
 * 400 rows, slices north (0-199) and south (200-399). The baseline is right on 80% of each; the
 * candidate on 90% of north and 70% of south: the total does not move, south regresses.
 */
function shifted(): EvaluationInput {
  const n = 400;
  const y = Int32Array.from({ length: n }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
  const wrong = (i: number, right: boolean) => (right ? y[i]! : 1 - y[i]!);
  const base = Int32Array.from({ length: n }, (_, i) => wrong(i, i % 10 < 8));
  const cand = Int32Array.from({ length: n }, (_, i) =>
    wrong(i, i < 200 ? i % 10 < 9 : i % 10 < 7),
  );
  return {
    task: 'binary',
    yTrue: y,
    candidate: { kind: 'classification', classes: ['no', 'yes'], label: cand },
    baseline: { kind: 'classification', classes: ['no', 'yes'], label: base },
    slices: { region: Array.from({ length: n }, (_, i) => (i < 200 ? 'north' : 'south')) },
    bootstrap: { resamples: 100, seed: 7, confidence: 0.95 },
    gates: {
      slices: { max_drop: { accuracy: 0.05 }, min_rows: 30 },
      max_regression: { accuracy: 0.01 },
    },
  };
}

describe('evaluatePredictions', () => {
  it('flags a slice that regresses beyond its gate while the total does not move', () => {
    const r = evaluatePredictions(shifted());
    expect(r.metrics.accuracy?.value).toBeCloseTo(0.8, 12);
    expect(r.comparison?.accuracy).toMatchObject({
      delta: 0,
      verdict: 'unchanged',
      test: 'mcnemar',
    });
    const [north, south] = r.slices!;
    expect(north).toMatchObject({ column: 'region', value: 'north', rows: 200, regressed: false });
    expect(south).toMatchObject({ column: 'region', value: 'south', rows: 200, regressed: true });
    expect(south!.metrics.accuracy?.value).toBeCloseTo(0.7, 12);
    expect(south!.comparison?.accuracy).toMatchObject({ verdict: 'worse', test: 'mcnemar' });
    // south: 20 rows only the baseline gets right, 0 only the candidate: p = 2 · 0.5^20
    expect(south!.comparison?.accuracy?.p_value).toBeCloseTo(2 * 0.5 ** 20, 15);
    expect(south!.metrics.accuracy?.ci?.[0]).toBeLessThan(0.7);
    expect(r.gates?.passed).toBe(false);
    expect(r.gates?.results.map((g) => [g.gate, g.passed])).toEqual([
      ['max_regression.accuracy', true],
      ['slices.max_drop.accuracy', false],
    ]);
  });

  it('leaves rows with a null slice value out of every slice', () => {
    const input = shifted();
    input.slices = { region: input.slices!.region!.map((v, i) => (i % 2 ? null : v)) };
    expect(evaluatePredictions(input).slices!.map((s) => s.rows)).toEqual([100, 100]);
  });

  it('applies direction and tolerance to verdicts', () => {
    const input = shifted();
    input.slices = undefined;
    input.baseline = {
      kind: 'classification',
      classes: ['no', 'yes'],
      label: Int32Array.from(input.yTrue),
    }; // perfect
    expect(evaluatePredictions(input).comparison?.accuracy?.verdict).toBe('worse');
    input.tolerance = 0.25;
    expect(evaluatePredictions(input).comparison?.accuracy?.verdict).toBe('unchanged');
    input.tolerance = 0;
    input.relativeTolerance = 0.19;
    expect(evaluatePredictions(input).comparison?.accuracy?.verdict).toBe('worse');
    input.relativeTolerance = 0.2;
    expect(evaluatePredictions(input).comparison?.accuracy?.verdict).toBe('unchanged');
    input.relativeTolerance = 0;
    input.directions = { accuracy: 'lower' };
    expect(evaluatePredictions(input).comparison?.accuracy).toMatchObject({
      verdict: 'better',
      direction: 'lower',
    });
  });

  it('reports regression metrics with paired bootstrap comparisons, latency and size', () => {
    const y = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i) * 10 + 20);
    const input: EvaluationInput = {
      task: 'regression',
      yTrue: y,
      candidate: { kind: 'regression', value: y.map((v, i) => v + Math.cos(i * 3)) },
      baseline: { kind: 'regression', value: y.map((v, i) => v + 2 * Math.cos(i * 5)) },
      latencyMs: { candidate: [5, 1, 2, 3, 4], baseline: [9, 9, 9] },
      modelBytes: { candidate: 1234, baseline: 999 },
      bootstrap: { resamples: 200, seed: 1, confidence: 0.9 },
      gates: { latency_p95_ms: 4, max_size: '1kB', max: { rmse: 1 } },
    };
    const r = evaluatePredictions(input);
    expect(Object.keys(r.metrics)).toEqual([
      'rmse',
      'mae',
      'r2',
      'mape',
      'latency_p50',
      'latency_p95',
      'model_size_bytes',
    ]);
    expect(r.metrics.latency_p50?.value).toBe(3);
    expect(r.metrics.latency_p95?.value).toBeCloseTo(4.8, 12); // numpy.percentile([1..5], 95)
    expect(r.metrics.model_size_bytes).toEqual({ value: 1234 });
    expect(r.baseline_metrics?.latency_p95?.value).toBe(9);
    expect(r.comparison?.rmse).toMatchObject({
      test: 'paired_bootstrap',
      verdict: 'better',
      direction: 'lower',
    });
    expect(r.comparison?.rmse?.p_value).toBeLessThan(0.05);
    expect(r.comparison?.rmse?.ci_delta?.[1]).toBeLessThan(0);
    expect(r.confusion_matrix).toBeUndefined();
    expect(r.gates?.results.map((g) => [g.gate, g.passed])).toEqual([
      ['max.rmse', true],
      ['latency_p95', false],
      ['model_size', false],
    ]);
  });

  it('fits the evaluation report contract as JSON (no NaN, no undefined metric values)', () => {
    const r = evaluatePredictions(shifted());
    const report: EvaluationReport = {
      schema: EVALUATION_REPORT_SCHEMA,
      model_name: 'churn',
      task: 'binary',
      candidate: {
        model: { path: 'm.onnx', sha256: 'x', bytes: 1 },
        signature: { inputs: [], outputs: [] },
      },
      dataset: { path: 'd.csv', sha256: 'y', bytes: 2, label: 'churned', dropped_rows: 0 },
      bootstrap: { resamples: 100, seed: 7, confidence: 0.95 },
      ...r,
    };
    const round = JSON.parse(JSON.stringify(report)) as EvaluationReport;
    expect(round).toEqual(report);
    for (const m of Object.values(round.metrics)) expect(Number.isFinite(m.value)).toBe(true);
  });

  it.each([
    [
      'zero rows',
      (i: EvaluationInput): EvaluationInput => ({ ...i, yTrue: new Int32Array(0) }),
      /no rows to evaluate/,
      {},
    ],
    [
      'a label outside the classes',
      (i: EvaluationInput): EvaluationInput => ({
        ...i,
        yTrue: Int32Array.from(i.yTrue, (v, j) => (j === 5 ? 2 : v)),
      }),
      /label index 2 is not one of the model's 2 classes/,
      { row: 6 },
    ],
    [
      'a prediction count mismatch',
      (i: EvaluationInput): EvaluationInput => ({
        ...i,
        baseline: { kind: 'classification' as const, classes: [0, 1], label: new Int32Array(3) },
      }),
      /baseline model gave 3 predictions for 400 rows/,
      {},
    ],
    [
      'a probability that is NaN',
      (i: EvaluationInput): EvaluationInput => ({
        ...i,
        candidate: {
          kind: 'classification',
          classes: [0, 1],
          label: new Int32Array(400),
          proba: new Float64Array(800).fill(0.5).fill(NaN, 9, 10),
        },
      }),
      /candidate model gave probability NaN for class 1/,
      { row: 5 },
    ],
    [
      'three classes for a binary task',
      (i: EvaluationInput): EvaluationInput => ({
        ...i,
        candidate: { kind: 'classification', classes: [0, 1, 2], label: new Int32Array(400) },
      }),
      /3 classes but the task is binary/,
      {},
    ],
    [
      'a ragged slice column',
      (i: EvaluationInput): EvaluationInput => ({ ...i, slices: { region: ['a'] } }),
      /slice column has 1 values for 400 rows/,
      { column: 'region' },
    ],
  ] as const)('rejects %s with a ModelciError', (_name, mutate, message, where) => {
    try {
      evaluatePredictions(mutate(shifted()));
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelciError);
      expect((e as ModelciError).message).toMatch(message);
      expect((e as ModelciError).where).toEqual(where);
    }
  });
});
