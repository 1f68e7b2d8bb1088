import type { FromSchema } from 'json-schema-to-ts';

// Deployment environments (`environments.<name>`): the target and its smoke test.

const NAME = '^[a-zA-Z0-9][a-zA-Z0-9._-]*$';

export const environmentConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    target: {
      enum: ['server', 'command', 'gitops'],
      default: 'server',
      description: '`server`: the built-in `modelci serve` on the runner; `command`: your deploy command; `gitops`: commit the version to a manifests repository.',
    },
    url: { type: 'string', pattern: '^https?://', description: "The environment's URL: shown on the deployment; the server target's address; smoke base." },
    stage: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9._-]*$',
      description: 'The registry stage this environment runs. Default: the environment name.',
    },
    smoke: {
      type: 'object',
      additionalProperties: false,
      properties: {
        samples: {
          type: 'string',
          minLength: 1,
          description:
            'smoke.jsonl recorded at evaluation (inputs + expected outputs per line); `{model}` and `{version}` are replaced, e.g. `registry/{model}/smoke/{version}.jsonl`.',
        },
        count: { type: 'integer', minimum: 1, description: 'Use at most this many samples. Default: all.' },
        tolerance: {
          type: 'number',
          minimum: 0,
          default: 1e-4,
          description: 'Output tolerance, absolute or relative to the recorded value.',
        },
        latency_ms: {
          type: 'number',
          exclusiveMinimum: 0,
          description: 'Budget for the 95th percentile prediction latency, in milliseconds.',
        },
      },
    },
    command: {
      type: 'string',
      minLength: 1,
      description: '`command` target: shell command run with MODEL_PATH, MODEL_NAME, MODEL_VERSION, ...',
    },
    gitops: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repo: {
          type: 'string',
          minLength: 1,
          default: '.',
          description: 'Config repository: a path or URL git can push to (`.`: this repository).',
        },
        branch: { type: 'string', minLength: 1, default: 'main', description: 'Branch the reconciler watches.' },
        path: {
          type: 'string',
          minLength: 1,
          default: 'deploy/{environment}/{model}.yaml',
          description: 'File the version pointer is written to; `{model}` and `{environment}` are replaced.',
        },
      },
    },
    timeout_minutes: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 360,
      default: 10,
      description: 'Time limit of the target (and of waiting for the server to be ready).',
    },
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

/** One environment as written in modelci.yaml. */
export type EnvironmentConfig = FromSchema<typeof environmentConfigSchema, { keepDefaultedPropertiesOptional: true }>;
export type SmokeConfig = NonNullable<EnvironmentConfig['smoke']>;
export type GitopsConfig = NonNullable<EnvironmentConfig['gitops']>;
export type EnvironmentsConfig = Record<string, EnvironmentConfig>;
