import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, modelNameOption, registryOption } from './common.js';

export const validateSpec = defineCommand({
  name: 'validate',
  summary:
    "Check data against the model's data contract: a gate before training, promotion and in production",
  description:
    "Check data files against a data contract (`modelci contract infer`, then edited by the team): missing or extra columns, types, missing values, ranges, allowed categories, patterns, unique ids, freshness of timestamps, relations between columns and the row count, streamed in bounded memory over CSV, JSONL (serve's prediction log included) and Parquet. Across data sets: training vs holdout overlap (rows and ids), label leakage in the training data, and train/serve skew against a training profile. Every violation names the data set, the column, how many rows (count and share), example rows with their values, and its severity; errors fail the check (exit code 3 on the CLI, a failed step in an action), warnings are reported.",
  usage: [
    'validate --contract contract.yaml --data holdout.csv [--train train.csv] [--json]',
    'validate --contract contract.yaml --data predictions.jsonl --training-profile profile.json',
    "validate --model churn   (the model's contract, training and holdout data from modelci.yaml)",
  ],
  notes: ['Exit codes: 0 passed, 1 error, 2 usage, 3 the data broke the contract (see --fail-on).'],
  options: {
    contract: {
      type: 'string',
      placeholder: 'file',
      description:
        "The data contract (YAML or JSON). Default, the model's: `models.<model>.contract`, else `<registry>/<model>/contract.yaml`.",
    },
    data: {
      type: 'list',
      placeholder: 'file',
      description:
        "Data files to check (CSV, TSV, JSONL such as serve's prediction log, Parquet). Default, the model's `data.holdout`. One per line or comma separated.",
    },
    train: {
      type: 'string',
      placeholder: 'file',
      description:
        "Training data: checked too, and for label leakage (a feature that predicts the label perfectly or nearly copies it); every data file is checked for rows (and ids) it shares with it. Default, the model's `data.train` when `data` is not given.",
    },
    'training-profile': {
      type: 'string',
      placeholder: 'file',
      description:
        'Training profile (`modelci profile`) or training data: each data file (e.g. the prediction log) is checked for train/serve skew against it: columns missing or extra, other types, values outside the training range, categories never seen in training.',
    },
    model: modelNameOption,
    registry: registryOption,
    config: configOption,
    'fail-on': {
      type: 'enum',
      values: ['error', 'warning', 'never'],
      placeholder: 'severity',
      default: 'error',
      description:
        'Fail on violations of this severity or worse: `error`, `warning` (any violation), or `never` (report only).',
    },
    report: {
      type: 'string',
      placeholder: 'file',
      actionDefault: 'modelci-validation.json',
      description: 'Also write the JSON report to this file.',
    },
    json: jsonOption,
  },
  action: {
    folder: 'validate',
    outputs: {
      passed: { description: "'true' when no violation reached `fail-on`, else 'false'." },
      errors: { description: 'How many error violations were found.' },
      warnings: { description: 'How many warning violations were found.' },
      report: { description: 'Path of the JSON report, when written.' },
    },
  },
});
