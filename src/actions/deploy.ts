import * as core from './core.js';
import { invokeDeploy } from '../commands/invoke/deploy.js';
import { renderDeploySummary } from '../core/deploy/summary.js';
import { deploySpec } from '../spec/commands/deploy.js';
import { runCommandAction } from './runtime.js';

// The deploy action: inputs -> deploy -> outputs and job summary; fails unless the deploy succeeded.
await runCommandAction(deploySpec, async (parsed, inv) => {
  const { model, environment } = parsed.values;
  const result = await invokeDeploy(parsed, inv);
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
  if (result.outcome !== 'success' && result.outcome !== 'planned')
    core.setFailed(
      `deploy of ${model} ${result.version} to ${environment} failed: ${result.failure}${result.rolledBackTo ? `; rolled back to ${result.rolledBackTo}` : ''}`,
    );
});
