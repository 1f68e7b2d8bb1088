import type { FromSchema } from 'json-schema-to-ts';

// The git-backed registry (`registry:`), see src/registry/README.md.

const NAME = '^[a-z0-9][a-z0-9._-]*$';

export const registrySchema = {
  type: 'object',
  description: 'Where the registry folder lives, its stages and artifact store.',
  additionalProperties: false,
  properties: {
    path: {
      type: 'string',
      minLength: 1,
      default: 'registry',
      description:
        'Registry folder, relative to the repository root. Every registry file goes here, the retraining request (retrain.yaml) included.',
    },
    branch: {
      type: 'string',
      minLength: 1,
      description: 'Branch the registry commits go to. Default: the branch checked out.',
    },
    stages: {
      type: 'array',
      description: 'Stage names in promotion order; the last one is production.',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: NAME },
      default: ['staging', 'production'],
    },
    require_previous_stage: {
      type: 'boolean',
      default: true,
      description:
        'A stage takes only the version the stage before it holds (no skipping staging). Rollbacks to a version the stage held are exempt.',
    },
    require_evaluation: {
      type: 'boolean',
      default: true,
      description:
        'The last stage takes only a version registered with an evaluation report whose gates passed. Switched off, the stage pointer and the commit record evaluation_required: false.',
    },
    require_data_checks: {
      type: 'boolean',
      default: false,
      description:
        "A version can only be promoted when its evaluation data passed the model's data contract (recorded by register from the evaluation report).",
    },
    required_checks: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description: "Check runs or commit statuses that must be green on the version's commit to promote it.",
    },
    bump: {
      enum: ['minor', 'patch'],
      default: 'minor',
      description:
        'Bump when the signature is compatible; a change the signature gate calls incompatible is always major.',
    },
    tags: {
      type: 'boolean',
      default: false,
      description:
        "Also write GTO's git tags (model@vX.Y.Z, model#stage#N, model#stage!#N, model@vX.Y.Z!) on each version's registration commit. Model and stage names must then fit GTO's grammar.",
    },
    promotion: {
      enum: ['commit', 'pull-request'],
      default: 'commit',
      description: 'How promote writes: push the commit, or open/update a promotion pull request.',
    },
    push_attempts: {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
      description: 'Push attempts when other writers race (fetch, rebuild, re-check, retry).',
    },
    store: {
      type: 'object',
      additionalProperties: false,
      default: {},
      description: 'Where artifacts go: `git` (copied into the registry folder; small models), `local` (a folder) or `github-release` (release assets).',
      properties: {
        type: { enum: ['git', 'local', 'github-release'], default: 'git' },
        max_bytes: {
          type: 'integer',
          minimum: 1,
          default: 10485760,
          description: '`git` store: refuse artifacts larger than this.',
        },
        path: { type: 'string', minLength: 1, description: '`local` store: the folder artifacts are copied to.' },
        release_tag: {
          type: 'string',
          minLength: 1,
          default: 'modelci-artifacts',
          description: '`github-release` store: the release tag assets go to.',
        },
        repository: {
          type: 'string',
          pattern: '^[^/\\s]+/[^/\\s]+$',
          description: "`github-release` store: `owner/repo`; default, the run's repository.",
        },
      },
    },
  },
} as const;

type AsWritten = { keepDefaultedPropertiesOptional: true };
/** `registry:` as written in modelci.yaml. */
export type RegistryConfig = FromSchema<typeof registrySchema, AsWritten>;
export type StoreConfig = NonNullable<RegistryConfig['store']>;
/** `registry:` with every default filled in. */
export type ResolvedRegistry = FromSchema<typeof registrySchema>;
