import type { OptionDef } from '../option-spec.js';

// Options several commands share, spelled and described once.

export const configOption = {
  type: 'string',
  placeholder: 'file',
  default: 'modelci.yaml',
  description:
    'Path of modelci.yaml. The default file may be absent (defaults apply); a path you give must exist.',
} as const satisfies OptionDef;

export const registryOption = {
  type: 'string',
  placeholder: 'dir',
  description:
    'Registry folder inside a git checkout. Default, `registry.path` from the config (`registry`).',
} as const satisfies OptionDef;

/** `--model` is always a model name: a key of `models` in modelci.yaml and a registry folder. */
export const modelNameOption = {
  type: 'string',
  placeholder: 'name',
  description:
    'Model name (a key of `models` in modelci.yaml). Default, the only model in the config.',
} as const satisfies OptionDef;

export const requiredModelOption = {
  type: 'string',
  placeholder: 'name',
  required: true,
  description: 'Model name (a key of `models` in modelci.yaml, a folder of the registry).',
} as const satisfies OptionDef;

export const jsonOption = {
  type: 'boolean',
  only: 'cli',
  description: 'Print the result as one JSON object on standard output.',
} as const satisfies OptionDef;

export const pushOption = {
  type: 'boolean',
  default: false,
  actionDefault: true,
  negatable: true,
  description:
    'Push the registry commit to `remote`, fetching and retrying when other jobs push first (needs `contents: write`).',
} as const satisfies OptionDef;

export const remoteOption = {
  type: 'string',
  placeholder: 'name',
  default: 'origin',
  description: 'Git remote the registry commit is pushed to.',
} as const satisfies OptionDef;

export const repositoryOption = {
  type: 'string',
  placeholder: 'owner/repo',
  description:
    "GitHub repository for API calls. Default, the workflow run's repository (GITHUB_REPOSITORY).",
} as const satisfies OptionDef;

export const taskOption = {
  type: 'enum',
  values: ['binary', 'multiclass', 'regression'],
  placeholder: 'task',
  description:
    "binary, multiclass or regression. Default, the model's `task` in the config, else inferred from the model.",
} as const satisfies OptionDef;

/** train and evaluate: the data checks before their work (issue 19's gate in the loop). */
export const dataContractOption = {
  type: 'string',
  placeholder: 'file',
  description:
    "Data contract the input data is validated against first: errors stop the step, warnings go into its report. Default, the model's contract (`models.<model>.contract`, else `<registry>/<model>/contract.yaml`) when it exists; `none` skips the data checks.",
} as const satisfies OptionDef;
