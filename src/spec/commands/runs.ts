import { defineCommand } from '../option-spec.js';
import { configOption, jsonOption, registryOption, remoteOption } from './common.js';

export const runsSpec = defineCommand({
  name: 'runs',
  summary: 'Training runs kept in git: list, show, compare, tag, gc, fetch, import',
  description:
    "Read and manage the training runs `modelci train` keeps in git (refs/modelci/runs/<model>/<id>): `list` them with filters and a metric sort, `show` one, `compare` two or more side by side (params, data, code, metrics with deltas and which differences are significant), `tag` one, `gc` old ones (runs a registered version or a tag references are kept), `fetch` the remote's, `import` what DVC (params.yaml, dvc.yaml, metrics files) or MLflow (a file-store run or experiment folder) recorded. A run is named by its id, a unique prefix of it, its 6-hex suffix, `<model>/<id>`, or `latest` (after the filters).",
  usage: [
    'runs list --model churn --branch main --where "accuracy>=0.9" --sort roc_auc',
    'runs show latest --branch main',
    'runs compare 20260102-030405-a1b2c3 b4c5d6 latest',
    'runs tag a1b2c3 baseline [--remove] [--note "text"] [--push]',
    'runs gc --keep-last 20 --older-than 30d [--dry-run] [--push]',
    'runs fetch [--remote origin]',
    'runs import dvc-project/ --model churn [--push]',
    'runs import mlruns/1/ --model churn',
  ],
  positionals: [
    {
      name: 'subcommand',
      description: 'list, show, compare, tag, gc, fetch or import.',
      required: true,
    },
    {
      name: 'args',
      description:
        'show: a run; compare: two or more runs; tag: a run, then tags; import: a DVC project or an MLflow run or experiment folder.',
      variadic: true,
    },
  ],
  options: {
    model: {
      type: 'string',
      placeholder: 'name',
      description: 'Only runs of this model.',
    },
    branch: {
      type: 'string',
      placeholder: 'name',
      description: 'Only runs trained on this branch.',
    },
    commit: {
      type: 'string',
      placeholder: 'sha',
      description: 'Only runs of this code commit (a prefix; the commit under review counts too).',
    },
    tag: {
      type: 'list',
      placeholder: 'tag',
      description: 'Only runs carrying every one of these tags.',
    },
    status: {
      type: 'enum',
      values: ['succeeded', 'failed'],
      description: 'Only runs that succeeded, or failed.',
    },
    since: {
      type: 'string',
      placeholder: 'when',
      description:
        'Only runs started at or after: an ISO date or time, or an age (`7d`, `12h`, `2w`).',
    },
    until: {
      type: 'string',
      placeholder: 'when',
      description: 'Only runs started before: an ISO date or time, or an age.',
    },
    where: {
      type: 'list',
      placeholder: 'metric<op>value',
      description:
        'Metric thresholds every run must meet, e.g. `accuracy>=0.9` (>= <= > < = !=). A bare name reads the evaluation metric, else the training one; `eval.x` / `train.x` pick one.',
    },
    sort: {
      type: 'string',
      placeholder: 'metric[:asc|:desc]',
      description:
        'Sort by a metric, best first by its direction (`metrics.directions`, else known names), or as given. Default, newest first.',
    },
    limit: {
      type: 'integer',
      min: 1,
      description:
        'list: at most this many runs. Default, the table shows the first 50 (a footer says how many matched); --json and --output list every match.',
    },
    all: { type: 'boolean', description: 'list: the table shows every matching run.' },
    metric: {
      type: 'list',
      placeholder: 'name',
      description:
        "list: metric columns. Default, the sort and `where` metrics, else the models' primary metrics.",
    },
    remove: { type: 'boolean', description: 'tag: remove the tags instead of adding them.' },
    note: { type: 'string', placeholder: 'text', description: "tag: set the run's note." },
    'keep-last': {
      type: 'integer',
      min: 0,
      default: 20,
      description: 'gc: keep the newest runs of each model.',
    },
    'older-than': {
      type: 'string',
      placeholder: 'age',
      default: '30d',
      description: 'gc: only remove runs started before this age (`30d`) or date.',
    },
    'dry-run': { type: 'boolean', description: 'gc: say what would be removed, remove nothing.' },
    push: {
      type: 'boolean',
      description:
        'tag, gc, import: also change the runs on `remote` (needs `contents: write`); tag retries when someone else changed the run first.',
    },
    remote: { ...remoteOption, description: 'Git remote runs are fetched from and pushed to.' },
    output: {
      type: 'string',
      placeholder: 'file',
      description: 'list: also write the JSON (what --json prints) to this file.',
    },
    full: {
      type: 'boolean',
      description:
        "list: with --json or --output, each run's whole record (params, data, environment, evaluation intervals) instead of its summary; reads every listed run's commit, so slower on thousands of runs.",
    },
    from: {
      type: 'enum',
      values: ['dvc', 'mlflow'],
      description:
        'import: what wrote the folder. Default, MLflow when it holds meta.yaml (a run) or run folders (an experiment), else DVC.',
    },
    stage: {
      type: 'string',
      placeholder: 'name',
      description:
        'import: the DVC stage whose params, metrics and command are read. Default, the only stage, else those declaring metrics.',
    },
    registry: {
      ...registryOption,
      description:
        'gc: the registry folder whose versions name runs to keep. Default, `registry.path` from the config (`registry`).',
    },
    config: configOption,
    json: jsonOption,
  },
});
