import { defineCommand } from '../option-spec.js';
import {
  configOption,
  jsonOption,
  pushOption,
  registryOption,
  remoteOption,
  requiredModelOption,
} from './common.js';

export const registerSpec = defineCommand({
  name: 'register',
  summary: 'Register a model artifact as a new immutable version in the git registry',
  description:
    'Register a model artifact as a new immutable version in the git registry folder: one commit with trailers, pushed with retries when other jobs push first. Re-running with the same content is a no-op (`unchanged`). Prints the version.',
  options: {
    model: requiredModelOption,
    artifact: {
      type: 'string',
      placeholder: 'file',
      required: true,
      description: 'The trained model file, e.g. `model.onnx`.',
    },
    report: {
      type: 'string',
      placeholder: 'file',
      description:
        'Evaluation report JSON (`modelci evaluate`); its metrics, gates and data fingerprints go into the version record.',
    },
    version: {
      type: 'string',
      placeholder: 'X.Y.Z',
      description:
        'Explicit version; default is the latest bumped by rule (breaking signature change -> major, else `registry.bump`).',
    },
    bump: {
      type: 'enum',
      values: ['major', 'minor', 'patch'],
      description: 'Force a bump instead of the rule.',
    },
    'profile-data': {
      type: 'string',
      placeholder: 'data|profile.json|none',
      description:
        "Data (CSV, JSONL, Parquet) or profile JSON stored with the version as its drift reference (registry/<model>/profiles/<X.Y.Z>.json). Default, the model's `data.train` when the file exists; `none` stores no profile.",
    },
    'smoke-samples': {
      type: 'string',
      placeholder: 'file',
      description:
        'Smoke samples recorded by `evaluate --smoke-samples`, stored as registry/<model>/smoke/<X.Y.Z>.jsonl; deploy then checks the deployed model answers the same.',
    },
    run: {
      type: 'string',
      placeholder: 'run|run.json|none',
      description:
        "The training run that wrote the artifact, recorded as the version's `lineage.run` (its params and training data fill the record when the report has none): a run id or the run.json `train` wrote. Default, the run.json beside the artifact when it wrote this very file; `none` records no run.",
    },
    'pull-request': {
      type: 'integer',
      min: 1,
      valueName: 'a pull request number',
      description: "Pull request number recorded in the lineage. Default, the event's.",
    },
    registry: registryOption,
    push: pushOption,
    remote: remoteOption,
    config: configOption,
    json: jsonOption,
  },
  action: {
    folder: 'register',
    outputs: {
      version: {
        description: 'The version registered (or the existing one when nothing changed).',
      },
      status: { description: '`registered` or `unchanged`.' },
      commit: { description: 'The registry commit.' },
      file: { description: "The version record's path." },
      'artifact-uri': { description: 'Where the artifact is stored.' },
    },
  },
});
