import { describe, expect, it } from 'vitest';
import { lastSegment, metricDirection } from '../../../src/core/report/direction.js';
import { diffMetrics, verdictOf } from '../../../src/core/report/metric-diff.js';

describe('metricDirection', () => {
  it('knows the common names by their last segment', () => {
    const higher = [
      'accuracy',
      'eval.precision',
      'recall',
      'f1',
      'test.f1_macro',
      'auc',
      'roc_auc',
      'pr_auc',
      'r2',
    ];
    const lower = [
      'loss',
      'test.log_loss',
      'rmse',
      'mae',
      'mape',
      'brier',
      'latency_p95',
      'latency',
    ];
    for (const k of higher) expect(metricDirection(k), k).toBe('higher');
    for (const k of lower) expect(metricDirection(k), k).toBe('lower');
    expect(metricDirection('model.features')).toBeUndefined();
    expect(metricDirection('f1score_bogus')).toBeUndefined();
  });

  it('prefers the configured direction by full key, then by last segment', () => {
    const cfg = { 'test.loss': 'higher', throughput: 'higher', accuracy: 'lower' } as const;
    expect(metricDirection('test.loss', cfg)).toBe('higher');
    expect(metricDirection('train.loss', cfg)).toBe('lower');
    expect(metricDirection('serve.throughput', cfg)).toBe('higher');
    expect(metricDirection('accuracy', cfg)).toBe('lower');
    // Inherited object keys are not directions.
    expect(metricDirection('constructor', {})).toBeUndefined();
  });

  it('takes the last segment without array indices', () => {
    expect(lastSegment('a.b[2].f1')).toBe('f1');
    expect(lastSegment('scores[0]')).toBe('scores');
    expect(lastSegment('auc')).toBe('auc');
  });
});

describe('verdictOf', () => {
  it('is better or worse by direction', () => {
    expect(verdictOf(0.9, 0.91, 'higher')).toBe('better');
    expect(verdictOf(0.9, 0.89, 'higher')).toBe('worse');
    expect(verdictOf(0.3, 0.2, 'lower')).toBe('better');
    expect(verdictOf(0.3, 0.4, 'lower')).toBe('worse');
    expect(verdictOf(0.3, 0.3, 'lower')).toBe('unchanged');
  });

  it('has no verdict for a change of unknown direction, but unchanged is unchanged', () => {
    expect(verdictOf(1, 2, undefined)).toBeUndefined();
    expect(verdictOf(1, 1, undefined)).toBe('unchanged');
  });

  it('applies the absolute and relative tolerances (the larger wins)', () => {
    expect(verdictOf(0.9, 0.905, 'higher', { tolerance: 0.01 })).toBe('unchanged');
    expect(verdictOf(0.9, 0.92, 'higher', { tolerance: 0.01 })).toBe('better');
    // 2% of 100 = 2 > absolute 0.5
    expect(verdictOf(100, 98.5, 'higher', { tolerance: 0.5, relativeTolerance: 0.02 })).toBe(
      'unchanged',
    );
    expect(verdictOf(100, 97.5, 'higher', { tolerance: 0.5, relativeTolerance: 0.02 })).toBe(
      'worse',
    );
    // at the edge: within tolerance
    expect(verdictOf(1, 1.5, 'higher', { tolerance: 0.5 })).toBe('unchanged');
  });
});

describe('diffMetrics', () => {
  it('diffs numbers, shows text, marks added and removed', () => {
    const base = new Map<string, number | string | null>([
      ['auc', 0.8],
      ['name', 'a'],
      ['gone', 1],
      ['zero', 0],
    ]);
    const head = new Map<string, number | string | null>([
      ['auc', 0.9],
      ['name', 'b'],
      ['zero', 1],
      ['new', 2],
    ]);
    const rows = diffMetrics(base, head);
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['auc', 'numeric'],
      ['name', 'text'],
      ['zero', 'numeric'],
      ['new', 'added'],
      ['gone', 'removed'],
    ]);
    const auc = rows[0]!;
    expect(auc.kind === 'numeric' && auc.verdict).toBe('better');
    expect(auc.kind === 'numeric' && auc.relative).toBeCloseTo(0.125, 12);
    const zero = rows[2]!;
    expect(zero.kind === 'numeric' && zero.relative).toBeNull();
    expect(rows[1]).toEqual({ kind: 'text', key: 'name', base: 'a', head: 'b', changed: true });
  });

  it('does not diff non-finite numbers or a number against text', () => {
    const rows = diffMetrics(
      new Map<string, number | string>([
        ['x', Number.NaN],
        ['y', 1],
      ]),
      new Map<string, number | string>([
        ['x', 1],
        ['y', '1'],
      ]),
    );
    expect(rows.map((r) => r.kind)).toEqual(['text', 'text']);
  });
});
