import { loadConfig } from '../config/load.js';
import { profileDataFor, runRegister } from '../commands/register.js';
import { ModelciError } from '../core/errors.js';
import type { Bump } from '../core/registry/names.js';
import { flagOpt, stringOpt, type Command } from './command.js';

export const registerCommand: Command = {
  name: 'register',
  summary: 'Register a model artifact as a new immutable version in the git registry',
  usage: [
    'Usage: modelci register --model <name> --artifact <file> [--registry <dir>]',
    '         [--version X.Y.Z | --bump major|minor|patch] [--report <evaluation.json>] [--push]',
    '',
    '         [--profile-data <data|profile.json|none>]',
    '',
    'Prints the version it registered. --push pushes to origin, retrying when others push first.',
    '--profile-data: stored as the drift reference registry/<model>/profiles/<X.Y.Z>.json',
    "  (default: the model's data.train when the file exists; none: no profile).",
    'Options: --config <modelci.yaml>  --remote <name>  --json',
  ].join('\n'),
  options: {
    registry: { type: 'string' },
    model: { type: 'string' },
    artifact: { type: 'string' },
    version: { type: 'string' },
    bump: { type: 'string' },
    report: { type: 'string' },
    'profile-data': { type: 'string' },
    'smoke-samples': { type: 'string' },
    push: { type: 'boolean' },
    remote: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const model = stringOpt(args, 'model');
    const artifact = stringOpt(args, 'artifact');
    if (!model || !artifact) throw new ModelciError('USAGE', '--model and --artifact are required');
    const bump = stringOpt(args, 'bump');
    if (bump && !['major', 'minor', 'patch'].includes(bump))
      throw new ModelciError('USAGE', `--bump must be major, minor or patch (got "${bump}")`);
    const configFile = stringOpt(args, 'config');
    const loaded = loadConfig(configFile, { explicit: Boolean(configFile) });
    const registry = stringOpt(args, 'registry');
    const version = stringOpt(args, 'version');
    const report = stringOpt(args, 'report');
    const remote = stringOpt(args, 'remote');
    const modelConfig = loaded.config.models[model];
    const profileData = profileDataFor(stringOpt(args, 'profile-data'), modelConfig, (m) =>
      io.stderr(`${m}\n`),
    );
    const sketchSize = modelConfig?.drift?.sketch_size ?? loaded.config.drift?.sketch_size;
    const result = await runRegister({
      model,
      artifact,
      ...(registry ? { registry } : {}),
      ...(version ? { version } : {}),
      ...(bump ? { bump: bump as Bump } : {}),
      ...(report ? { report } : {}),
      ...(profileData ? { profileData } : {}),
      ...(stringOpt(args, 'smoke-samples')
        ? { smokeSamples: stringOpt(args, 'smoke-samples')! }
        : {}),
      ...(sketchSize !== undefined ? { sketchSize } : {}),
      ...(remote ? { remote } : {}),
      ...(loaded.config.registry ? { config: loaded.config.registry } : {}),
      ...(modelConfig ? { modelConfig } : {}),
      push: flagOpt(args, 'push'),
      env: io.env,
      log: (m) => io.stderr(`${m}\n`),
    });
    if (flagOpt(args, 'json')) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else {
      io.stdout(`${result.version}\n`);
      io.stderr(
        result.status === 'unchanged'
          ? `${model} ${result.version}: already registered (${result.reason}); nothing written\n`
          : `registered ${model} ${result.version} (${result.reason})${result.pushed ? `, pushed after ${result.attempts} attempt(s)` : ''}\n`,
      );
    }
  },
};
