import { readFileSync } from 'node:fs';
import * as core from './core.js';
import { loadConfig } from '../config/load.js';
import { profileDataFor, runRegister } from '../commands/register.js';
import { ModelciError } from '../core/errors.js';
import type { Bump } from '../core/registry/names.js';
import { createGitHubClient } from '../github/client.js';
import { booleanInput, integerInput, optionalInput, runAction } from './runtime.js';

/** The pull request number of the triggering event, when there is one. */
export function eventPullRequest(): number | undefined {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    const event = JSON.parse(readFileSync(file, 'utf8')) as { pull_request?: { number?: number } };
    return event.pull_request?.number;
  } catch {
    return undefined;
  }
}

await runAction(async () => {
  const configFile = optionalInput('config') ?? 'modelci.yaml';
  const loaded = loadConfig(configFile, { explicit: configFile !== 'modelci.yaml' });
  const model = core.getInput('model', { required: true });
  const bump = optionalInput('bump');
  if (bump && !['major', 'minor', 'patch'].includes(bump))
    throw new ModelciError('INPUT', `input "bump" must be major, minor or patch (got "${bump}")`);
  const token = optionalInput('token');
  if (token) core.setSecret(token);
  const repository = process.env.GITHUB_REPOSITORY;
  const pullRequest = integerInput('pull-request') ?? eventPullRequest();
  const registry = optionalInput('registry');
  const version = optionalInput('version');
  const report = optionalInput('report');
  const modelConfig = loaded.config.models[model];
  const profileData = profileDataFor(optionalInput('profile-data'), modelConfig, core.info);
  const sketchSize = modelConfig?.drift?.sketch_size ?? loaded.config.drift?.sketch_size;
  const result = await runRegister({
    model,
    artifact: core.getInput('artifact', { required: true }),
    ...(registry ? { registry } : {}),
    ...(version ? { version } : {}),
    ...(bump ? { bump: bump as Bump } : {}),
    ...(report ? { report } : {}),
    ...(profileData ? { profileData } : {}),
    ...(optionalInput('smoke-samples') ? { smokeSamples: optionalInput('smoke-samples')! } : {}),
    ...(sketchSize !== undefined ? { sketchSize } : {}),
    ...(loaded.config.registry ? { config: loaded.config.registry } : {}),
    ...(modelConfig ? { modelConfig } : {}),
    ...(pullRequest ? { context: { pullRequest } } : {}),
    ...(token && repository
      ? { github: { client: createGitHubClient({ token, log: core.info }), repository } }
      : {}),
    push: booleanInput('push', true),
    log: core.info,
  });
  core.setOutput('version', result.version);
  core.setOutput('status', result.status);
  core.setOutput('commit', result.commit ?? '');
  core.setOutput('file', result.file);
  core.setOutput('artifact-uri', result.artifact.uri);
  core.info(
    result.status === 'unchanged'
      ? `${model} ${result.version} is already registered (${result.reason}); nothing written`
      : `registered ${model} ${result.version} (${result.reason})`,
  );
  await core.summary
    .addHeading(`Registered ${model} ${result.version}`, 3)
    .addTable([
      [
        { data: 'field', header: true },
        { data: 'value', header: true },
      ],
      ['status', result.status],
      ['why this number', result.reason],
      ['artifact', `${result.artifact.uri} (${result.artifact.bytes} bytes)`],
      ['sha256', result.artifact.sha256],
      ['commit', result.commit ?? '-'],
    ])
    .write();
});
