import type { RegistryConfig, StoreConfig } from '../config/schema/registry.js';

/** The `registry:` section with every default filled in. */
export interface RegistrySettings {
  path: string;
  branch: string | undefined;
  stages: string[];
  requirePreviousStage: boolean;
  requiredChecks: string[];
  bump: 'minor' | 'patch';
  tags: boolean;
  promotion: 'commit' | 'pull-request';
  pushAttempts: number;
  store: StoreConfig;
}

export function registrySettings(c: RegistryConfig = {}): RegistrySettings {
  return {
    path: c.path ?? 'registry',
    branch: c.branch,
    stages: c.stages ?? ['staging', 'production'],
    requirePreviousStage: c.require_previous_stage ?? false,
    requiredChecks: c.required_checks ?? [],
    bump: c.bump ?? 'minor',
    tags: c.tags ?? false,
    promotion: c.promotion ?? 'commit',
    pushAttempts: c.push_attempts ?? 20,
    store: c.store ?? {},
  };
}
