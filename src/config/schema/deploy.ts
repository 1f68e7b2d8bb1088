import type { FromSchema } from 'json-schema-to-ts';

// Deployment environments (`environments.<name>`): the target and its smoke test.

const NAME = '^[a-zA-Z0-9][a-zA-Z0-9._-]*$';

/** `environments.<env>.rollout`: the progressive canary of the server target. */
export const rolloutSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['steps'],
  description:
    'Server target: deploy as a canary whose share goes through `steps`, checked at each step against the stable version from the server\'s metrics and prediction log; promoted after the last step, removed at the first failed check.',
  properties: {
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
      description: 'Canary shares in percent, ascending, e.g. [5, 25, 50, 100].',
    },
    interval: {
      type: 'string',
      pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$',
      default: '60s',
      description: 'How long each step lasts before its checks, e.g. 30s, 5m.',
    },
    min_requests: {
      type: 'integer',
      minimum: 1,
      default: 50,
      description: 'Canary requests a step needs before it decides; it waits up to 5 intervals for them, then fails.',
    },
    log: {
      type: 'string',
      minLength: 1,
      description: "The server's prediction log (--log-predictions): the prediction shift and A/B checks read it.",
    },
    labels: {
      type: 'object',
      additionalProperties: false,
      required: ['file'],
      description: 'Labels joined to the log by request id: the A/B check (the canary must not be significantly worse on the primary metric).',
      properties: {
        file: { type: 'string', minLength: 1 },
        join: { type: 'string', minLength: 1, default: 'id', description: 'The request id column.' },
        label: { type: 'string', minLength: 1, description: "The label column. Default: the model's data.label." },
      },
    },
    checks: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        max_error_ratio: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.01,
          description: 'Largest share of canary requests answered 5xx in a step.',
        },
        latency_p95_ratio: {
          type: 'number',
          exclusiveMinimum: 0,
          default: 1.5,
          description: "Canary p95 latency at most this times stable's (plus latency_slack_ms).",
        },
        latency_slack_ms: { type: 'number', minimum: 0, default: 5 },
        prediction_shift: {
          type: 'boolean',
          default: true,
          description: "With `log`: fail when the canary's predictions shift from stable's.",
        },
        alpha: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 0.5,
          default: 0.05,
          description: 'False-alarm rate over the whole rollout; each step tests at alpha / steps.',
        },
      },
    },
  },
} as const;

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
        manifests: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            "Kubernetes manifests in the repository (e.g. those `modelci package` writes) whose model container's `image:` deploy sets to `--image`, changing nothing else; `{model}` and `{environment}` are replaced.",
        },
        container: {
          type: 'string',
          minLength: 1,
          description:
            'The container of those manifests that runs the model. Default, the only one, else `server` (Deployment) or `kserve-container` (InferenceService).',
        },
      },
    },
    shadow: {
      type: 'string',
      minLength: 1,
      description:
        'Server target: a registry version (`X.Y.Z`, `#staging`, `latest`) loaded as a shadow beside the deployed one: it runs every request after the answer and its outputs go to the prediction log (role shadow), for `modelci compare-live`.',
    },
    rollout: rolloutSchema,
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
export type RolloutConfig = NonNullable<EnvironmentConfig['rollout']>;
export type EnvironmentsConfig = Record<string, EnvironmentConfig>;
