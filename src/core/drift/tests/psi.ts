import { psi as psiOf } from '../distances.js';
import { countVectors, defineDriftTest } from '../drift-test.js';

/** Population stability index: numeric on the reference deciles, else per category. */
export const psi = defineDriftTest({
  name: 'psi',
  label: 'PSI',
  decides: 'distance',
  threshold: 0.1,
  appliesTo: () => true,
  compute(input) {
    const c = countVectors(input, 'deciles');
    return { statistic: psiOf(c.reference, c.current), pValue: null };
  },
  golden: { numeric: 'psi_quantile10.left_closed.psi', categorical: 'psi_eps1e-4.psi' },
});
