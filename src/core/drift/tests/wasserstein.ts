import { defineDriftTest, numericSides, type TestOutcome } from '../drift-test.js';
import { wassersteinDistance } from '../distances.js';
import { populationStd } from '../../stats/moments.js';

/** Wasserstein-1 distance in reference standard deviations (Evidently's normed value). */
export const wasserstein = defineDriftTest({
  name: 'wasserstein',
  label: 'Wasserstein (normed)',
  decides: 'distance',
  threshold: 0.1,
  appliesTo: (kind) => kind === 'numeric',
  compute(input) {
    const { a, b, exact, rankError } = numericSides(input);
    const ref = input.reference;
    const cur = input.current;
    const w = wassersteinDistance(a.values, b.values, a.weights, b.weights);
    const std = exact ? populationStd(a.values) : Math.sqrt(ref.moments.m2 / ref.moments.n);
    const outcome: TestOutcome = { statistic: w / Math.max(std, 0.001), pValue: null };
    // |W1 error| <= sup|F error| * span of both samples.
    const span =
      Math.max(ref.moments.max, cur.moments.max) - Math.min(ref.moments.min, cur.moments.min);
    if (!exact) outcome.statisticError = (rankError * span) / Math.max(std, 0.001);
    return outcome;
  },
  golden: { numeric: 'wasserstein.normed_evidently' },
});
