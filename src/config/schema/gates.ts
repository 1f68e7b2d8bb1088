// The gates' schema and type live with the code that evaluates them (src/core/gates/policy.ts).
export {
  gatesSchema,
  regressionThresholds,
  type GatePolicy,
  type GatesConfig,
} from '../../core/gates/policy.js';
