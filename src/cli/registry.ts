import { stringify } from 'yaml';
import { loadConfig } from '../config/load.js';
import {
  runRegistryHistory,
  runRegistryList,
  runRegistryShow,
  runRegistryVerify,
} from '../commands/registry.js';
import { ModelciError } from '../core/errors.js';
import { registrySettings } from '../registry/settings.js';
import { flagOpt, stringOpt, type Command, type ParsedArgs } from './command.js';

const USAGE = [
  'Usage: modelci registry <list | show <model>[@X.Y.Z|#stage] | history [<model>] | verify>',
  '         [--registry <dir>] [--config <modelci.yaml>] [--json]',
].join('\n');

function registryDir(args: ParsedArgs): string {
  const given = stringOpt(args, 'registry');
  if (given) return given;
  const configFile = stringOpt(args, 'config');
  return registrySettings(loadConfig(configFile, { explicit: Boolean(configFile) }).config.registry)
    .path;
}

export const registryCommand: Command = {
  name: 'registry',
  summary: 'Read the model registry: list, show, history, verify',
  usage: USAGE,
  allowPositionals: true,
  options: {
    registry: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [sub, arg, ...extra] = args.positionals;
    const json = flagOpt(args, 'json');
    // Returns nothing: the command's return value is its exit code.
    const out = (v: unknown): void => {
      io.stdout(JSON.stringify(v, null, 2) + '\n');
    };
    if (extra.length) throw new ModelciError('USAGE', `unexpected argument "${extra[0]}"`);
    const dir = registryDir(args);
    switch (sub) {
      case 'list': {
        const r = runRegistryList(dir);
        if (json) return out(r);
        if (!r.models.length) io.stdout(`no models in ${dir}\n`);
        for (const m of r.models) {
          const stages = Object.entries(m.stages)
            .map(([s, v]) => `${s}=${v}`)
            .join(' ');
          io.stdout(
            `${m.name}\t${m.versions.length} versions\tlatest ${m.latest ?? '-'}\t${stages}\n`,
          );
        }
        return;
      }
      case 'show': {
        if (!arg)
          throw new ModelciError('USAGE', 'registry show needs a model, e.g. churn#production');
        const r = runRegistryShow(dir, arg);
        if (json) return out(r);
        io.stdout(stringify({ ...r.version, stages: r.stages }, { lineWidth: 0 }));
        return;
      }
      case 'history': {
        const h = await runRegistryHistory(dir, arg, io.env);
        if (json) return out(h);
        for (const e of h)
          io.stdout(
            `${e.date}\t${e.commit.slice(0, 12)}\t${e.action}\t${e.model}${e.version ? ` ${e.version}` : ''}${e.stage ? ` -> ${e.stage}` : ''}\t${e.actor ?? e.author}${e.run ? `\t${e.run}` : ''}\n`,
          );
        return;
      }
      case 'verify': {
        // Release-asset artifacts are downloaded to be verified: that needs a token.
        const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
        const repository = io.env.GITHUB_REPOSITORY;
        // Octokit loads only here: list and show should start as fast as node does.
        const { createGitHubClient } = await import(
          /* webpackChunkName: "github-client" */ '../github/client.js'
        );
        const r = await runRegistryVerify(
          dir,
          token
            ? {
                github: {
                  client: createGitHubClient({
                    token,
                    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
                  }),
                  ...(repository ? { repository } : {}),
                },
              }
            : {},
        );
        if (json) out(r);
        else {
          for (const p of r.problems)
            io.stdout(`${p.message.startsWith(p.file) ? '' : `${p.file}: `}${p.message}\n`);
          io.stdout(
            `${r.problems.length ? 'FAILED' : 'OK'}: ${r.models} models, ${r.versions} versions, ${r.artifacts} artifacts verified, ${r.problems.length} problems\n`,
          );
        }
        return r.problems.length ? 1 : 0;
      }
      default:
        throw new ModelciError(
          'USAGE',
          sub ? `unknown registry command "${sub}"` : 'registry needs a subcommand',
          {
            hint: 'Use list, show, history or verify',
          },
        );
    }
  },
};
