import { defineCommand, type OptionDef } from '../option-spec.js';
import { configOption, jsonOption, repositoryOption } from './common.js';

/** Commits and pull requests link to the repository on the run's server (GITHUB_SERVER_URL). */
const linkRepositoryOption = {
  ...repositoryOption,
  description:
    "GitHub repository (owner/repo) that commits and pull requests link to. Default, the workflow run's repository (GITHUB_REPOSITORY); without one, nothing links.",
} as const satisfies OptionDef;

const catalogRegistryOption = {
  type: 'string',
  placeholder: 'dir',
  description:
    'Registry folder. Default, `registry.path` from the config (`registry`). Check out the full history (`fetch-depth: 0`) for the audit log and stage timeline.',
} as const satisfies OptionDef;

export const siteSpec = defineCommand({
  name: 'site',
  summary:
    'Build the model catalog: a static site of the registry, its history, model cards and drift',
  description:
    'Build the model catalog, a static site of the registry (every model, what each stage holds and since when, who approved it, metrics with intervals across versions, the stage timeline from the commit trailers, drift checks, a model card per version, the audit log), ready for actions/upload-pages-artifact. No server: it works from file:// too. Files that cannot be read are shown as such and never stop the build.',
  usage: [
    'site [--registry registry] [--out _site] [--drift-history drift-history.json]',
    'site --repository acme/models --title "Acme models" --json',
  ],
  notes: [
    'Prints the file:// address of the catalog. The --out folder is replaced whole on every build; a folder that is not an earlier site is never replaced.',
  ],
  options: {
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'dir',
      default: '_site',
      description: 'Folder to write the site to (replaced whole on every build).',
    },
    registry: catalogRegistryOption,
    'drift-history': {
      type: 'list',
      placeholder: '[model=]file',
      description:
        "Drift history files written by `modelci drift --history` (the drift action's `history` input); `<model>=<file>` when entries do not name their model. Missing files are skipped.",
    },
    title: {
      type: 'string',
      placeholder: 'text',
      default: 'Model catalog',
      description: 'Title of the site.',
    },
    repository: linkRepositoryOption,
    config: {
      ...configOption,
      description: `${configOption.description} Model card texts come from \`models.<m>.card\`.`,
    },
    json: jsonOption,
  },
  action: {
    folder: 'site',
    outputs: {
      path: { description: 'The site folder (the `path` of actions/upload-pages-artifact).' },
      index: { description: 'The catalog page, `<out>/index.html`.' },
      pages: { description: 'How many files the site has.' },
      problems: {
        description:
          'How many registry or drift files could not be read (each is shown on the site).',
      },
    },
  },
});

export const cardSpec = defineCommand({
  name: 'card',
  summary: 'Write the model card of a version as Markdown with Hugging Face metadata',
  description:
    'The Model Card of a registered version: intended use, owners, data fingerprints, metrics with intervals, slices, limitations and ethical considerations (`models.<m>.card` in modelci.yaml), lineage and promotions; YAML front matter with `model-index` results, as the Hugging Face Hub reads it. Prints the Markdown, or writes it to `--out`.',
  usage: ['card churn@1.2.0', 'card churn#production --out README.md'],
  positionals: [
    {
      name: 'ref',
      description: '`<model>[@X.Y.Z|#stage]`; the latest version when neither is given.',
      required: true,
    },
  ],
  options: {
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'file',
      description: 'Write the Markdown to this file (e.g. README.md of a model hub repository).',
    },
    registry: catalogRegistryOption,
    repository: linkRepositoryOption,
    config: configOption,
  },
});
