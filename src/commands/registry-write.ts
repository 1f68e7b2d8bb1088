import type { RegistryConfig } from '../config/schema/registry.js';
import { checkName } from '../core/registry/names.js';
import { checkStage } from '../core/registry/promotion.js';
import { openCheckout, type RegistryCheckout } from '../registry/checkout.js';
import { checkGtoNames } from '../registry/gto-tags.js';
import { runContext, type RunContext } from '../registry/run-context.js';
import { registrySettings, type RegistrySettings } from '../registry/settings.js';

/** What every registry write (register, promote, rollback, deprecate) takes besides its own options. */
export interface RegistryWriteOptions {
  /** Registry folder (inside a git checkout). Default: registry.path from config. */
  registry?: string;
  model: string;
  push?: boolean;
  remote?: string;
  config?: RegistryConfig;
  /** Who and where: defaults from the GitHub Actions environment. */
  context?: Partial<RunContext>;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  log?: (msg: string) => void;
  /** Broken records elsewhere in the model (one line each; the presenter says it is a warning). */
  warn?: (msg: string) => void;
}

/** The settings, checkout and run context a registry write starts from. */
export interface Prepared {
  settings: RegistrySettings;
  checkout: RegistryCheckout;
  ctx: RunContext;
  model: string;
}

/**
 * Checks the names (GTO's grammar too, with tags on) and opens the checkout, finishing any change a
 * killed run left, with the settings the write uses. `stage`: the stage a stage move writes.
 */
export async function prepareWrite(opts: RegistryWriteOptions, stage?: string): Promise<Prepared> {
  const env = opts.env ?? process.env;
  const settings = registrySettings(opts.config);
  const model = checkName(opts.model);
  if (stage !== undefined) checkStage(settings.stages, stage);
  if (settings.tags) checkGtoNames(model, stage);
  const checkout = await openCheckout(opts.registry ?? settings.path, {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(settings.branch ? { branch: settings.branch } : {}),
    env,
    ...(opts.log ? { log: opts.log } : {}),
  });
  const ctx = runContext(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
  return { settings, checkout, ctx, model };
}
