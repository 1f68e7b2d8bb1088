import { withDefaults } from '../core/schema-defaults.js';
import {
  registrySchema,
  type RegistryConfig,
  type ResolvedRegistry,
  type StoreConfig,
} from '../config/schema/registry.js';

/** The `registry:` section with every default of the schema filled in. */
export interface RegistrySettings {
  path: string;
  branch: string | undefined;
  stages: string[];
  requirePreviousStage: boolean;
  requireDataChecks: boolean;
  requireEvaluation: boolean;
  requiredChecks: string[];
  bump: 'minor' | 'patch';
  tags: boolean;
  promotion: 'commit' | 'pull-request';
  pushAttempts: number;
  store: StoreConfig;
}

export function registrySettings(c: RegistryConfig = {}): RegistrySettings {
  // The defaults live in the schema (schema/modelci.schema.json documents them).
  const r = withDefaults<ResolvedRegistry>(registrySchema, c);
  return {
    path: r.path,
    branch: r.branch,
    stages: [...r.stages],
    requirePreviousStage: r.require_previous_stage,
    requireDataChecks: r.require_data_checks,
    requireEvaluation: r.require_evaluation,
    requiredChecks: [...r.required_checks],
    bump: r.bump,
    tags: r.tags,
    promotion: r.promotion,
    pushAttempts: r.push_attempts,
    store: r.store,
  };
}
