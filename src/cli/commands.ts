import type { Command } from './command.js';
import type { CommandSpec } from '../spec/option-spec.js';
import { commentSpec } from '../spec/commands/comment.js';
import { compareLiveSpec } from '../spec/commands/compare-live.js';
import { contractSpec } from '../spec/commands/contract.js';
import { deploySpec } from '../spec/commands/deploy.js';
import { driftSpec } from '../spec/commands/drift.js';
import { evaluateSpec } from '../spec/commands/evaluate.js';
import { packageSpec } from '../spec/commands/package.js';
import { profileSpec } from '../spec/commands/profile.js';
import { deprecateSpec, promoteSpec, rollbackSpec } from '../spec/commands/promote.js';
import { registerSpec } from '../spec/commands/register.js';
import { registrySpec } from '../spec/commands/registry.js';
import { runsSpec } from '../spec/commands/runs.js';
import { serveSpec } from '../spec/commands/serve.js';
import { cardSpec, siteSpec } from '../spec/commands/site.js';
import { trainSpec } from '../spec/commands/train.js';
import { validateSpec } from '../spec/commands/validate.js';

/** One `modelci` command as the table knows it before its module is loaded. */
export interface CommandEntry {
  spec: CommandSpec;
  load(): Promise<Command>;
}

// Each command's module loads only when that command runs: importing all of them (Octokit, yaml,
// protobufjs, ...) cost every `modelci` start several hundred ms. Specs are plain data and load
// with the table (they make --help). The chunk names keep the bundle file names stable (ncc
// writes one <id>.index.js per chunk next to index.js).
/** Every `modelci` command, in the order `modelci --help` lists them. */
export const commands: CommandEntry[] = [
  {
    spec: commentSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-comment" */ './comment.js')).commentCommand,
  },
  {
    spec: trainSpec,
    load: async () => (await import(/* webpackChunkName: "cli-train" */ './train.js')).trainCommand,
  },
  {
    spec: evaluateSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-evaluate" */ './evaluate.js')).evaluateCommand,
  },
  {
    spec: registerSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-register" */ './register.js')).registerCommand,
  },
  {
    spec: promoteSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).promoteCommand,
  },
  {
    spec: rollbackSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).rollbackCommand,
  },
  {
    spec: deprecateSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).deprecateCommand,
  },
  {
    spec: registrySpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-registry" */ './registry.js')).registryCommand,
  },
  {
    spec: runsSpec,
    load: async () => (await import(/* webpackChunkName: "cli-runs" */ './runs.js')).runsCommand,
  },
  {
    spec: serveSpec,
    load: async () => (await import(/* webpackChunkName: "cli-serve" */ './serve.js')).serveCommand,
  },
  {
    spec: deploySpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-deploy" */ './deploy.js')).deployCommand,
  },
  {
    spec: packageSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-package" */ './package.js')).packageCommand,
  },
  {
    spec: compareLiveSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-compare-live" */ './compare-live.js'))
        .compareLiveCommand,
  },
  {
    spec: driftSpec,
    load: async () => (await import(/* webpackChunkName: "cli-drift" */ './drift.js')).driftCommand,
  },
  {
    spec: profileSpec,
    load: async () =>
      (await import(/* webpackChunkName: "cli-profile" */ './profile.js')).profileCommand,
  },
  {
    spec: contractSpec,
    load: async () => (await import('./contract.js')).contractCommand,
  },
  {
    spec: validateSpec,
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    spec: siteSpec,
    load: async () => (await import(/* webpackChunkName: "cli-site" */ './site.js')).siteCommand,
  },
  {
    spec: cardSpec,
    load: async () => (await import(/* webpackChunkName: "cli-site" */ './site.js')).cardCommand,
  },
];
