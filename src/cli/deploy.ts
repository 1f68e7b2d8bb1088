import { runDeploy } from '../commands/deploy.js';
import { loadConfig } from '../config/load.js';
import { ModelciError } from '../core/errors.js';
import { renderDeploySummary } from '../core/deploy/summary.js';
import { createGitHubClient } from '../github/client.js';
import { flagOpt, stringOpt, type Command } from './command.js';

export const deployCommand: Command = {
  name: 'deploy',
  summary:
    'Deploy a registered model version to an environment, smoke-test it, roll back on failure',
  usage: [
    'Usage: modelci deploy --model <name> --environment <env> [--version X.Y.Z] [--registry <dir>]',
    '                      [--config modelci.yaml] [--url <url>] [--no-rollback] [--json]',
    '                      [--github-repository owner/repo --ref <sha>]   (records a GitHub Deployment;',
    '                                                                     token from GITHUB_TOKEN)',
    '',
    'The environment comes from `environments.<env>` in modelci.yaml (target, url, smoke, ...).',
    'Exit code 0 when the version is live, 1 when it failed (rolled back or not).',
  ].join('\n'),
  options: {
    model: { type: 'string' },
    environment: { type: 'string' },
    version: { type: 'string' },
    registry: { type: 'string' },
    config: { type: 'string' },
    url: { type: 'string' },
    'no-rollback': { type: 'boolean' },
    json: { type: 'boolean' },
    'github-repository': { type: 'string' },
    ref: { type: 'string' },
  },
  async run(args, io) {
    const model = stringOpt(args, 'model');
    const environment = stringOpt(args, 'environment');
    if (!model || !environment)
      throw new ModelciError('USAGE', '--model and --environment are required');
    const configFile = stringOpt(args, 'config');
    const loaded = loadConfig(configFile ?? 'modelci.yaml', { explicit: configFile !== undefined });
    const config = { ...(loaded.config.environments?.[environment] ?? {}) };
    const url = stringOpt(args, 'url');
    if (url) config.url = url;
    const ghRepo = stringOpt(args, 'github-repository');
    let github;
    if (ghRepo) {
      const [owner, repo] = ghRepo.split('/');
      const token = io.env.GITHUB_TOKEN;
      if (!owner || !repo || !token)
        throw new ModelciError('USAGE', '--github-repository needs owner/repo and GITHUB_TOKEN');
      github = {
        client: createGitHubClient({ token }),
        repo: { owner, repo },
        ref: stringOpt(args, 'ref') ?? 'HEAD',
      };
    }
    const version = stringOpt(args, 'version');
    const result = await runDeploy({
      model,
      environment,
      ...(version ? { version } : {}),
      registryDir:
        stringOpt(args, 'registry') ??
        (loaded.config.registry?.path as string | undefined) ??
        'registry',
      config,
      cwd: process.cwd(),
      rollback: !flagOpt(args, 'no-rollback'),
      ...(github ? { github } : {}),
      log: (line) => io.stderr(`modelci deploy: ${line}\n`),
    });
    if (flagOpt(args, 'json')) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else io.stdout(renderDeploySummary({ ...result, smokeChecks: result.smoke?.checks }));
    return result.outcome === 'success' ? 0 : 1;
  },
};
