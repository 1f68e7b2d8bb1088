import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/runs/compare.js';
import type { RunEvaluation, RunRecord } from '../../../src/core/runs/record.js';
import { intervalPValue, metricSignificance } from '../../../src/core/runs/significance.js';
import { renderComparison } from '../../../src/core/runs/text.js';
import { normalIsf } from '../../../src/core/stats/special.js';
import { record } from './fixture.js';

const ref = JSON.parse(readFileSync('test/fixtures/runs/reference.json', 'utf8')) as {
  isf: Record<string, number>;
  interval_cases: {
    a: number;
    a_ci: [number, number];
    b: number;
    b_ci: [number, number];
    confidence: number;
    p: number;
  }[];
};

describe('significance from recorded evaluations, against scipy', () => {
  it('the normal quantile agrees with scipy.stats.norm.isf to 1e-12', () => {
    for (const [p, z] of Object.entries(ref.isf))
      expect(Math.abs(normalIsf(Number(p)) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
  });

  it('the interval approximation agrees with scipy to 1e-12', () => {
    for (const c of ref.interval_cases)
      expect(
        Math.abs(intervalPValue(c.a, c.a_ci, c.confidence, c.b, c.b_ci, c.confidence) - c.p),
      ).toBeLessThan(1e-12);
  });
});

const HOLDOUT = { path: 'holdout.csv', sha256: 'h'.repeat(64), bytes: 100, rows: 500, label: 'y' };
const sha = (c: string) => c.repeat(64);

function evaluated(
  id: string,
  modelSha: string,
  metrics: RunEvaluation['metrics'],
  extra: Partial<RunEvaluation> = {},
  over: Partial<RunRecord> = {},
): RunRecord {
  return record({
    id,
    model: {
      path: 'm.onnx',
      sha256: modelSha,
      bytes: 10,
      signature: { inputs: [], outputs: [] },
      opsets: {},
    },
    evaluation: {
      dataset: HOLDOUT,
      metrics,
      confidence: 0.95,
      evaluated_at: '2026-01-02T04:00:00Z',
      ...extra,
    },
    ...over,
  });
}

describe('which differences are significant', () => {
  const a = evaluated('20260102-030405-aaaaaa', sha('a'), {
    accuracy: { value: 0.9, ci: [0.88, 0.92] },
    log_loss: { value: 0.25, ci: [0.22, 0.29] },
  });
  it('a paired test from an evaluation against the other run’s model comes first, either way round', () => {
    const b = evaluated(
      '20260102-030405-bbbbbb',
      sha('b'),
      { accuracy: { value: 0.93, ci: [0.91, 0.95] }, log_loss: { value: 0.24, ci: [0.21, 0.28] } },
      {
        baseline: { sha256: sha('a'), source: 'production' },
        comparison: { accuracy: { delta: 0.03, p_value: 0.2, test: 'mcnemar' } },
      },
    );
    expect(metricSignificance(a, b, 'accuracy')).toEqual({
      p: 0.2,
      method: 'paired',
      test: 'mcnemar',
      alpha: 0.05,
      significant: false,
    });
    // Reversed: a's evaluation compared a against b's model.
    expect(
      metricSignificance(
        b,
        {
          ...a,
          evaluation: {
            ...a.evaluation!,
            baseline: { sha256: sha('b'), source: 'x' },
            comparison: { accuracy: { delta: -0.03, p_value: 0.01, test: 'mcnemar' } },
          },
        },
        'accuracy',
      ),
    ).toMatchObject({ p: 0.01, method: 'paired', significant: true });
    // No paired test for log_loss: the intervals decide (scipy case 3 has other numbers; this
    // one is checked by the formula above).
    expect(metricSignificance(a, b, 'log_loss')?.method).toBe('intervals');
  });

  it('intervals on different data, or no intervals, judge nothing', () => {
    const other = evaluated(
      '20260102-030405-cccccc',
      sha('c'),
      { accuracy: { value: 0.99, ci: [0.98, 1] } },
      { dataset: { ...HOLDOUT, sha256: sha('d') } },
    );
    expect(metricSignificance(a, other, 'accuracy')).toBeUndefined();
    const noCi = evaluated('20260102-030405-dddddd', sha('d'), { accuracy: { value: 0.99 } });
    expect(metricSignificance(a, noCi, 'accuracy')).toBeUndefined();
    expect(metricSignificance(a, record(), 'accuracy')).toBeUndefined();
  });
});

/** Three runs as a user makes them: a baseline, a better one (evaluated against it), a failed one. */
export function threeRuns(): RunRecord[] {
  const base = evaluated(
    '20260102-030405-a1b2c3',
    sha('a'),
    { accuracy: { value: 0.9, ci: [0.88, 0.92] }, log_loss: { value: 0.25, ci: [0.22, 0.29] } },
    {},
    {
      params: { C: 1, opt: { lr: 0.1, layers: [8, 4] } },
      metrics: { train_loss: 0.2 },
      data: { train: { path: 't.csv', sha256: sha('t'), bytes: 1000, rows: 4000 } },
      code: {
        commit: sha('1').slice(0, 40),
        dirty: false,
        branch: 'main',
        files: { 'train.py': sha('f').slice(0, 40) },
      },
      tags: ['baseline'],
    },
  );
  const better = evaluated(
    '20260103-091500-d4e5f6',
    sha('b'),
    { accuracy: { value: 0.93, ci: [0.91, 0.95] }, log_loss: { value: 0.21, ci: [0.18, 0.24] } },
    {
      baseline: { sha256: sha('a'), source: 'base.onnx' },
      comparison: {
        accuracy: { delta: 0.03, ci_delta: [0.01, 0.05], p_value: 0.004, test: 'mcnemar' },
      },
    },
    {
      params: { C: 0.5, opt: { lr: 0.1, layers: [16, 8] } },
      metrics: { train_loss: 0.15 },
      data: { train: { path: 't.csv', sha256: sha('u'), bytes: 1200, rows: 4800 } },
      code: {
        commit: sha('2').slice(0, 40),
        dirty: false,
        branch: 'feature',
        files: { 'train.py': sha('e').slice(0, 40) },
      },
      started_at: '2026-01-03T09:15:00.000Z',
      duration_ms: 95_000,
    },
  );
  const failed = record({
    id: '20260104-120000-0f0f0f',
    status: 'failed',
    exit_code: 3,
    params: { C: 0.1, opt: { lr: 0.1, layers: [16, 8] } },
    code: { commit: sha('3').slice(0, 40), dirty: true, branch: 'feature' },
    started_at: '2026-01-04T12:00:00.000Z',
    duration_ms: 1_500,
  });
  return [base, better, failed];
}

describe('runs compare on three runs', () => {
  const cmp = compareRuns(threeRuns(), { first: ['log_loss'] });

  it('params, data and code side by side, differences marked', () => {
    expect(cmp.params).toEqual([
      { key: 'C', values: ['1', '0.5', '0.1'], differs: true },
      { key: 'opt.lr', values: ['0.1', '0.1', '0.1'], differs: false },
      { key: 'opt.layers', values: ['[8,4]', '[16,8]', '[16,8]'], differs: true },
    ]);
    expect(cmp.data.find((d) => d.key === 'train')).toEqual({
      key: 'train',
      values: [
        `sha256 ${'t'.repeat(12)} · 4000 rows`,
        `sha256 ${'u'.repeat(12)} · 4800 rows`,
        null,
      ],
      differs: true,
    });
    expect(cmp.code.find((d) => d.key === 'file train.py')?.differs).toBe(true);
  });

  it('metrics with deltas against the first run, verdicts only when significant', () => {
    expect(cmp.metrics.map((m) => `${m.source}:${m.key}`)).toEqual([
      'evaluation:log_loss',
      'evaluation:accuracy',
      'training:train_loss',
    ]);
    const acc = cmp.metrics.find((m) => m.key === 'accuracy')!;
    expect(acc.cells[1]).toMatchObject({
      value: 0.93,
      verdict: 'better',
      significance: { method: 'paired', p: 0.004 },
    });
    expect(acc.cells[1]!.delta).toBeCloseTo(0.03, 12);
    expect(acc.cells[2]).toEqual({});
    const ll = cmp.metrics.find((m) => m.key === 'log_loss')!;
    // No paired test for log_loss: both intervals on the same holdout; lower is better.
    expect(ll.cells[1]!.significance?.method).toBe('intervals');
    expect(ll.cells[1]!.verdict).toBe(
      ll.cells[1]!.significance!.p < 0.05 ? 'better' : 'no significant change',
    );
    const tl = cmp.metrics.find((m) => m.key === 'train_loss')!;
    expect(tl.cells[1]).toEqual({ value: 0.15, delta: 0.15 - 0.2 });
  });

  it('reads well in a terminal (golden text)', async () => {
    await expect(renderComparison(cmp)).toMatchFileSnapshot('__snapshots__/compare-three-runs.txt');
  });

  it('and as JSON: plain data that round-trips', () => {
    expect(JSON.parse(JSON.stringify(cmp))).toEqual(cmp);
  });
});
