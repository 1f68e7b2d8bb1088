import { defineCommand, type OptionDef } from '../option-spec.js';
import {
  configOption,
  jsonOption,
  pushOption,
  registryOption,
  remoteOption,
  repositoryOption,
  requiredModelOption,
} from './common.js';

const stage = {
  type: 'string',
  placeholder: 'stage',
  required: true,
  description: 'Stage to move (one of `registry.stages`).',
} as const satisfies OptionDef;

const reason = {
  type: 'string',
  placeholder: 'text',
  description: 'Why; recorded in the pointer and the commit.',
} as const satisfies OptionDef;

const mode = {
  type: 'enum',
  values: ['commit', 'pull-request'],
  description:
    '`commit` (push the change) or `pull-request` (open or update one promotion pull request per model and stage). Default, `registry.promotion`.',
} as const satisfies OptionDef;

const to = {
  type: 'string',
  placeholder: 'X.Y.Z',
  description:
    'With rollback, the version to go back to. Default, one version further back through the stage history per rollback, never to a version rolled back from.',
} as const satisfies OptionDef;

/** What every stage write takes beside its own options. */
const write = {
  registry: registryOption,
  push: pushOption,
  remote: remoteOption,
  repository: repositoryOption,
  config: configOption,
  json: jsonOption,
} as const;

const stageOutputs = {
  version: { description: 'The version the stage holds now.' },
  previous: { description: 'The version it held before.' },
  status: { description: '`moved`, `unchanged` or `pull-request`.' },
  commit: { description: 'The registry commit (commit mode).' },
  'pull-request-number': { description: 'The promotion pull request (pull-request mode).' },
  'pull-request-url': { description: 'Its URL.' },
} as const;

export const promoteSpec = defineCommand({
  name: 'promote',
  summary: 'Move a stage pointer to a version after its gates and required checks pass',
  description:
    'Move a stage pointer (e.g. production) to a version after its recorded gates, required checks and stage order pass (the last stage also needs a recorded evaluation, `registry.require_evaluation`); or, with `rollback`, point it back; by commit or promotion pull request.',
  options: {
    model: requiredModelOption,
    stage,
    version: {
      type: 'string',
      placeholder: 'X.Y.Z|#stage|latest',
      description:
        'Version to promote: `X.Y.Z`, `#staging` (what another stage holds) or `latest`. Required unless `rollback`.',
    },
    rollback: {
      type: 'boolean',
      description:
        'Point the stage back one version through its history (or at `to`), like `modelci rollback`.',
    },
    to,
    reason,
    mode,
    ...write,
  },
  action: { folder: 'promote', outputs: stageOutputs },
});

export const rollbackSpec = defineCommand({
  name: 'rollback',
  summary: 'Point a stage back one version through its history',
  description:
    'Point a stage back one version through its history (each rollback one further, never to a version rolled back from) or at `to`: a commit with trailers, or a promotion pull request.',
  options: { model: requiredModelOption, stage, to, reason, mode, ...write },
  action: { folder: 'rollback', outputs: stageOutputs },
});

export const deprecateSpec = defineCommand({
  name: 'deprecate',
  summary: 'Mark a version deprecated so it can no longer be promoted',
  description:
    'Mark a registered version deprecated so it can no longer be promoted or deployed: a commit with trailers (and a GTO deprecation tag with `registry.tags`).',
  options: {
    model: requiredModelOption,
    version: {
      type: 'string',
      placeholder: 'X.Y.Z',
      required: true,
      description: 'The version to deprecate.',
    },
    reason,
    ...write,
  },
  action: {
    folder: 'deprecate',
    outputs: {
      version: { description: 'The version deprecated.' },
      status: { description: '`deprecated` or `unchanged` (it already was).' },
      commit: { description: 'The registry commit.' },
    },
  },
});
