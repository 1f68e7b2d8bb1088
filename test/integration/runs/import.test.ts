// `modelci runs import`: what DVC and MLflow users already have, kept as modelci runs, on real git
// with the bundled CLI. The MLflow folders are laid out as MLflow's file store writes them
// (mlruns/<experiment>/<run>/meta.yaml, params/, metrics/ with "<timestamp> <value> <step>" lines,
// tags/); the DVC project as `dvc stage add` and `dvc exp run` leave it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, modelci, project, runRefs } from './project.js';

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** One MLflow run folder as the file store writes it. */
function mlflowRun(
  experiment: string,
  runId: string,
  o: { start: number; status: number; params: Record<string, string>; auc: [number, number][] },
): void {
  const dir = join(experiment, runId);
  write(
    join(dir, 'meta.yaml'),
    [
      `artifact_uri: file://${dir}/artifacts`,
      `end_time: ${o.start + 65_000}`,
      "entry_point_name: ''",
      "experiment_id: '1'",
      'lifecycle_stage: active',
      `run_id: ${runId}`,
      'run_name: bright-owl-42',
      `run_uuid: ${runId}`,
      "source_name: ''",
      'source_type: 4',
      "source_version: ''",
      `start_time: ${o.start}`,
      `status: ${o.status}`,
      'tags: []',
      'user_id: alice',
      '',
    ].join('\n'),
  );
  for (const [k, v] of Object.entries(o.params)) write(join(dir, 'params', k), v);
  write(
    join(dir, 'metrics', 'auc'),
    o.auc.map(([v, step], i) => `${o.start + 1000 * (i + 1)} ${v} ${step}\n`).join(''),
  );
  write(join(dir, 'tags', 'mlflow.source.name'), 'train.py');
  write(join(dir, 'tags', 'mlflow.runName'), 'bright-owl-42');
}

let repo: string;
let origin: string;

beforeAll(() => {
  ({ origin, repo } = project());
});

