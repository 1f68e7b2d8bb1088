import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, modelNameOption } from './common.js';

export const trainSpec = defineCommand({
  name: 'train',
  summary: 'Train a model: its training command from modelci.yaml, or a built-in trainer',
  description:
    'Train a model: run its training command from modelci.yaml (any language) with the MODELCI_* environment (MODELCI_OUTPUT_DIR, MODELCI_MODEL_FILE, MODELCI_PARAMS_FILE, MODELCI_METRICS_FILE, MODELCI_SEED, MODELCI_TRAIN_DATA, MODELCI_HOLDOUT_DATA, MODELCI_LABEL, MODELCI_FEATURES, MODELCI_MODEL_NAME), or a built-in trainer (logistic-regression, linear-regression, ridge) exported as ONNX. Writes the model, params.json, metrics.json and run.json (fingerprints of data and model) into the output folder; on a runner it caches the datasets and uploads the outputs as an artifact for later jobs.',
  options: {
    model: { ...modelNameOption, deprecated: { cli: ['name'], action: ['name'] } },
    config: configOption,
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
    json: jsonOption,
  },
  action: {
    folder: 'train',
    outputs: {
      model: { description: 'Path of the trained ONNX model.' },
      'run-record': { description: 'Path of run.json.' },
      metrics: { description: 'The training metrics (JSON), when the trainer wrote some.' },
      sha256: { description: 'sha256 of the model file.' },
      artifact: { description: 'Name of the uploaded artifact, when uploaded.' },
      'data-cache-key': { description: 'Actions cache key holding the datasets, when saved.' },
    },
  },
});
