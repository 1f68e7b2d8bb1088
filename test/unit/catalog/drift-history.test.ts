import { describe, expect, it } from 'vitest';
import { driftChecks, mergeDriftChecks } from '../../../src/core/catalog/drift-history.js';

const check = (at: string, extra: object = {}) => ({
  at,
  drifted: false,
  share: 0.1,
  n_drifted: 1,
  n_tested: 10,
  ...extra,
});

describe('drift history files for the catalog', () => {
  it('an entry names its model; a file given as <model>=<file> names it for every entry', () => {
    const data = [check('2026-01-01', { model: 'churn' }), check('2026-01-02', { model: 'fraud' })];
    expect([...driftChecks(data, 'h.json', undefined, ['churn', 'fraud']).checks.keys()]).toEqual([
      'churn',
      'fraud',
    ]);
    expect([...driftChecks(data, 'h.json', 'churn', ['churn', 'fraud']).checks.keys()]).toEqual([
      'churn',
    ]);
  });

  it('entries without a model belong to the only model; with several it is a problem', () => {
    expect(
      driftChecks([check('a')], 'h.json', undefined, ['churn']).checks.get('churn'),
    ).toHaveLength(1);
    const r = driftChecks([check('a')], 'h.json', undefined, ['churn', 'fraud']);
    expect(r.checks.size).toBe(0);
    expect(r.problems).toEqual([
      { file: 'h.json', message: '[0]: names no model; pass the file as <model>=h.json' },
    ]);
  });

  it('unreadable entries and unknown models are problems, the rest is shown', () => {
    const r = driftChecks(
      [check('a', { model: 'gone' }), { at: 1 }, check('b')],
      'h.json',
      undefined,
      ['churn'],
    );
    expect(r.checks.get('churn')).toHaveLength(1);
    expect(r.problems.map((p) => p.message)).toEqual([
      '[0]: model "gone" is not in the registry',
      '[1]: not a drift check (needs at, drifted, share, n_drifted, n_tested)',
    ]);
    expect(
      driftChecks({ not: 'a list' }, 'h.json', undefined, ['churn']).problems[0]!.message,
    ).toMatch(/not a JSON list/);
  });

  it('merges files oldest first without duplicates', () => {
    const a = { ...check('2026-01-02'), source: 'a' };
    const b = { ...check('2026-01-01'), source: 'b' };
    expect(mergeDriftChecks([[a], [b, a]]).map((c) => c.at)).toEqual(['2026-01-01', '2026-01-02']);
  });
});