describe('runs import', () => {
  it("a DVC project: the train stage's params and metrics, its command, the commit; again, nothing changes", async () => {
    const dvc = join(repo, 'dvc-project');
    write(
      join(dvc, 'dvc.yaml'),
      [
        'stages:',
        '  train:',
        '    cmd: python train.py',
        '    deps: [data/train.csv, train.py]',
        '    params: [train.C, train.max_iter]',
        '    outs: [model.onnx]',
        '    metrics:',
        '    - metrics.json:',
        '        cache: false',
        '',
      ].join('\n'),
    );
    write(join(dvc, 'params.yaml'), 'train:\n  C: 0.5\n  max_iter: 200\n  unused: 1\n');
    write(join(dvc, 'metrics.json'), '{"accuracy": 0.93, "roc_auc": 0.97}\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'DVC project');
    const r = await modelci(repo, ['runs', 'import', 'dvc-project', '--model', 'churn', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^recorded run \S+ as refs\/modelci\/runs\/churn\/\S+\n$/);
    const out = JSON.parse(r.stdout) as { runs: { id: string; status: string; ref: string }[] };
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0]!.status).toBe('imported');
    const record = JSON.parse(git(repo, 'show', `${out.runs[0]!.ref}:run.json`));
    expect(record).toMatchObject({
      model_name: 'churn',
      status: 'succeeded',
      trainer: 'dvc',
      command: 'python train.py',
      params: { train: { C: 0.5, max_iter: 200 } },
      metrics: { accuracy: 0.93, roc_auc: 0.97 },
      code: { commit: git(repo, 'rev-parse', 'HEAD').trim(), dirty: false, branch: 'main' },
      imported: { from: 'dvc', stage: 'train' },
      tags: ['dvc'],
    });
    const again = await modelci(repo, ['runs', 'import', 'dvc-project', '--model', 'churn']);
    expect(again.stdout).toBe(`${out.runs[0]!.id}: already imported (${out.runs[0]!.ref})\n`);
    // Read like any run: listed with its metric, sortable.
    const listed = await modelci(repo, [
      'runs',
      'list',
      '--where',
      'accuracy>0.9',
      '--metric',
      'accuracy',
    ]);
    expect(listed.stdout).toMatch(
      new RegExp(`^${out.runs[0]!.id} +churn +succeeded +main .* dvc +0\\.93$`, 'm'),
    );
  });

  it('an MLflow experiment folder: every run, as MLflow shows it; failed runs stay failed; --push shares them', async () => {
    const exp = join(repo, 'mlruns', '1');
    mlflowRun(exp, '5f2c7a0e9b4d4c3f8a1b2c3d4e5f6a7b', {
      start: Date.UTC(2026, 10, 1, 9, 0, 0),
      status: 3,
      params: { C: '1.0', max_iter: '100' },
      auc: [
        [0.9, 0],
        [0.95, 1],
        [0.94, 1],
      ],
    });
    mlflowRun(exp, '0a1b2c3d4e5f60718293a4b5c6d7e8f9', {
      start: Date.UTC(2026, 10, 2, 9, 0, 0),
      status: 4,
      params: { C: '0.1', max_iter: '100' },
      auc: [[0.8, 0]],
    });
    const r = await modelci(repo, [
      'runs',
      'import',
      'mlruns/1',
      '--model',
      'churn',
      '--push',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { runs: { id: string; ref: string; pushed: boolean }[] };
    expect(out.runs.map((x) => x.pushed)).toEqual([true, true]);
    const [failed, finished] = out.runs.map((x) =>
      JSON.parse(git(repo, 'show', `${x.ref}:run.json`)),
    );
    expect(finished).toMatchObject({
      id: expect.stringMatching(/^20261101-090000-[0-9a-f]{6}$/),
      status: 'succeeded',
      trainer: 'mlflow',
      command: 'train.py',
      params: { C: '1.0', max_iter: '100' },
      // The highest step's value, the latest logged there.
      metrics: { auc: 0.94 },
      duration_ms: 65_000,
      imported: {
        from: 'mlflow',
        id: '5f2c7a0e9b4d4c3f8a1b2c3d4e5f6a7b',
        name: 'bright-owl-42',
        experiment: '1',
      },
    });
    expect(failed).toMatchObject({ status: 'failed', params: { C: '0.1' } });
    for (const x of out.runs) expect(runRefs(origin).get(x.ref)).toBe(runRefs(repo).get(x.ref));
    const cmp = await modelci(repo, ['runs', 'compare', finished.id, failed.id, '--json']);
    expect(JSON.parse(cmp.stdout).params).toContainEqual({
      key: 'C',
      values: ['1.0', '0.1'],
      differs: true,
    });
  });

  it('bad input: one line naming the file; nothing is written', async () => {
    const before = runRefs(repo);
    const bad = join(repo, 'mlruns', '2', 'ffffffffffffffffffffffffffffffff');
    mlflowRun(join(repo, 'mlruns', '2'), 'ffffffffffffffffffffffffffffffff', {
      start: Date.UTC(2026, 10, 3),
      status: 3,
      params: {},
      auc: [[0.5, 0]],
    });
    write(join(bad, 'metrics', 'loss'), '1700000000000 0.3 0\ngarbage\n');
    const r = await modelci(repo, ['runs', 'import', bad, '--model', 'churn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `modelci runs: error: ${join(bad, 'metrics', 'loss')}: line 2 is not "<timestamp> <value> <step>". Give an MLflow file-store run folder (mlruns/<experiment>/<run>)\n`,
    );
    const none = await modelci(repo, ['runs', 'import', 'train.sh', '--model', 'churn']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/is neither a DVC project nor an MLflow run folder/);
    const noModel = await modelci(repo, ['runs', 'import', 'mlruns/1']);
    expect(noModel.code).toBe(2); // a usage error, as every command's
    expect(noModel.stderr).toMatch(/runs import needs --model/);
    expect(runRefs(repo)).toEqual(before);
  });
});
