import { loadConfig } from '../../config/load.js';
import type { registerSpec } from '../../spec/commands/register.js';
import type { Parsed } from '../../spec/option-spec.js';
import { profileDataFor, runRegister, type RegisterResult } from '../register.js';
import { githubClient } from '../github-access.js';
import type { Invocation } from '../invocation.js';

/** `modelci register` and the register action. */
export async function invokeRegister(
  { values: v, given }: Parsed<typeof registerSpec.options>,
  inv: Invocation,
): Promise<RegisterResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const modelConfig = loaded.config.models[v.model];
  const profileData = profileDataFor(v.profileData, modelConfig, inv.log);
  const sketchSize = modelConfig?.drift?.sketch_size ?? loaded.config.drift?.sketch_size;
  const repository = inv.env.repository?.fullName;
  // The release-asset store uploads with the run's token.
  const client = repository ? await githubClient(inv) : undefined;
  return runRegister({
    model: v.model,
    artifact: v.artifact,
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(v.version !== undefined ? { version: v.version } : {}),
    ...(v.bump !== undefined ? { bump: v.bump } : {}),
    ...(v.report !== undefined ? { report: v.report } : {}),
    ...(profileData ? { profileData } : {}),
    ...(v.smokeSamples !== undefined ? { smokeSamples: v.smokeSamples } : {}),
    ...(v.run !== undefined ? { run: v.run } : {}),
    ...(sketchSize !== undefined ? { sketchSize } : {}),
    remote: v.remote,
    ...(loaded.config.registry ? { config: loaded.config.registry } : {}),
    ...(modelConfig ? { modelConfig } : {}),
    ...(v.pullRequest !== undefined ? { context: { pullRequest: v.pullRequest } } : {}),
    ...(client && repository ? { github: { client, repository } } : {}),
    push: v.push,
    env: inv.processEnv,
    log: inv.log,
    warn: inv.warn,
  });
}
