import { defineCommand } from '../option-spec.js';
import {
  configOption,
  dataContractOption,
  jsonOption,
  modelNameOption,
  repositoryOption,
  taskOption,
} from './common.js';

export const evaluateSpec = defineCommand({
  name: 'evaluate',
  summary:
    'Evaluate an ONNX model on holdout data: metrics with intervals, baseline comparison, gates',
  description:
    'Evaluate an ONNX model on a holdout data file: metrics with 95% bootstrap intervals, a paired comparison against a baseline model, slices and the gates from modelci.yaml. Writes the evaluation report JSON and, with `check-run`, a check run `modelci/<model>` on the commit under review (the pull request head, under workflow_run too). In an action, the report also goes to the job summary and failing gates fail the step (configurable).',
  usage: [
    'evaluate --artifact model.onnx --data holdout.csv --label y [--baseline production] [--json]',
  ],
  rewrite(raw, surface) {
    // `--model file.onnx` (and input `model: file.onnx`) named the file before `--artifact`.
    const given = raw.get('model')?.at(-1);
    if (
      raw.get('artifact')?.some((t) => t.trim()) ||
      !given ||
      !/[/\\]|\.(onnx|ort)$/i.test(given.trim())
    )
      return [];
    raw.set('artifact', [given]);
    raw.delete('model');
    return [
      surface === 'cli'
        ? '--model <file> is deprecated: use --artifact <file> (--model names the model now, as --name did)'
        : 'input "model" with a file is deprecated: use input "artifact" (input "model" names the model now, as "name" did)',
    ];
  },
  notes: ['Exit codes: 0 ran, 1 error, 2 usage, 3 gates failed (with --fail-on-gates).'],
  options: {
    artifact: {
      type: 'string',
      placeholder: 'file.onnx',
      required: true,
      description: 'The candidate model file (.onnx).',
      deprecated: { note: 'the model file was once given as --model / input `model`' },
    },
    model: {
      ...modelNameOption,
      description:
        'Model name in modelci.yaml: data, label, gates and slices come from there. Default, the only model in the config. Names the check run.',
      deprecated: { cli: ['name'], action: ['name'] },
    },
    data: {
      type: 'string',
      placeholder: 'file',
      description:
        'Holdout data (CSV, TSV, JSONL or Parquet). Default, `models.<name>.data.holdout`.',
    },
    label: {
      type: 'string',
      placeholder: 'column',
      description: 'Label column. Default, `models.<name>.data.label`.',
    },
    task: taskOption,
    baseline: {
      type: 'string',
      placeholder: 'file.onnx|stage',
      description:
        'Baseline to compare with: a model file, or a registry stage (`production`, `staging`). Default, `models.<name>.evaluate.baseline`; none gives a candidate-only report.',
    },
    features: {
      type: 'list',
      placeholder: 'a,b,...',
      description:
        'Feature columns in model input order. Default, `models.<name>.data.features`, else all but the label.',
    },
    slices: {
      type: 'list',
      placeholder: 'column',
      description:
        'Columns to compute metrics per value of. Default, `models.<name>.evaluate.slices`.',
      deprecated: { cli: ['slice'] },
    },
    'drop-invalid': {
      type: 'boolean',
      description:
        'Drop rows with missing or invalid values (counted in the report) instead of failing.',
    },
    resamples: {
      type: 'integer',
      min: 0,
      description:
        "Bootstrap resamples for the intervals (0 = no intervals). Default, the config's, else 1000.",
    },
    seed: {
      type: 'integer',
      min: 0,
      description: "Bootstrap seed. Default, the config's, else 42.",
    },
    'batch-size': {
      type: 'integer',
      min: 1,
      description: "Rows per inference batch. Default, the config's, else 16384.",
    },
    config: configOption,
    report: {
      type: 'string',
      placeholder: 'file',
      actionDefault: 'modelci-evaluation.json',
      description: 'Also write the evaluation report JSON to this file.',
      deprecated: { cli: ['out'] },
    },
    contract: dataContractOption,
    'smoke-samples': {
      type: 'string',
      placeholder: 'file',
      description:
        "Record the candidate's answers to the first rows in this JSONL file; `register` stores it with the version and `deploy` checks that the deployed server answers the same.",
    },
    run: {
      type: 'string',
      placeholder: 'run|run.json|none',
      description:
        "Attach the evaluation (metrics with intervals, baseline, paired tests) to the training run of the evaluated model: a run id or the run.json `train` wrote. Default, the run.json beside the artifact when it is that model's run; `none` attaches nothing.",
    },
    'push-run': {
      type: 'boolean',
      negatable: true,
      description:
        'Push the run with its evaluation to `origin`. Default, as `train` pushes: on a runner for `push` and `schedule` events, never from a fork.',
    },
    'smoke-count': {
      type: 'integer',
      min: 1,
      default: 10,
      description: 'How many smoke samples to record.',
    },
    'fail-on-gates': {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description: 'Fail (exit code 3 on the CLI, a failed step in an action) when a gate fails.',
    },
    'check-run': {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description:
        'Write a check run `modelci/<model>` with the verdict on the commit under review (needs a token with `checks: write`; GITHUB_TOKEN or GH_TOKEN on the CLI).',
    },
    repository: repositoryOption,
    json: jsonOption,
  },
  action: {
    folder: 'evaluate',
    outputs: {
      passed: { description: '`true` when every gate passed (or there are none), else `false`.' },
      report: { description: 'Path of the evaluation report JSON.' },
      'check-run-id': { description: 'Id of the check run written, when one was.' },
      'run-id': { description: 'The run the evaluation was attached to, when it was.' },
      'smoke-samples': {
        description: 'Path of the recorded smoke samples, when `smoke-samples` was set.',
      },
    },
  },
});
