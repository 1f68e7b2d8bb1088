import { chiSquareContingency } from '../chi-square.js';
import { countVectors, defineDriftTest } from '../drift-test.js';

/** Chi-square test of homogeneity over categories (numeric: per value), Yates for two. */
export const chi2 = defineDriftTest({
  name: 'chi2',
  label: 'chi-square',
  decides: 'p_value',
  threshold: 0.05,
  appliesTo: () => true,
  compute(input) {
    const c = countVectors(input, 'values');
    const r = chiSquareContingency(c.reference, c.current, true);
    return { statistic: r.statistic, pValue: r.pValue };
  },
  golden: { categorical: 'chi2_contingency_yates.pvalue|chi2_contingency.pvalue' },
});
