import { DRIFT_TESTS } from '../../core/drift/tests/index.js';
import { defineCommand, type OptionDef } from '../option-spec.js';
import { configOption, jsonOption, modelNameOption, registryOption, taskOption } from './common.js';

/** Performance drift columns, shared with `profile`. */
export const performanceOptions = {
  label: {
    type: 'string',
    placeholder: 'column',
    description:
      "Label column for performance drift (default `drift.performance.label`, else the model's `data.label`). Setting it, or a `drift.performance` section, turns performance drift on.",
  },
  prediction: {
    type: 'string',
    placeholder: 'column',
    description:
      "Predicted label/value column for performance drift (default `_out.label`, the prediction log's).",
  },
  score: {
    type: 'string',
    placeholder: 'column',
    description:
      'Binary models, the positive-class probability column (e.g. `_out.probabilities.1`) for roc_auc, log_loss, brier.',
  },
  task: taskOption,
} as const satisfies Record<string, OptionDef>;

export const driftSpec = defineCommand({
  name: 'drift',
  summary:
    'Compare current data with a reference (data or profile): per-column drift tests and a verdict',
  description:
    "Compare production data with the model's reference profile (or reference data), column by column with tests chosen by type and size (Evidently's defaults, values matching scipy), check model performance on labelled rows against the reference (evaluate's metrics), write a report (Markdown and JSON files, trend over earlier checks; the job summary in an action), and with `retrain` keep one retraining pull request per model up to date: opened or updated when drift is found, commented when it is gone.",
  usage: [
    'drift --reference ref.csv --current cur.csv [--json]',
    'drift --model churn [--reference-version #production] --current log.jsonl --retrain',
  ],
  notes: ['Exit code 0 whether or not drift was found; 1 on an error.'],
  options: {
    current: {
      type: 'string',
      placeholder: 'file',
      required: true,
      description: "Current data (CSV, TSV, JSONL such as serve's prediction log, or Parquet).",
    },
    reference: {
      type: 'string',
      placeholder: 'file',
      description:
        "Reference data or profile JSON (`modelci profile`). Default, the registry's stored profile of the version named by `reference-version`.",
    },
    contract: {
      type: 'string',
      placeholder: 'file',
      description:
        "Data contract the current data is checked against beside drift: a column missing or of another type is a schema break, reported as such and not tested for drift, and the retraining pull request says so. Default, the model's contract (`models.<model>.contract`, else `<registry>/<model>/contract.yaml`) when it exists; `none` skips it.",
    },
    'reference-version': {
      type: 'string',
      placeholder: 'ref',
      default: '#production',
      description:
        'Registry version whose profile is the reference when `reference` is not given (X.Y.Z, `#production`, `latest`).',
    },
    model: modelNameOption,
    registry: registryOption,
    ...performanceOptions,
    // A string, checked with the config's `drift.test` by the drift command (one message for both).
    test: {
      type: 'string',
      placeholder: 'test',
      description: `Force one test on every column it applies to: ${DRIFT_TESTS.slice(0, -1).join(', ')} or ${DRIFT_TESTS.at(-1)}. Default, chosen per column.`,
    },
    config: configOption,
    history: {
      type: 'string',
      placeholder: 'file',
      description:
        'JSON file of earlier results (what --json writes, one or a list): drawn as a trend, and this result appended.',
    },
    'report-dir': {
      type: 'string',
      placeholder: 'dir',
      actionDefault: 'modelci-drift',
      description: 'Write drift-report.md and drift-report.json into this folder.',
    },
    markdown: {
      type: 'string',
      placeholder: 'file',
      description:
        'Write the Markdown report to this file (default, `<report-dir>/drift-report.md`).',
    },
    output: {
      type: 'string',
      placeholder: 'file',
      description:
        'Write the JSON result to this file (default, `<report-dir>/drift-report.json`).',
    },
    'upload-artifact': {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description:
        "Upload the report files (and history) as the run artifact `modelci-drift-<model>` (needs the runner's artifact service).",
    },
    retrain: {
      type: 'boolean',
      default: false,
      actionDefault: true,
      description:
        'Open or update the retraining pull request when drift is found, and comment on it when drift is gone (needs a token: the action input, GITHUB_TOKEN or GH_TOKEN).',
    },
    'retrain-workflow': {
      type: 'string',
      placeholder: 'file',
      description:
        'Workflow file (e.g. retrain.yml) started by workflow_dispatch on the retraining branch (needs `actions: write`). Default, `drift.retrain_workflow`. A pull request opened with GITHUB_TOKEN starts its pull_request workflows only after someone approves the run; a GitHub App installation token as `token` starts them at once.',
    },
    base: {
      type: 'string',
      placeholder: 'branch',
      description:
        "Base branch of the retraining pull request. Default, the repository's default branch.",
    },
    'data-window': {
      type: 'string',
      placeholder: 'text',
      description:
        'The period the current data covers (written to retrain.yaml), e.g. 2024-06-01..2024-06-07.',
    },
    json: jsonOption,
  },
  action: {
    folder: 'drift',
    outputs: {
      drifted: {
        description:
          "'true' when drift was found: the dataset verdict, or performance drift when labels were checked.",
      },
      'dataset-drifted': {
        description: "'true' when the share of drifted columns reached the threshold.",
      },
      'performance-drifted': {
        description: "'true' or 'false' when labelled rows were checked, else 'not-checked'.",
      },
      artifact: {
        description: 'Name of the uploaded artifact, when the artifact service was available.',
      },
      share: { description: 'Share of tested columns that drifted (0..1).' },
      report: { description: 'Path of the Markdown report.' },
      json: { description: 'Path of the JSON result.' },
      'data-checks': {
        description:
          "'passed' or 'failed' when the current data was checked against the data contract, else 'not-checked'.",
      },
      'schema-break': {
        description:
          'Columns of the current data that broke the contract (missing or of another type), comma separated; empty when none.',
      },
      'pull-request': {
        description:
          'Number of the retraining pull request (created, updated or commented), if any.',
      },
      retrain: {
        description:
          'What happened to the retraining pull request (created, updated, unchanged, commented, already-commented, none, skipped-empty, disabled).',
      },
    },
  },
});
