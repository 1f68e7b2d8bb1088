import type { TableProfile } from '../profile/table-profile.js';
import { normalizeContract, type Contract } from './contract.js';
import { inferContract } from './infer.js';

/**
 * Train/serve skew: what the training data looked like, as expectations on what the model is
 * served. From the training profile, with the contract's default margin and tolerance (a few
 * values past a heavy tail's training extremes are sampling, not skew): the columns, their types,
 * their ranges and the categories they had. A column missing or of another type breaks the model (error);
 * values outside the training range or categories never seen in training are what it extrapolates
 * on (warning). Missing rates, ids and row counts are the contract's business, not skew.
 */
export function skewContract(training: TableProfile, label?: string): Contract {
  const { contract } = inferContract(training, label ? { label } : {});
  delete contract.rows;
  delete contract.id;
  for (const c of Object.values(contract.columns)) {
    delete c.max_missing;
    delete c.unique;
    if (c.range) c.range = { ...c.range, severity: 'warning' };
    if (Array.isArray(c.allowed)) c.allowed = { values: c.allowed, severity: 'warning' };
  }
  contract.extra_columns = 'warning';
  return normalizeContract(contract, 'the training profile');
}
