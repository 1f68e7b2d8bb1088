import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../../src/core/runs/gc.js';
import {
  filterRuns,
  parseSort,
  parseThreshold,
  parseWhen,
  resolveRun,
  sortRuns,
} from '../../../src/core/runs/select.js';
import { errorOf } from '../../harness/error-of.js';
import { record } from './fixture.js';

const run = (id: string, over: Parameters<typeof record>[0] = {}) => ({
  record: record({
    id,
    started_at: `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.000Z`,
    ...over,
  }),
});

const a = run('20260101-100000-aaaaaa', {
  tags: ['baseline'],
  metrics: { accuracy: 0.9, nested: { loss: 0.3 } },
  code: { commit: 'abc1230000', branch: 'main' },
});
const b = run('20260102-100000-bbbbbb', {
  status: 'failed',
  code: { commit: 'def4560000', branch: 'feature' },
  ci: { head_sha: 'fedcba9999' },
});
const c = run('20260103-100000-cccccc', {
  model_name: 'fraud',
  metrics: { accuracy: 0.8, log_loss: 0.2 },
  evaluation: {
    dataset: { path: 'h.csv', sha256: 'e'.repeat(64), bytes: 1 },
    metrics: { accuracy: { value: 0.95, ci: [0.9, 0.99] } },
    evaluated_at: '2026-01-03T11:00:00Z',
  },
  code: { commit: 'abc1239999', branch: 'main' },
});
const runs = [a, b, c];

describe('naming a run', () => {
  it('full id, <model>/<id>, unique prefix, the random part, latest', () => {
    expect(resolveRun(runs, '20260102-100000-bbbbbb')).toBe(b);
    expect(resolveRun(runs, 'fraud/20260103-100000-cccccc')).toBe(c);
    expect(resolveRun(runs, '20260101')).toBe(a);
    expect(resolveRun(runs, 'bbbbbb')).toBe(b);
    expect(resolveRun(runs, 'latest')).toBe(c);
  });

  it('ambiguous, unknown and too-short names are errors that say what to do', () => {
    expect(errorOf(() => resolveRun(runs, '2026')).message).toBe(
      'run "2026" is ambiguous: churn/20260101-100000-aaaaaa, churn/20260102-100000-bbbbbb, fraud/20260103-100000-cccccc',
    );
    const e = errorOf(() => resolveRun(runs, 'zzzz'));
    expect(e.message).toBe('no run "zzzz"');
    expect(e.hint).toMatch(/modelci runs fetch/);
    expect(errorOf(() => resolveRun(runs, 'bbb')).message).toBe('no run "bbb"');
    expect(errorOf(() => resolveRun(runs, 'churn/20260103-100000-cccccc')).message).toBe(
      'no run "churn/20260103-100000-cccccc"',
    );
    expect(errorOf(() => resolveRun<typeof a>([], 'latest')).message).toBe(
      'there are no runs to take the latest of',
    );
  });
});

