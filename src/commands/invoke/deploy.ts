import { loadConfig } from '../../config/load.js';
import { ModelciError } from '../../core/errors.js';
import { checkImageReference } from '../../core/package/image-reference.js';
import { findJobDeployment } from '../../github/deployments.js';
import { registrySettings } from '../../registry/settings.js';
import type { deploySpec } from '../../spec/commands/deploy.js';
import type { Parsed } from '../../spec/option-spec.js';
import { modelSettingsOf } from '../compare-live.js';
import { runDeploy, type DeployResult } from '../deploy.js';
import { githubClient, repositoryOf } from '../github-access.js';
import { optionName, type Invocation } from '../invocation.js';

/**
 * `modelci deploy` and the deploy action. A GitHub Deployment is recorded when the repository and
 * a token are known; `deployment-id: auto` finds the one the job's `environment:` key opened.
 */
export async function invokeDeploy(
  { values: v, given }: Parsed<typeof deploySpec.options>,
  inv: Invocation,
): Promise<DeployResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const config = { ...(loaded.config.environments?.[v.environment] ?? {}) };
  if (v.url !== undefined) config.url = v.url;
  if (v.image !== undefined) checkImageReference(v.image, optionName(inv, 'image'));
  const repo = repositoryOf(inv, v.repository);
  const client = repo ? await githubClient(inv) : undefined;
  const ref = v.ref ?? inv.env.sha ?? 'HEAD';
  let deploymentId: number | undefined;
  if (v.deploymentId === 'auto') {
    if (!client || !repo)
      throw new ModelciError(
        inv.surface === 'cli' ? 'USAGE' : 'INPUT',
        `${optionName(inv, 'deployment-id')} auto needs a token and the repository`,
      );
    deploymentId = await findJobDeployment(
      client,
      { owner: repo.owner, repo: repo.repo },
      v.environment,
      ref,
    );
    if (deploymentId === undefined)
      throw new ModelciError(
        'DEPLOY',
        `no open deployment of ${v.environment} at ${ref.slice(0, 7)}`,
        {
          hint: 'Use deployment-id: auto only in a job with `environment:`; or leave it empty',
        },
      );
    inv.log(`using deployment ${deploymentId} of the job's environment`);
  } else if (v.deploymentId !== undefined) {
    if (!/^\d+$/.test(v.deploymentId))
      throw new ModelciError(
        inv.surface === 'cli' ? 'USAGE' : 'INPUT',
        `${optionName(inv, 'deployment-id')} must be a deployment id or auto (got "${v.deploymentId}")`,
      );
    deploymentId = Number(v.deploymentId);
  }
  const settings = registrySettings(loaded.config.registry);
  return runDeploy({
    model: v.model,
    environment: v.environment,
    ...(v.version !== undefined ? { version: v.version } : {}),
    ...(v.image !== undefined ? { image: v.image } : {}),
    // Artifacts in GitHub release assets are downloaded with the same token.
    ...(client && repo
      ? {
          registryOptions: { github: { client, repository: repo.fullName }, store: settings.store },
        }
      : {}),
    registryDir: v.registry ?? settings.path,
    config,
    cwd: inv.env.workspace,
    rollback: v.rollback,
    ...(client && repo
      ? {
          github: {
            client,
            repo: { owner: repo.owner, repo: repo.repo },
            ref,
            ...(deploymentId !== undefined ? { deploymentId } : {}),
            ...(inv.env.runUrl ? { logUrl: inv.env.runUrl } : {}),
          },
        }
      : {}),
    ...(v.dryRun ? { dryRun: true } : {}),
    analysis: modelSettingsOf(loaded, v.model),
    log: inv.log,
  });
}
