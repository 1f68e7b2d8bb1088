import { defineCommand } from '../option-spec.js';
import {
  configOption,
  jsonOption,
  modelNameOption,
  repositoryOption,
  taskOption,
} from './common.js';

export const compareLiveSpec = defineCommand({
  name: 'compare-live',
  summary: 'Analyse an online experiment (canary, shadow) from the server’s prediction log',
  description:
    'Read `modelci serve`’s prediction log and report per arm (stable, canary, shadow): traffic share with a sample-ratio-mismatch test against the weights the requests were routed with, latency, a shadow’s agreement with stable on the same requests (label flips, probability differences), the canary’s prediction shift against stable and, with labels joined by request id, every metric of evaluate per arm with bootstrap intervals and the right test (paired for a shadow, two-sample for a canary). Writes JSON and Markdown (the job summary in an action) and can keep it as a sticky pull request comment.',
  usage: [
    'compare-live --log predictions.jsonl [--labels labels.csv --join id --label y] [--json]',
  ],
  notes: [
    'Labels join on the `id` clients send with each request; a request of several rows needs a row column (--join-row). Labels that match no request are counted and listed.',
    'The token for --comment comes from GITHUB_TOKEN (or GH_TOKEN); it is never taken on the command line.',
  ],
  options: {
    log: {
      type: 'list',
      placeholder: 'file.jsonl',
      required: true,
      description: 'Prediction log(s) of `modelci serve --log-predictions` (files or globs).',
    },
    model: {
      ...modelNameOption,
      description:
        'Model name: its rows in the log, and its task, primary metric and label from modelci.yaml. Default, the only model in the log.',
    },
    since: {
      type: 'string',
      placeholder: 'time',
      description:
        'Only requests logged at or after this time (ISO 8601, e.g. 2026-06-01T12:00:00Z): the window of one experiment.',
    },
    labels: {
      type: 'string',
      placeholder: 'file',
      description: 'True labels (CSV, TSV, JSONL or Parquet) with a request id column.',
    },
    join: {
      type: 'string',
      placeholder: 'column',
      default: 'id',
      description: 'The labels’ column holding the request id (the `id` of the inference request).',
    },
    'join-row': {
      type: 'string',
      placeholder: 'column',
      description:
        'The labels’ column holding the row of a request of several rows (0-based). Default, every label is for row 0.',
    },
    label: {
      type: 'string',
      placeholder: 'column',
      description: 'The labels’ label column. Default, `models.<name>.data.label`, else `label`.',
    },
    prediction: {
      type: 'string',
      placeholder: 'column',
      description:
        'The log’s predicted label (or value) column. Default, `_out.label`, else the only one-value output.',
    },
    probabilities: {
      type: 'list',
      placeholder: 'column',
      description:
        'The log’s class probability columns in class order. Default, `_out.probabilities.<j>`.',
    },
    task: taskOption,
    'canary-weight': {
      type: 'number',
      min: 0,
      max: 1,
      description:
        'The canary share to test the split against. Default, the weight each request was routed with (the log’s `_weight`).',
    },
    resamples: {
      type: 'integer',
      min: 0,
      description: "Bootstrap resamples for the intervals. Default, the config's, else 1000.",
    },
    confidence: {
      type: 'number',
      min: 0.5,
      max: 0.999999,
      description:
        "Interval level; α = 1 − confidence for every test and verdict (lower α for repeated looks). Default, the config's, else 0.95.",
    },
    seed: {
      type: 'integer',
      min: 0,
      description: "Bootstrap seed. Default, the config's, else 42.",
    },
    report: {
      type: 'string',
      placeholder: 'file',
      actionDefault: 'modelci-live.json',
      description: 'Write the JSON report (`modelci/live-comparison@1`) to this file.',
    },
    markdown: {
      type: 'string',
      placeholder: 'file',
      description: 'Write the Markdown report to this file.',
    },
    comment: {
      type: 'boolean',
      description:
        'Keep the report as a sticky comment on the pull request (`pr`, else the run’s; needs `pull-requests: write`).',
    },
    pr: {
      type: 'integer',
      min: 1,
      valueName: 'a pull request number',
      description:
        'With `comment`: the pull request. Default, the event’s, else the open pull request of the head commit.',
    },
    repository: repositoryOption,
    config: configOption,
    json: jsonOption,
  },
  action: {
    folder: 'compare-live',
    branding: { icon: 'git-pull-request', color: 'purple' },
    outputs: {
      report: { description: 'Path of the JSON report, when written.' },
      'canary-verdict': {
        description:
          'better, worse or unchanged: the canary’s primary metric against stable (empty without a canary or labels).',
      },
      'shadow-verdict': {
        description:
          'better, worse or unchanged: the shadow against stable on the same requests (empty without labels).',
      },
      'sample-ratio-mismatch': {
        description: "'true' when the canary’s share differs from its weight (p < 0.001).",
      },
      'shadow-agreement': {
        description: 'Share of rows where the shadow predicted stable’s label.',
      },
      'comment-url': { description: 'URL of the sticky comment, when `comment` posted one.' },
    },
  },
});
