import { defineCommand } from '../option-spec.js';
import {
  configOption,
  jsonOption,
  registryOption,
  repositoryOption,
  requiredModelOption,
} from './common.js';

export const deploySpec = defineCommand({
  name: 'deploy',
  summary:
    'Deploy a registered model version to an environment, smoke-test it, roll back on failure',
  description:
    "Deploy a registered model version to an environment: resolve the version from the stage pointer, verify the artifact's sha256, record a GitHub Deployment (queued, in_progress, success/failure) when a repository and token are known, run the target (built-in server, command or gitops), smoke-test it, and roll back to the previous version by itself when anything fails. With `environments.<env>.rollout` the server target rolls the version out as a canary step by step, checking the server's metrics and prediction log at each step, and promotes or aborts by itself; `environments.<env>.shadow` runs another version beside it. The environment's settings come from `environments.<env>` in modelci.yaml.",
  notes: [
    'Exit code 0 when the version is live (or planned, with --dry-run), 1 when it failed (rolled back or not).',
  ],
  options: {
    model: requiredModelOption,
    environment: {
      type: 'string',
      placeholder: 'env',
      required: true,
      description: 'Environment to deploy to (a key of `environments:` in modelci.yaml).',
    },
    version: {
      type: 'string',
      placeholder: 'X.Y.Z',
      description: "Version to deploy. Default, the version the environment's stage pointer names.",
    },
    registry: registryOption,
    config: configOption,
    image: {
      type: 'string',
      placeholder: 'ref',
      description:
        "The container image of this version (best by digest, e.g. ghcr.io/acme/models/churn@sha256:...): the gitops target writes it into the model's container in `environments.<env>.gitops.manifests`.",
    },
    url: {
      type: 'string',
      placeholder: 'url',
      description:
        'Overrides `environments.<env>.url` (where the model answers; smoke test base URL).',
    },
    'deployment-id': {
      type: 'string',
      placeholder: 'id|auto',
      description:
        "A GitHub Deployment that already exists (e.g. the one the job's `environment:` key created): only statuses are added to it. `auto` finds the open deployment of the environment at this commit.",
    },
    rollback: {
      type: 'boolean',
      default: true,
      description:
        "Roll back to the stage pointer's previous version when the target or smoke test fails.",
    },
    'dry-run': {
      type: 'boolean',
      description:
        'Say what would happen (the progressive rollout plan, the shadow) and change nothing: no GitHub Deployment, no server touched.',
    },
    repository: { ...repositoryOption, deprecated: { cli: ['github-repository'] } },
    ref: {
      type: 'string',
      placeholder: 'sha',
      description:
        "The commit the GitHub Deployment is for. Default, the run's commit (GITHUB_SHA), else HEAD.",
    },
    json: jsonOption,
  },
  action: {
    folder: 'deploy',
    outputs: {
      version: { description: 'The version deployed (or attempted).' },
      'previous-version': { description: 'The version rollback goes to.' },
      outcome: {
        description:
          'success, rolled-back (a failed canary step included: stable serves again), failed, or planned (dry-run).',
      },
      'deployment-id': { description: 'The GitHub Deployment id.' },
      url: { description: 'Where the model answers.' },
      'rolled-back-to': {
        description:
          'The version restored after a failure (or still stable after an aborted canary), if any.',
      },
      'server-pid': {
        description:
          'Process id of a `modelci serve` the server target started (stop it at job end).',
      },
    },
  },
});
