import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/core/drift/compare-profiles.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';

type Cell = string | number | boolean | null;

function profile(columns: Record<string, Cell[]>, k?: number): TableProfile {
  const names = Object.keys(columns);
  const p = new TableProfile(k);
  p.beginSource('mem', 'csv');
  const length = Math.max(0, ...names.map((n) => columns[n]!.length));
  p.addBatch({ columns: names, firstRow: 1, length, values: names.map((n) => columns[n]!) });
  return p;
}

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/drift/drift-scipy.json', import.meta.url), 'utf8'),
) as {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cases: { id: string; kind: string; reference: Cell[]; current: Cell[]; expected: any }[];
};
const evName: Record<string, string> = { chisquare: 'chi2', jensenshannon: 'js' };

describe('compareProfiles on the golden cases (profiles of the raw data)', () => {
  for (const c of golden.cases) {
    it(`${c.id}: Evidently's default test, scipy's value, verdict`, () => {
      const r = compareProfiles(profile({ x: c.reference }), profile({ x: c.current }));
      const col = r.columns[0]!;
      const ev = c.expected.evidently;
      expect(col.test).toBe(evName[ev.default_test] ?? ev.default_test);
      const e = c.expected;
      if (col.test === 'ks') {
        expect(col.p_value).toBeCloseTo(e.ks_2samp.pvalue_auto, 12);
        expect(col.statistic).toBeCloseTo(e.ks_2samp.statistic, 12);
      } else if (col.test === 'wasserstein') {
        expect(col.statistic! / e.wasserstein.normed_evidently).toBeCloseTo(1, 9);
      } else if (col.test === 'chi2') {
        const ref = e.chi2_contingency_yates ?? e.chi2_contingency;
        expect(col.p_value! / ref.pvalue).toBeCloseTo(1, 9);
      } else if (col.test === 'js') {
        expect(col.statistic! / e.jensenshannon.distance_base_e).toBeCloseTo(1, 9);
      } else if (col.test === 'z') {
        expect(col.p_value! / ev.scores.z.score).toBeCloseTo(1, 9);
      }
      expect(col.drifted).toBe(ev.default_result.drifted);
      expect(r.share).toBe(col.drifted ? 1 : 0);
      if (c.id === 'cat_new_category_in_current_n100_n80')
        expect(col.unseen_categories).toEqual(['d']);
      if (c.id === 'cat_with_missing_n40_n35')
        expect(col.missing_rate.reference).toBeGreaterThan(0);
    });
  }
});

describe('compareProfiles: forced tests, bad input, verdict', () => {
  const ref = profile({
    a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    b: ['x', 'y', 'x', 'y', 'x', 'z', 'x', 'y', 'x', 'y'],
    only_ref: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    empty: [null, '', 'NA', null, null, null, null, null, null, null],
    constant: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    mixed: ['1', '2', 'three', '4', '5', '6', '7', '8', '9', '10'],
  });
  const cur = profile({
    a: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
    b: ['x', 'y', 'w', 'w', 'x', 'z', 'x', 'y', 'x', 'y'],
    only_cur: ['q', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q'],
    empty: [null, null, null, null, null, null, null, null, null, null],
    constant: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    mixed: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  });

  it('reports every bad column as a problem, never throws, and tests the rest', () => {
    const r = compareProfiles(ref, cur);
    const by = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(by.a).toMatchObject({ test: 'ks', drifted: true });
    expect(by.b!.unseen_categories).toEqual(['w']);
    expect(by.only_ref!.problems).toEqual(['column only in the reference']);
    expect(by.only_cur!.problems).toEqual(['column only in the current data']);
    expect(by.empty!.problems).toContain('every value is missing in the reference');
    expect(by.empty!.test).toBeNull();
    expect(by.constant).toMatchObject({ test: 'z', drifted: false, p_value: 1 });
    expect(by.mixed!.problems[0]).toMatch(
      /reference mixes numbers .* text \(1, first at mem row 3: "three"\)/,
    );
    expect(r.n_tested).toBe(3);
    expect(r.share).toBeCloseTo(1 / 3, 12);
    expect(r.drifted).toBe(false);
    expect(compareProfiles(ref, cur, { driftShare: 0.3 }).drifted).toBe(true);
    expect(r.columns[0]!.name).toBe('a');
  });

  it('--test forces one test where it applies and falls back (with a note) where it does not', () => {
    const r = compareProfiles(ref, cur, { forcedTest: 'wasserstein' });
    const by = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(by.a!.test).toBe('wasserstein');
    expect(by.a!.p_value).toBeUndefined();
    expect(by.b!.test).toBe('chi2');
    expect(by.b!.problems[0]).toMatch(/test wasserstein does not apply to a categorical column/);
    const psi = compareProfiles(ref, cur, { forcedTest: 'psi', columnTests: { b: 'js' } });
    expect(psi.columns.find((c) => c.name === 'a')!.test).toBe('psi');
    expect(psi.columns.find((c) => c.name === 'b')!.test).toBe('js');
  });

  it('an empty current window tests nothing and says so', () => {
    const r = compareProfiles(ref, profile({ a: [], b: [] }));
    expect(r.drifted).toBe(false);
    expect(r.n_tested).toBe(0);
    expect(r.problems).toEqual(['the current window has no rows: nothing to compare']);
  });

  it('beyond the sketch size, KS runs on the sketches with a stated statistic error', () => {
    const n = 5000;
    const a = Array.from({ length: n }, (_, i) => Math.sin(i) * 10);
    const b = Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) * 10 + 0.5);
    const exact = compareProfiles(profile({ x: a }), profile({ x: b }), { forcedTest: 'ks' })
      .columns[0]!;
    const approx = compareProfiles(profile({ x: a }, 256), profile({ x: b }, 256), {
      forcedTest: 'ks',
    }).columns[0]!;
    expect(exact.statistic_error).toBeUndefined();
    expect(approx.statistic_error).toBeGreaterThan(0);
    expect(Math.abs(approx.statistic! - exact.statistic!)).toBeLessThanOrEqual(
      approx.statistic_error!,
    );
  });
});
