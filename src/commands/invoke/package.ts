import { loadConfig } from '../../config/load.js';
import { registrySettings } from '../../registry/settings.js';
import type { packageSpec } from '../../spec/commands/package.js';
import type { Parsed } from '../../spec/option-spec.js';
import { githubClient, repositoryOf } from '../github-access.js';
import type { Invocation } from '../invocation.js';
import { runPackage, type PackageResult } from '../package.js';

/** `modelci package` and the package action. */
export async function invokePackage(
  { values: v, given }: Parsed<typeof packageSpec.options>,
  inv: Invocation,
): Promise<PackageResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const settings = registrySettings(loaded.config.registry);
  const repo = repositoryOf(inv, v.repository);
  // Artifacts kept as release assets are downloaded with the run's token.
  const client = repo ? await githubClient(inv) : undefined;
  return runPackage({
    ref: v.model,
    registryDir: v.registry ?? settings.path,
    registryOptions: {
      store: settings.store,
      ...(client && repo ? { github: { client, repository: repo.fullName } } : {}),
    },
    out: v.out,
    ...(v.image !== undefined ? { image: v.image } : {}),
    ...(repo ? { sourceUrl: `${inv.env.serverUrl}/${repo.fullName}` } : {}),
    env: inv.processEnv,
    log: inv.log,
  });
}
