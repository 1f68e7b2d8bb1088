import * as core from './core.js';
import { loadConfig } from '../config/load.js';
import { runPromote, runRollback, type StageWriteOptions } from '../commands/promote.js';
import { ModelciError } from '../core/errors.js';
import { createGitHubClient } from '../github/client.js';
import { booleanInput, optionalInput, runAction } from './runtime.js';

await runAction(async () => {
  const configFile = optionalInput('config') ?? 'modelci.yaml';
  const loaded = loadConfig(configFile, { explicit: configFile !== 'modelci.yaml' });
  const token = optionalInput('token');
  if (token) core.setSecret(token);
  const repository = process.env.GITHUB_REPOSITORY;
  const mode = optionalInput('mode');
  if (mode && mode !== 'commit' && mode !== 'pull-request')
    throw new ModelciError('INPUT', `input "mode" must be commit or pull-request (got "${mode}")`);
  const registry = optionalInput('registry');
  const reason = optionalInput('reason');
  const opts: StageWriteOptions = {
    model: core.getInput('model', { required: true }),
    stage: core.getInput('stage', { required: true }),
    push: booleanInput('push', true),
    ...(registry ? { registry } : {}),
    ...(reason ? { reason } : {}),
    ...(mode ? { mode: mode as 'commit' | 'pull-request' } : {}),
    ...(loaded.config.registry ? { config: loaded.config.registry } : {}),
    ...(token && repository
      ? { github: { client: createGitHubClient({ token, log: core.info }), repository } }
      : {}),
    log: core.info,
  };
  const rollback = booleanInput('rollback', false);
  const version = optionalInput('version');
  const to = optionalInput('to');
  if (!rollback && !version)
    throw new ModelciError('INPUT', 'input "version" is required (or set rollback: true)');
  const r = rollback
    ? await runRollback({ ...opts, ...(to ? { to } : {}) })
    : await runPromote({ ...opts, version: version! });
  core.setOutput('version', r.version);
  core.setOutput('previous', r.previous ?? '');
  core.setOutput('status', r.status);
  core.setOutput('commit', r.commit ?? '');
  core.setOutput('pull-request-number', r.pullRequest ? String(r.pullRequest.number) : '');
  core.setOutput('pull-request-url', r.pullRequest?.url ?? '');
  const what =
    r.status === 'unchanged'
      ? `${r.stage} already holds ${r.model} ${r.version}`
      : r.pullRequest
        ? `promotion pull request #${r.pullRequest.number} ${r.pullRequest.action}: ${r.pullRequest.url}`
        : `${rollback ? 'rolled back' : 'promoted'} ${r.model} ${r.version} to ${r.stage} (was ${r.previous ?? 'empty'})`;
  core.info(what);
  await core.summary.addHeading(`${r.model} → ${r.stage}`, 3).addRaw(what).write();
});
