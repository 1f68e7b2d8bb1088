/** Environments and deploy targets (`environments:`). Owned by the deploy issue. */
export interface SmokeConfig {
  /** smoke.jsonl recorded at evaluation (inputs + expected outputs per line); `{model}` and
   * `{version}` are replaced, e.g. `registry/{model}/smoke/{version}.jsonl`. */
  samples?: string;
  /** Use at most this many samples. Default: all. */
  count?: number;
  /** Output tolerance, absolute or relative to the recorded value. Default 1e-4. */
  tolerance?: number;
  /** Budget for the 95th percentile prediction latency, in milliseconds. */
  latency_ms?: number;
}

export interface GitopsConfig {
  /** Config repository: a path or URL git can push to. Default: this repository (`.`). */
  repo?: string;
  /** Branch the reconciler watches. Default `main`. */
  branch?: string;
  /** File the version pointer is written to; `{model}` and `{environment}` are replaced. */
  path?: string;
}

export interface EnvironmentConfig {
  /** How a version gets deployed. Default `server`. */
  target?: 'server' | 'command' | 'gitops';
  /** The environment's URL: shown on the deployment; the server target's address; smoke base. */
  url?: string;
  /** Registry stage whose pointer names the version. Default: the environment's name. */
  stage?: string;
  smoke?: SmokeConfig;
  /** `command` target: shell command run with MODEL_PATH, MODEL_NAME, MODEL_VERSION, ... */
  command?: string;
  gitops?: GitopsConfig;
  /** Time limit of the target (and of waiting for the server to be ready). Default 10. */
  timeout_minutes?: number;
}

export type EnvironmentsConfig = Record<string, EnvironmentConfig>;

const NAME = '^[a-zA-Z0-9][a-zA-Z0-9._-]*$';

export const environmentConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    target: { enum: ['server', 'command', 'gitops'], default: 'server' },
    url: { type: 'string', pattern: '^https?://' },
    stage: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
    smoke: {
      type: 'object',
      additionalProperties: false,
      properties: {
        samples: { type: 'string', minLength: 1 },
        count: { type: 'integer', minimum: 1 },
        tolerance: { type: 'number', minimum: 0, default: 1e-4 },
        latency_ms: { type: 'number', exclusiveMinimum: 0 },
      },
    },
    command: { type: 'string', minLength: 1 },
    gitops: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repo: { type: 'string', minLength: 1, default: '.' },
        branch: { type: 'string', minLength: 1, default: 'main' },
        path: {
          type: 'string',
          minLength: 1,
          default: 'deploy/{environment}/{model}.yaml',
        },
      },
    },
    timeout_minutes: { type: 'number', exclusiveMinimum: 0, maximum: 360, default: 10 },
  },
  if: { properties: { target: { const: 'command' } }, required: ['target'] },
  then: { required: ['command'] },
} as const;

export const environmentsSchema = {
  type: 'object',
  description: 'Deployment environments by name (e.g. staging, production) and their targets.',
  propertyNames: { pattern: NAME },
  additionalProperties: environmentConfigSchema,
} as const;
