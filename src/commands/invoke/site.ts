import { loadConfig } from '../../config/load.js';
import { ModelciError } from '../../core/errors.js';
import type { cardSpec, siteSpec } from '../../spec/commands/site.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runCard, type CardResult } from '../card.js';
import { repositoryOf } from '../github-access.js';
import type { Invocation } from '../invocation.js';
import { runSite, type SiteResult } from '../site.js';

/** Where commits and pull requests link to: the repository on the run's server, if one is known. */
function repositoryUrl(inv: Invocation, given: string | undefined): string | undefined {
  const repository = repositoryOf(inv, given);
  return repository ? `${inv.env.serverUrl}/${repository.fullName}` : undefined;
}

/** `modelci site` and the site action. */
export async function invokeSite(
  { values: v, given }: Parsed<typeof siteSpec.options>,
  inv: Invocation,
): Promise<SiteResult> {
  const { config } = loadConfig(v.config, { explicit: given.has('config') });
  const url = repositoryUrl(inv, v.repository);
  return runSite({
    out: v.out,
    config,
    title: v.title,
    driftHistory: v.driftHistory,
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(url ? { repositoryUrl: url } : {}),
    env: inv.processEnv,
  });
}

/** `modelci card <model>[@X.Y.Z|#stage]`. */
export async function invokeCard(
  { values: v, given, positionals }: Parsed<typeof cardSpec.options>,
  inv: Invocation,
): Promise<CardResult> {
  const [ref] = positionals;
  if (!ref)
    throw new ModelciError(
      'USAGE',
      'pass one model reference, e.g. churn@1.2.0 or churn#production',
    );
  const { config } = loadConfig(v.config, { explicit: given.has('config') });
  const url = repositoryUrl(inv, v.repository);
  return runCard({
    ref,
    config,
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(url ? { repositoryUrl: url } : {}),
    env: inv.processEnv,
  });
}