describe('filters', () => {
  it('model, branch, commit (code or head), tag, status, dates, metric thresholds', () => {
    const ids = (f: Parameters<typeof filterRuns>[1]) =>
      filterRuns(runs, f).map((r) => r.record.id.slice(-6));
    expect(ids({ model: 'churn' })).toEqual(['aaaaaa', 'bbbbbb']);
    expect(ids({ branch: 'main' })).toEqual(['aaaaaa', 'cccccc']);
    expect(ids({ commit: 'ABC123' })).toEqual(['aaaaaa', 'cccccc']);
    expect(ids({ commit: 'fedcba' })).toEqual(['bbbbbb']);
    expect(ids({ tags: ['baseline'] })).toEqual(['aaaaaa']);
    expect(ids({ tags: ['baseline', 'other'] })).toEqual([]);
    expect(ids({ status: 'failed' })).toEqual(['bbbbbb']);
    expect(ids({ since: '2026-01-02T10:00:00.000Z' })).toEqual(['bbbbbb', 'cccccc']);
    expect(ids({ until: '2026-01-02T10:00:00.000Z' })).toEqual(['aaaaaa']);
    // A bare name reads the evaluation first (0.95), then training; train./eval. pick a side.
    expect(ids({ where: [parseThreshold('accuracy>=0.9', 'w')] })).toEqual(['aaaaaa', 'cccccc']);
    expect(ids({ where: [parseThreshold('train.accuracy>=0.85', 'w')] })).toEqual(['aaaaaa']);
    expect(ids({ where: [parseThreshold('eval.accuracy > 0.9', 'w')] })).toEqual(['cccccc']);
    expect(ids({ where: [parseThreshold('nested.loss<0.5', 'w')] })).toEqual(['aaaaaa']);
    expect(
      ids({ where: [parseThreshold('accuracy!=0.9', 'w'), parseThreshold('log_loss==0.2', 'w')] }),
    ).toEqual(['cccccc']);
  });

  it('bad thresholds and dates name the option and the form', () => {
    const e = errorOf(() => parseThreshold('accuracy>>0.9', '--where'));
    expect(e.message).toBe('--where: "accuracy>>0.9" is not <metric><op><number>');
    expect(errorOf(() => parseThreshold('accuracy>=high', '--where')).message).toMatch(
      /not <metric>/,
    );
    const now = new Date('2026-01-10T00:00:00Z');
    expect(parseWhen('7d', now, 's')).toBe('2026-01-03T00:00:00.000Z');
    expect(parseWhen('12h', now, 's')).toBe('2026-01-09T12:00:00.000Z');
    expect(parseWhen('2w', now, 's')).toBe('2025-12-27T00:00:00.000Z');
    expect(parseWhen('2026-01-05', now, 's')).toBe('2026-01-05T00:00:00.000Z');
    expect(parseWhen('2026-01-05T10:30:00+02:00', now, 's')).toBe('2026-01-05T08:30:00.000Z');
    expect(errorOf(() => parseWhen('last week', now, '--since')).message).toBe(
      '--since: "last week" is not a date',
    );
  });
});

describe('sorting by a metric', () => {
  it('best first by direction; runs without the metric last; an explicit order wins', () => {
    const ids = (rs: typeof runs) => rs.map((r) => r.record.id.slice(-6));
    expect(ids(sortRuns(runs, parseSort('accuracy', 's')))).toEqual(['cccccc', 'aaaaaa', 'bbbbbb']);
    expect(ids(sortRuns(runs, parseSort('accuracy:asc', 's')))).toEqual([
      'aaaaaa',
      'cccccc',
      'bbbbbb',
    ]);
    expect(ids(sortRuns(runs, parseSort('log_loss', 's')))).toEqual(['cccccc', 'bbbbbb', 'aaaaaa']);
    // A configured direction: lower is better for this custom name.
    const x = [
      run('20260101-000000-000001', { metrics: { cost: 3 } }),
      run('20260101-000000-000002', { metrics: { cost: 1 } }),
    ];
    expect(ids(sortRuns(x, parseSort('cost', 's'), { cost: 'lower' }))).toEqual([
      '000002',
      '000001',
    ]);
    expect(ids(sortRuns(x, parseSort('cost', 's')))).toEqual(['000001', '000002']);
  });
});

describe('gc', () => {
  it('keeps registered, tagged, the newest per model and runs after the cut-off; removes the rest', () => {
    const many = [
      run('20260101-000000-000001', { tags: ['keep'] }),
      run('20260102-000000-000002'),
      run('20260103-000000-000003'),
      run('20260104-000000-000004'),
      run('20260105-000000-000005'),
      run('20260101-000000-000006', { model_name: 'fraud' }),
    ];
    const { remove, keep } = collectRuns(many, {
      keepLast: 1,
      before: '2026-01-04T00:00:00.000Z',
      registered: new Set(['20260102-000000-000002']),
    });
    expect(remove.map((r) => r.record.id.slice(-6))).toEqual(['000003']);
    expect(Object.fromEntries(keep.map((k) => [k.run.record.id.slice(-6), k.because]))).toEqual({
      '000005': 'recent',
      '000004': 'newer than the cut-off',
      '000002': 'registered',
      '000001': 'tagged',
      '000006': 'recent',
    });
  });
});
