import { countVectors, defineDriftTest } from '../drift-test.js';
import { proportionZTest } from '../z-test.js';

/** Two-proportion z-test on the first of two values (binary columns). */
export const z = defineDriftTest({
  name: 'z',
  label: 'two-proportion z',
  decides: 'p_value',
  threshold: 0.05,
  appliesTo: (_kind, nUnique) => nUnique <= 2,
  compute(input) {
    const c = countVectors(input, 'values');
    const nRef = c.reference.reduce((s, x) => s + x, 0);
    const nCur = c.current.reduce((s, x) => s + x, 0);
    const r = proportionZTest(c.reference[0] ?? 0, nRef, c.current[0] ?? 0, nCur);
    return { statistic: r.statistic, pValue: r.pValue };
  },
  golden: { numeric: 'evidently.scores.z.score', categorical: 'evidently.scores.z.score' },
});
