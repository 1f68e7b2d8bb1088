import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/core/drift/compare-profiles.js';
import { DRIFT_TEST_REGISTRY } from '../../../src/core/drift/tests/index.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';

// Every drift test in the registry, run through compareProfiles (profiles of the raw data, the
// path `modelci drift` takes) on every golden scipy case its entry names a value for.
type Cell = string | number | boolean | null;
const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/drift/drift-scipy.json', import.meta.url), 'utf8'),
) as {
  cases: {
    id: string;
    kind: 'numeric' | 'categorical';
    reference: Cell[];
    current: Cell[];
    expected: unknown;
  }[];
};

function profile(values: Cell[]): TableProfile {
  const p = new TableProfile();
  p.beginSource('mem', 'csv');
  p.addBatch({ columns: ['x'], firstRow: 1, length: values.length, values: [values] });
  return p;
}

/** `a.b|c.d`: the first key path that exists in `expected`. */
function lookup(expected: unknown, paths: string): number | undefined {
  for (const path of paths.split('|')) {
    let cur: unknown = expected;
    for (const k of path.split('.'))
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
    if (typeof cur === 'number') return cur;
  }
  return undefined;
}

const checked = new Map<string, string[]>();

describe('drift-test registry against the golden scipy values', () => {
  for (const spec of DRIFT_TEST_REGISTRY) {
    for (const kind of ['numeric', 'categorical'] as const) {
      const path = spec.golden[kind];
      if (!path) continue;
      for (const c of golden.cases.filter((g) => g.kind === kind)) {
        const expected = lookup(c.expected, path);
        if (expected === undefined) continue;
        it(`${spec.name} on ${c.id}`, () => {
          const r = compareProfiles(profile(c.reference), profile(c.current), {
            forcedTest: spec.name,
          });
          const col = r.columns[0]!;
          expect(col.problems.filter((p) => p.includes('does not apply'))).toEqual([]);
          expect(col.test).toBe(spec.name);
          const actual = spec.decides === 'p_value' ? col.p_value! : col.statistic!;
          const tol = Math.max(1e-9 * Math.abs(expected), 1e-15);
          expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
          const list = checked.get(`${spec.name}:${kind}`) ?? [];
          checked.set(`${spec.name}:${kind}`, [...list, c.id]);
        });
      }
    }
  }

  it('PSI and Jensen-Shannon are checked on every numeric case, whatever the reference size', () => {
    const numeric = golden.cases.filter((c) => c.kind === 'numeric').map((c) => c.id);
    expect(numeric).toHaveLength(9);
    expect(checked.get('psi:numeric')).toEqual(numeric);
    expect(checked.get('js:numeric')).toEqual(numeric);
    expect(checked.get('ks:numeric')).toEqual(numeric);
    expect(checked.get('wasserstein:numeric')).toEqual(numeric);
    for (const spec of DRIFT_TEST_REGISTRY)
      expect(
        [...checked.keys()].some((k) => k.startsWith(`${spec.name}:`)),
        `${spec.name} has golden cases`,
      ).toBe(true);
  });
});
