import { defineDriftTest, numericSides } from '../drift-test.js';
import { kolmogorovSmirnovSf } from '../kolmogorov.js';
import { ks2Samp } from '../ks.js';
import { weightedKsStatistic } from '../weighted-ks.js';

/** Two-sample Kolmogorov-Smirnov (scipy ks_2samp); on compacted sketches, a stated error bound. */
export const ks = defineDriftTest({
  name: 'ks',
  label: 'Kolmogorov-Smirnov',
  decides: 'p_value',
  threshold: 0.05,
  inclusive: true,
  appliesTo: (kind) => kind === 'numeric',
  compute(input) {
    const { a, b, exact, rankError } = numericSides(input);
    if (exact) {
      const r = ks2Samp(a.values, b.values);
      return { statistic: r.statistic, pValue: r.pValue, method: r.method };
    }
    // Compacted sketches: statistic within rankError; p-value as scipy's asymp at the true sizes.
    const d = weightedKsStatistic(a.values, a.weights, b.values, b.weights);
    const nRef = input.reference.sketch.n;
    const nCur = input.current.sketch.n;
    const en = Math.round((nRef * nCur) / (nRef + nCur));
    return {
      statistic: d,
      pValue: kolmogorovSmirnovSf(en, d),
      method: 'asymp',
      statisticError: rankError,
    };
  },
  golden: { numeric: 'ks_2samp.pvalue_auto' },
});
