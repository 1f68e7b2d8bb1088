import type { EnvironmentConfig } from '../../config/schema/deploy.js';
import { commandTarget } from './command.js';
import { gitopsTarget } from './gitops.js';
import { serverTarget } from './server.js';
import type { DeployTarget, TargetFactory, TargetKind } from './target.js';

/**
 * Every target by its name in `environments.<env>.target`. Typed by the schema's enum, so a name
 * added there without a target here (or the reverse) fails the typecheck.
 */
const TARGETS: Record<TargetKind, TargetFactory> = {
  server: serverTarget,
  command: commandTarget,
  gitops: gitopsTarget,
};

/** The target an environment's config names (`server` by default). */
export function createTarget(
  environment: string,
  config: EnvironmentConfig,
  cwd: string,
): DeployTarget {
  return TARGETS[config.target ?? 'server'](environment, config, cwd);
}
