import { jensenShannon } from '../distances.js';
import { countVectors, defineDriftTest } from '../drift-test.js';

/** Jensen-Shannon distance (base e): numeric on the reference deciles, else per category. */
export const js = defineDriftTest({
  name: 'js',
  label: 'Jensen-Shannon',
  decides: 'distance',
  threshold: 0.1,
  appliesTo: () => true,
  compute(input) {
    const c = countVectors(input, 'deciles');
    return { statistic: jensenShannon(c.reference, c.current), pValue: null };
  },
  golden: {
    numeric: 'psi_quantile10.left_closed.js.distance_base_e',
    categorical: 'jensenshannon.distance_base_e',
  },
});
