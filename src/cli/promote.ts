import { loadConfig } from '../config/load.js';
import {
  runDeprecate,
  runPromote,
  runRollback,
  type StageChangeResult,
  type StageWriteOptions,
} from '../commands/promote.js';
import { ModelciError } from '../core/errors.js';
import { createGitHubClient } from '../github/client.js';
import {
  flagOpt,
  stringOpt,
  type CliIO,
  type Command,
  type OptionSpec,
  type ParsedArgs,
} from './command.js';

const common: OptionSpec = {
  registry: { type: 'string' },
  model: { type: 'string' },
  stage: { type: 'string' },
  reason: { type: 'string' },
  push: { type: 'boolean' },
  remote: { type: 'string' },
  mode: { type: 'string' },
  config: { type: 'string' },
  repository: { type: 'string' },
  json: { type: 'boolean' },
};

/** The options every stage write shares, from argv and modelci.yaml. */
function stageOptions(args: ParsedArgs, io: CliIO, needStage = true): StageWriteOptions {
  const model = stringOpt(args, 'model');
  const stage = stringOpt(args, 'stage');
  if (!model) throw new ModelciError('USAGE', '--model is required');
  if (needStage && !stage) throw new ModelciError('USAGE', '--stage is required');
  const configFile = stringOpt(args, 'config');
  const { config } = loadConfig(configFile, { explicit: Boolean(configFile) });
  const mode = stringOpt(args, 'mode');
  if (mode && mode !== 'commit' && mode !== 'pull-request')
    throw new ModelciError('USAGE', `--mode must be commit or pull-request (got "${mode}")`);
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  const repository = stringOpt(args, 'repository') ?? io.env.GITHUB_REPOSITORY;
  const opts: StageWriteOptions = {
    model,
    stage: stage ?? '',
    push: flagOpt(args, 'push'),
    env: io.env,
    log: (m) => io.stderr(`${m}\n`),
  };
  const registry = stringOpt(args, 'registry');
  const reason = stringOpt(args, 'reason');
  const remote = stringOpt(args, 'remote');
  if (registry) opts.registry = registry;
  if (reason) opts.reason = reason;
  if (remote) opts.remote = remote;
  if (mode) opts.mode = mode as 'commit' | 'pull-request';
  if (config.registry) opts.config = config.registry;
  if (token && repository)
    opts.github = {
      client: createGitHubClient({
        token,
        ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
      }),
      repository,
    };
  return opts;
}

function report(r: StageChangeResult, args: ParsedArgs, io: CliIO, verb: string): void {
  if (flagOpt(args, 'json')) {
    io.stdout(JSON.stringify(r, null, 2) + '\n');
    return;
  }
  io.stdout(`${r.version}\n`);
  if (r.status === 'unchanged')
    io.stderr(`${r.stage} already holds ${r.model} ${r.version}; nothing written\n`);
  else if (r.pullRequest)
    io.stderr(
      `promotion pull request #${r.pullRequest.number} ${r.pullRequest.action}: ${r.pullRequest.url}\n`,
    );
  else
    io.stderr(
      `${verb} ${r.model} ${r.version} to ${r.stage} (was ${r.previous ?? 'empty'})${r.pushed ? ', pushed' : ''}\n`,
    );
}

export const promoteCommand: Command = {
  name: 'promote',
  summary: 'Move a stage pointer to a version after its gates and required checks pass',
  usage: [
    'Usage: modelci promote --model <name> --version <X.Y.Z|#stage|latest> --stage <stage>',
    '         [--registry <dir>] [--reason <text>] [--push] [--mode commit|pull-request] [--json]',
  ].join('\n'),
  options: { ...common, version: { type: 'string' } },
  async run(args, io) {
    const version = stringOpt(args, 'version');
    if (!version) throw new ModelciError('USAGE', '--version is required');
    report(await runPromote({ ...stageOptions(args, io), version }), args, io, 'promoted');
  },
};

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'Point a stage back at the version it held before',
  usage:
    'Usage: modelci rollback --model <name> --stage <stage> [--to <X.Y.Z>] [--registry <dir>] [--reason <text>] [--push] [--json]',
  options: { ...common, to: { type: 'string' } },
  async run(args, io) {
    const to = stringOpt(args, 'to');
    report(
      await runRollback({ ...stageOptions(args, io), ...(to ? { to } : {}) }),
      args,
      io,
      'rolled back',
    );
  },
};

export const deprecateCommand: Command = {
  name: 'deprecate',
  summary: 'Mark a version deprecated so it can no longer be promoted',
  usage:
    'Usage: modelci deprecate --model <name> --version <X.Y.Z> [--reason <text>] [--registry <dir>] [--push] [--json]',
  options: { ...common, version: { type: 'string' } },
  async run(args, io) {
    const version = stringOpt(args, 'version');
    if (!version) throw new ModelciError('USAGE', '--version is required');
    const { stage: _s, mode: _m, ...opts } = stageOptions(args, io, false);
    const r = await runDeprecate({ ...opts, version });
    if (flagOpt(args, 'json')) {
      io.stdout(JSON.stringify(r, null, 2) + '\n');
      return;
    }
    io.stdout(`${r.version}\n`);
    io.stderr(
      r.status === 'unchanged'
        ? `${r.model} ${r.version} was already deprecated\n`
        : `deprecated ${r.model} ${r.version}\n`,
    );
  },
};
