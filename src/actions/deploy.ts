import * as core from './core.js';
import { runDeploy } from '../commands/deploy.js';
import { loadConfig } from '../config/load.js';
import { ModelciError } from '../core/errors.js';
import { renderDeploySummary } from '../core/deploy/summary.js';
import { createGitHubClient } from '../github/client.js';
import { findJobDeployment } from '../github/deployments.js';
import { booleanInput, integerInput, optionalInput, runAction } from './runtime.js';

// The deploy action: inputs -> runDeploy -> outputs and job summary; fails unless the deploy succeeded.
await runAction(async () => {
  const model = core.getInput('model', { required: true }).trim();
  const environment = core.getInput('environment', { required: true }).trim();
  const configFile = optionalInput('config') ?? 'modelci.yaml';
  const loaded = loadConfig(configFile, { explicit: configFile !== 'modelci.yaml' });
  const envConfig = { ...(loaded.config.environments?.[environment] ?? {}) };
  const url = optionalInput('url');
  if (url) envConfig.url = url;
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new ModelciError('INPUT', 'GITHUB_REPOSITORY is not set', {
      hint: 'Run the action in a GitHub Actions workflow',
    });
  const runId = process.env.GITHUB_RUN_ID;
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  // `auto`: the deployment GitHub opened for this job's `environment:` key, found by commit.
  const deploymentInput = optionalInput('deployment-id');
  let deploymentId: number | undefined;
  const client = token ? createGitHubClient({ token, log: (m) => core.info(m) }) : undefined;
  const sha = process.env.GITHUB_SHA ?? 'HEAD';
  if (deploymentInput === 'auto') {
    if (!client) throw new ModelciError('INPUT', 'deployment-id: auto needs a token');
    deploymentId = await findJobDeployment(client, { owner, repo }, environment, sha);
    if (deploymentId === undefined)
      throw new ModelciError(
        'DEPLOY',
        `no open deployment of ${environment} at ${sha.slice(0, 7)}`,
        {
          hint: 'Use deployment-id: auto only in a job with `environment:`; or leave it empty',
        },
      );
    core.info(`using deployment ${deploymentId} of the job's environment`);
  } else deploymentId = integerInput('deployment-id');
  const version = optionalInput('version');

  const result = await runDeploy({
    model,
    environment,
    ...(version ? { version } : {}),
    // Artifacts in GitHub release assets are downloaded with the same token.
    ...(client
      ? {
          registryOptions: {
            github: { client, repository },
            ...(loaded.config.registry?.store ? { store: loaded.config.registry.store } : {}),
          },
        }
      : {}),
    registryDir:
      optionalInput('registry') ??
      (loaded.config.registry?.path as string | undefined) ??
      'registry',
    config: envConfig,
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    rollback: booleanInput('rollback', true),
    ...(token
      ? {
          github: {
            client: client!,
            repo: { owner, repo },
            ref: sha,
            ...(deploymentId !== undefined ? { deploymentId } : {}),
            ...(runId ? { logUrl: `${server}/${repository}/actions/runs/${runId}` } : {}),
          },
        }
      : {}),
    log: (line) => core.info(line),
  });

  core.setOutput('version', result.version);
  core.setOutput('previous-version', result.previousVersion ?? '');
  core.setOutput('outcome', result.outcome);
  core.setOutput(
    'deployment-id',
    result.deploymentId === undefined ? '' : String(result.deploymentId),
  );
  core.setOutput('url', result.url ?? '');
  core.setOutput('rolled-back-to', result.rolledBackTo ?? '');
  core.setOutput('server-pid', result.pid === undefined ? '' : String(result.pid));
  await core.summary
    .addRaw(renderDeploySummary({ ...result, smokeChecks: result.smoke?.checks }))
    .write();
  if (result.outcome !== 'success')
    core.setFailed(
      `deploy of ${model} ${result.version} to ${environment} failed: ${result.failure}${result.rolledBackTo ? `; rolled back to ${result.rolledBackTo}` : ''}`,
    );
});
