import { describe, expect, it } from 'vitest';
import { flattenMetrics, mergeMetricSources } from '../../../src/core/report/flatten.js';
import { errorOf } from '../../harness/error-of.js';

describe('flattenMetrics', () => {
  it('flattens nested mappings to dotted keys and arrays to [i], in file order', () => {
    const flat = flattenMetrics({
      test: { auc: 0.9, per_class: [{ f1: 0.8 }, { f1: 0.7 }] },
      scores: [1, 2],
      name: 'lr',
      ok: true,
      missing: null,
      empty: {},
      none: [],
    });
    expect([...flat]).toEqual([
      ['test.auc', 0.9],
      ['test.per_class[0].f1', 0.8],
      ['test.per_class[1].f1', 0.7],
      ['scores[0]', 1],
      ['scores[1]', 2],
      ['name', 'lr'],
      ['ok', true],
      ['missing', null],
    ]);
  });
});

describe('mergeMetricSources', () => {
  it('merges several files into one set', () => {
    const m = mergeMetricSources([
      { file: 'a.json', data: { train: { loss: 0.3 } } },
      { file: 'b.yaml', data: { test: { loss: 0.4 } } },
    ]);
    expect(Object.fromEntries(m)).toEqual({ 'train.loss': 0.3, 'test.loss': 0.4 });
  });

  it('names both files and the key when two files give the same metric', () => {
    const e = errorOf(() =>
      mergeMetricSources([
        { file: 'a.json', data: { test: { auc: 0.9 } } },
        { file: 'b.json', data: { test: { auc: 0.8 } } },
      ]),
    );
    expect(e.format()).toBe(
      'b.json: test.auc: metric "test.auc" is also in a.json. Give each metric in one file only, or pass the files for one side only',
    );
  });

  it('refuses empty files, scalars and files without values', () => {
    expect(
      errorOf(() => mergeMetricSources([{ file: 'e.json', data: undefined }])).format(),
    ).toMatch(/^e\.json: no metrics in file \(it is empty\)\. /);
    expect(errorOf(() => mergeMetricSources([{ file: 's.yaml', data: 3 }])).message).toBe(
      'metrics must be a mapping, got a number',
    );
    expect(errorOf(() => mergeMetricSources([{ file: 'o.json', data: { a: {} } }])).message).toBe(
      'no metrics in file (no values found)',
    );
  });
});
