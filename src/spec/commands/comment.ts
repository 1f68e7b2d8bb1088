import { defineCommand } from '../option-spec.js';
import { configOption, modelNameOption, repositoryOption } from './common.js';

export const commentSpec = defineCommand({
  name: 'comment',
  summary: 'Render (and post) the metric comparison comment for a pull request',
  description:
    'One sticky pull request comment per model that compares base and head metrics (or renders an evaluation report), updated in place on every run. Without a pull request (or a token) the Markdown is printed (CLI) or written to the job summary (action).',
  usage: [
    'comment --base main.json --head pr.json [--pr 12]',
    'comment --report modelci-evaluation.json --pr 12',
  ],
  options: {
    base: {
      type: 'list',
      placeholder: 'path',
      description: 'Base metrics (e.g. from main): JSON or YAML files, globs or directories.',
    },
    head: {
      type: 'list',
      placeholder: 'path',
      description: 'Head metrics (this pull request): JSON or YAML files, globs or directories.',
    },
    report: {
      type: 'string',
      placeholder: 'file',
      description:
        'An evaluation report JSON (`modelci evaluate`), instead of or as well as base/head.',
    },
    history: {
      type: 'string',
      placeholder: 'file',
      description:
        "A YAML/JSON list of {commit|label, metrics}: charts one metric's history (comment.chart_metric, else the primary metric).",
    },
    run: {
      type: 'string',
      placeholder: 'run|run.json',
      description:
        "This pull request's training run (the run.json `train` wrote, or a run id): the comment gains a \"what changed\" section (params, data fingerprints, training code, metrics with verdicts) against the base branch's latest run, and, without `history`, charts the metric over the base branch's runs.",
    },
    'base-run': {
      type: 'string',
      placeholder: 'run',
      description:
        "The run to compare `run` with. Default, the newest succeeded run of the model trained on the pull request's base branch.",
    },
    'fetch-runs': {
      type: 'boolean',
      negatable: true,
      description:
        "With `run`: fetch the model's runs from `origin` first (a checkout fetches branches only, not refs/modelci/runs/*). Default, on a runner.",
    },
    model: modelNameOption,
    pr: {
      type: 'integer',
      min: 1,
      valueName: 'a pull request number',
      description:
        "Pull request number. Default, the event's (pull_request, workflow_run, issue_comment), else the open pull request of the head commit. Set it under workflow_run for pull requests from forks.",
    },
    repository: { ...repositoryOption, deprecated: { cli: ['repo'] } },
    workflow: {
      type: 'string',
      placeholder: 'name',
      description:
        "Workflow name in the hidden marker that finds the comment again. Default, the run's workflow (GITHUB_WORKFLOW), else `modelci`.",
    },
    'check-run': {
      type: 'boolean',
      description:
        "With `report`: also write a check run `modelci/<model>` with the report's gate verdict on the commit under review (the pull request head, under workflow_run too; needs `checks: write`).",
    },
    config: configOption,
  },
  notes: [
    'The token comes from GITHUB_TOKEN (or GH_TOKEN); it is never taken on the command line.',
  ],
  action: {
    folder: 'comment',
    branding: { icon: 'message-square', color: 'purple' },
    outputs: {
      'comment-id': {
        description: 'Id of the sticky comment (empty when no pull request was found).',
      },
      'comment-url': {
        description: 'URL of the sticky comment (empty when no pull request was found).',
      },
      regressions: { description: 'How many metrics got significantly worse.' },
      'check-run-id': { description: 'Id of the check run written, when `check-run` was set.' },
    },
  },
});
