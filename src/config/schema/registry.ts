/** The git-backed registry (`registry:`). Owned by the registry issue; see src/registry/README.md. */
export interface RegistryConfig {
  /** Registry folder, relative to the repository root. Default `registry`. */
  path?: string;
  /** Branch the registry commits go to. Default: the branch checked out. */
  branch?: string;
  /** Stage names in promotion order. Default `[staging, production]`. */
  stages?: string[];
  /** A stage can only receive the version the stage before it currently holds. Default false. */
  require_previous_stage?: boolean;
  /** Check runs or commit statuses that must be green on the version's commit to promote it. */
  required_checks?: string[];
  /** Bump when the signature is compatible; a breaking signature change is always major. */
  bump?: 'minor' | 'patch';
  /** Git tags in GTO's format (`<model>@vX.Y.Z`, `<model>#<stage>#<n>`) next to the commits. */
  tags?: boolean;
  /** How promote writes: push the commit, or open/update a promotion pull request. */
  promotion?: 'commit' | 'pull-request';
  /** Push attempts when other writers race (fetch, rebase, re-check, retry). Default 20. */
  push_attempts?: number;
  store?: StoreConfig;
}

export interface StoreConfig {
  /** `git`: copy into the registry folder (small models); `local`: a folder; `github-release`. */
  type?: 'git' | 'local' | 'github-release';
  /** `git` store: refuse artifacts larger than this. Default 10 MB. */
  max_bytes?: number;
  /** `local` store: the folder artifacts are copied to. */
  path?: string;
  /** `github-release` store: the release tag assets go to. Default `modelci-artifacts`. */
  release_tag?: string;
  /** `github-release` store: `owner/repo`; default GITHUB_REPOSITORY. */
  repository?: string;
}

const NAME = '^[a-z0-9][a-z0-9._-]*$';

export const registrySchema = {
  type: 'object',
  description: 'Where the registry folder lives, its stages and artifact store.',
  additionalProperties: false,
  properties: {
    path: { type: 'string', minLength: 1, default: 'registry' },
    branch: { type: 'string', minLength: 1 },
    stages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: NAME },
      default: ['staging', 'production'],
    },
    require_previous_stage: { type: 'boolean', default: false },
    required_checks: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
    bump: { enum: ['minor', 'patch'], default: 'minor' },
    tags: { type: 'boolean', default: false },
    promotion: { enum: ['commit', 'pull-request'], default: 'commit' },
    push_attempts: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    store: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: ['git', 'local', 'github-release'], default: 'git' },
        max_bytes: { type: 'integer', minimum: 1, default: 10485760 },
        path: { type: 'string', minLength: 1 },
        release_tag: { type: 'string', minLength: 1, default: 'modelci-artifacts' },
        repository: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
      },
    },
  },
} as const;
