import type { Command } from './command.js';

/** One `modelci` command as the table knows it before its module is loaded. */
export interface CommandEntry {
  name: string;
  /** The same as the loaded command's summary (test/unit/cli/commands.test.ts checks it). */
  summary: string;
  load(): Promise<Command>;
}

// Each command's module loads only when that command runs: importing all of them (Octokit, yaml,
// protobufjs, ...) cost every `modelci` start several hundred ms. The chunk names keep the bundle
// file names stable (ncc writes one <id>.index.js per chunk next to index.js).
/** Every `modelci` command, in the order `modelci --help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: 'comment',
    summary: 'Render (and post) the metric comparison comment for a pull request',
    load: async () =>
      (await import(/* webpackChunkName: "cli-comment" */ './comment.js')).commentCommand,
  },
  {
    name: 'train',
    summary: 'Train a model: its training command from modelci.yaml, or a built-in trainer',
    load: async () => (await import(/* webpackChunkName: "cli-train" */ './train.js')).trainCommand,
  },
  {
    name: 'evaluate',
    summary:
      'Evaluate an ONNX model on a holdout CSV: metrics with intervals, baseline comparison, gates',
    load: async () =>
      (await import(/* webpackChunkName: "cli-evaluate" */ './evaluate.js')).evaluateCommand,
  },
  {
    name: 'register',
    summary: 'Register a model artifact as a new immutable version in the git registry',
    load: async () =>
      (await import(/* webpackChunkName: "cli-register" */ './register.js')).registerCommand,
  },
  {
    name: 'promote',
    summary: 'Move a stage pointer to a version after its gates and required checks pass',
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).promoteCommand,
  },
  {
    name: 'rollback',
    summary: 'Point a stage back at the version it held before',
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).rollbackCommand,
  },
  {
    name: 'deprecate',
    summary: 'Mark a version deprecated so it can no longer be promoted',
    load: async () =>
      (await import(/* webpackChunkName: "cli-promote" */ './promote.js')).deprecateCommand,
  },
  {
    name: 'registry',
    summary: 'Read the model registry: list, show, history, verify',
    load: async () =>
      (await import(/* webpackChunkName: "cli-registry" */ './registry.js')).registryCommand,
  },
  {
    name: 'serve',
    summary: 'Serve ONNX models over the Open Inference Protocol (KServe v2 REST)',
    load: async () => (await import(/* webpackChunkName: "cli-serve" */ './serve.js')).serveCommand,
  },
  {
    name: 'deploy',
    summary:
      'Deploy a registered model version to an environment, smoke-test it, roll back on failure',
    load: async () =>
      (await import(/* webpackChunkName: "cli-deploy" */ './deploy.js')).deployCommand,
  },
  {
    name: 'drift',
    summary:
      'Compare current data with a reference (data or profile): per-column drift tests and a verdict',
    load: async () => (await import(/* webpackChunkName: "cli-drift" */ './drift.js')).driftCommand,
  },
  {
    name: 'profile',
    summary: 'Build a mergeable reference profile of a data file, or merge shard profiles',
    load: async () =>
      (await import(/* webpackChunkName: "cli-profile" */ './profile.js')).profileCommand,
  },
];
