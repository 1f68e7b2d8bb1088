import { stringify } from 'yaml';
import { loadConfig } from '../config/load.js';
import {
  runRegistryHistory,
  runRegistryList,
  runRegistryShow,
  runRegistryVerify,
  versionRun,
} from '../commands/registry.js';
import { ModelciError } from '../core/errors.js';
import { registrySettings } from '../registry/settings.js';
import { githubClient } from '../commands/github-access.js';
import { registrySpec } from '../spec/commands/registry.js';
import { defineCliCommand } from './command.js';

export const registryCommand = defineCliCommand({
  spec: registrySpec,
  async run({ values: v, positionals, given }, io, inv) {
    const [sub, arg, ...extra] = positionals;
    const json = v.json;
    // Returns nothing: the command's return value is its exit code.
    const out = (v: unknown): void => {
      io.stdout(JSON.stringify(v, null, 2) + '\n');
    };
    if (extra.length) throw new ModelciError('USAGE', `unexpected argument "${extra[0]}"`);
    // The config is read only when it says something the command needs (verify's stages).
    const settings =
      v.registry !== undefined && !given.has('config')
        ? undefined
        : registrySettings(loadConfig(v.config, { explicit: given.has('config') }).config.registry);
    const dir = v.registry ?? settings!.path;
    switch (sub) {
      case 'list': {
        const r = runRegistryList(dir, inv.warn);
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
        const run = await versionRun(dir, r.version, inv.processEnv);
        if (json) return out({ ...r, ...(run ? { run } : {}) });
        io.stdout(
          stringify({ ...r.version, stages: r.stages, ...(run ? { run } : {}) }, { lineWidth: 0 }),
        );
        return;
      }
      case 'history': {
        const h = await runRegistryHistory(dir, arg, inv.processEnv);
        if (json) return out(h);
        for (const e of h)
          io.stdout(
            `${e.date}\t${e.commit.slice(0, 12)}\t${e.action}\t${e.model}${e.version ? ` ${e.version}` : ''}${e.stage ? ` -> ${e.stage}` : ''}\t${e.actor ?? e.author}${e.run ? `\t${e.run}` : ''}\n`,
          );
        return;
      }
      case 'verify': {
        // Release-asset artifacts are downloaded to be verified: that needs a token. Octokit
        // loads only here: list and show should start as fast as node does.
        const client = await githubClient(inv);
        const repository = inv.env.repository?.fullName;
        const r = await runRegistryVerify(dir, {
          ...(settings ? { stages: settings.stages } : {}),
          env: inv.processEnv,
          ...(client ? { github: { client, ...(repository ? { repository } : {}) } } : {}),
        });
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
});
