import { defineCommand } from '../option-spec.js';
import {
  configOption,
  dataContractOption,
  jsonOption,
  modelNameOption,
  remoteOption,
} from './common.js';

export const trainSpec = defineCommand({
  name: 'train',
  summary: 'Train a model: its training command from modelci.yaml, or a built-in trainer',
  description:
    'Train a model: run its training command from modelci.yaml (any language) with the MODELCI_* environment (MODELCI_OUTPUT_DIR, MODELCI_MODEL_FILE, MODELCI_PARAMS_FILE, MODELCI_METRICS_FILE, MODELCI_SEED, MODELCI_TRAIN_DATA, MODELCI_HOLDOUT_DATA, MODELCI_LABEL, MODELCI_FEATURES, MODELCI_MODEL_NAME), or a built-in trainer (logistic-regression, linear-regression, ridge) exported as ONNX. Writes the model, params.json, metrics.json and run.json (the run record: params, metrics, data and model fingerprints, code commit, environment) into the output folder and keeps the run in git under refs/modelci/runs/<model>/<id> (`modelci runs list`); a failed training is recorded as failed. On a runner it caches the datasets and uploads the outputs as an artifact for later jobs.',
  options: {
    model: { ...modelNameOption, deprecated: { cli: ['name'], action: ['name'] } },
    config: configOption,
    contract: dataContractOption,
    'output-dir': {
      type: 'string',
      placeholder: 'dir',
      description:
        'Where the model, params, metrics and run record go. Default, `modelci-train/<model>`.',
    },
    'timeout-minutes': {
      type: 'number',
      min: 0.001,
      description: 'Overrides `train.timeout_minutes` (default 60).',
    },
    'upload-artifact': {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description:
        "Upload the outputs as artifact `modelci-<model>` (needs the runner's artifact service).",
    },
    'cache-data': {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description:
        "Save the training and holdout data in the actions cache under a key from their sha256 (needs the runner's cache service).",
    },
    record: {
      type: 'boolean',
      default: true,
      negatable: true,
      description:
        'Keep the run in git as one commit under `refs/modelci/runs/<model>/<id>` (no branch, index or working tree is touched).',
    },
    push: {
      type: 'boolean',
      negatable: true,
      description:
        'Push the run ref to `remote` (needs `contents: write`). Default, on a runner for `push` and `schedule` events, never from a fork; `modelci runs fetch` brings runs back.',
    },
    remote: { ...remoteOption, description: 'Git remote runs are pushed to.' },
    tag: {
      type: 'list',
      placeholder: 'tag',
      description: 'Tags of the run (`modelci runs list --tag`); `runs tag` changes them later.',
    },
    note: {
      type: 'string',
      placeholder: 'text',
      description: 'A free-text note recorded with the run.',
    },
    parent: {
      type: 'string',
      placeholder: 'run',
      description:
        "The run this one follows. Default, the latest earlier run of the model on the same branch, else on the pull request's base branch.",
    },
    json: jsonOption,
  },
  action: {
    folder: 'train',
    outputs: {
      model: { description: 'Path of the trained ONNX model.' },
      'run-record': { description: 'Path of run.json.' },
      'run-id': { description: 'The run id (`modelci runs show <id>`).' },
      'run-ref': { description: "The run's git ref, when it was recorded." },
      'run-pushed': { description: '`true` when the run ref was pushed to `remote`.' },
      metrics: { description: 'The training metrics (JSON), when the trainer wrote some.' },
      sha256: { description: 'sha256 of the model file.' },
      artifact: { description: 'Name of the uploaded artifact, when uploaded.' },
      'data-cache-key': { description: 'Actions cache key holding the datasets, when saved.' },
    },
  },
});
