import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliFlags } from '../../../src/spec/argv.js';
import { CLI_ONLY_COMMANDS, commandSpecs } from '../../../src/spec/commands/index.js';
import { camel, onSurface } from '../../../src/spec/option-spec.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

// Options that cannot mean the same on both sides, and why. Anything else with `only:` fails.
const ONE_SIDED: Record<string, string> = {
  'cli:json': 'a terminal prints the result; an action sets outputs and the job summary',
};
// The token is the action's way in: the CLI reads GITHUB_TOKEN / GH_TOKEN (never argv).
const ACTION_ONLY_INPUTS = new Set(['token']);

describe('each command has the same options on the CLI and in its action', () => {
  for (const spec of commandSpecs) {
    if (!spec.action) continue;
    it(`${spec.name}: CLI flags = action inputs (${spec.action.folder}/action.yml)`, () => {
      const yml = parse(
        readFileSync(`${root}actions/${spec.action!.folder}/action.yml`, 'utf8'),
      ) as {
        inputs: Record<string, { deprecationMessage?: string }>;
        outputs: Record<string, unknown>;
      };
      const inputs = Object.entries(yml.inputs)
        .filter(([name, def]) => !def.deprecationMessage && !ACTION_ONLY_INPUTS.has(name))
        .map(([name]) => name)
        .sort();
      const { config } = cliFlags(spec);
      const deprecatedCli = new Set(
        Object.values(spec.options).flatMap((d) => d.deprecated?.cli ?? []),
      );
      const flags = Object.keys(config)
        .filter((f) => !f.startsWith('no-') && !deprecatedCli.has(f))
        .filter((f) => !ONE_SIDED[`cli:${f}`])
        .sort();
      expect(flags).toEqual(inputs);
      expect(Object.keys(yml.outputs).sort()).toEqual(Object.keys(spec.action!.outputs).sort());
    });
  }

  it('lists every one-sided option with its reason', () => {
    const found = commandSpecs.flatMap((spec) =>
      Object.entries(spec.options)
        .filter(([, d]) => d.only !== undefined)
        .map(([name, d]) => `${d.only}:${name}`),
    );
    for (const key of found)
      expect(ONE_SIDED, `${key} is one-sided without a reason`).toHaveProperty(key);
  });

  it('gives every command an action of its own or a reason it has none', () => {
    for (const spec of commandSpecs)
      expect(
        Boolean(spec.action) !== Boolean(CLI_ONLY_COMMANDS[spec.name]),
        `${spec.name}: an action, or an entry in CLI_ONLY_COMMANDS (not both)`,
      ).toBe(true);
  });

  it('has no action.yml outside the specs, and each action runs its spec', () => {
    const folders = readdirSync(`${root}actions`).filter((d) =>
      existsSync(`${root}actions/${d}/action.yml`),
    );
    const fromSpecs = commandSpecs.flatMap((s) => (s.action ? [s.action.folder] : []));
    expect(folders.sort()).toEqual([...fromSpecs].sort());
    for (const spec of commandSpecs) {
      if (!spec.action) continue;
      const src = readFileSync(`${root}src/actions/${spec.action.folder}.ts`, 'utf8');
      expect(src, `src/actions/${spec.action.folder}.ts`).toMatch(
        new RegExp(`runCommandAction\\(${camel(spec.name)}Spec,`),
      );
    }
  });

  it('spells an option the same way in every command, with one meaning of --model', () => {
    for (const spec of commandSpecs) {
      const model = spec.options.model;
      if (model) expect(model.placeholder, `${spec.name} --model`).toBe('name');
      for (const name of Object.keys(spec.options)) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const def of Object.values(spec.options))
        if (onSurface(def, 'action')) expect(def.description).toMatch(/\.$/);
    }
  });
});
