import { describe, expect, it } from 'vitest';
import { dvcMetrics, dvcParams, dvcPlan } from '../../../src/core/runs/import-dvc.js';
import { latestMetric, mlflowRunRecord } from '../../../src/core/runs/import-mlflow.js';
import { runRecordProblem } from '../../../src/core/runs/validate.js';
import { errorOf } from '../../harness/error-of.js';

describe('MLflow file store runs', () => {
  const meta = {
    artifact_uri: 'file:///home/a/mlruns/1/5f2c7a0e9b4d4c3f8a1b2c3d4e5f6a7b/artifacts',
    end_time: 1721450907230,
    entry_point_name: '',
    experiment_id: '1',
    lifecycle_stage: 'active',
    run_id: '5f2c7a0e9b4d4c3f8a1b2c3d4e5f6a7b',
    run_name: 'wistful-ant-659',
    run_uuid: '5f2c7a0e9b4d4c3f8a1b2c3d4e5f6a7b',
    source_name: '',
    source_type: 4,
    source_version: '',
    start_time: 1721450900221,
    status: 3,
    tags: [],
    user_id: 'alice',
  };

  it('a metric is the value at the highest step, the latest logged there (as MLflow shows it)', () => {
    expect(
      latestMetric('1700000000000 0.5 0\n1700000000100 0.7 2\n1700000000050 0.6 1\n', 'f'),
    ).toBe(0.7);
    expect(latestMetric('1700000000000 0.5 3\n1700000000100 0.8 3\n', 'f')).toBe(0.8);
    // Files written before steps existed: "<timestamp> <value>".
    expect(latestMetric('1700000000000 0.25\n', 'f')).toBe(0.25);
    expect(
      errorOf(() => latestMetric('1700000000000 0.5 0\nnot a line\n', 'metrics/auc')).message,
    ).toBe('line 2 is not "<timestamp> <value> <step>"');
  });

  it('params, metrics, tags, times, status and the code commit become a run record', () => {
    const r = mlflowRunRecord(
      {
        meta,
        params: { C: '0.5', 'optimizer/lr': '0.01', seed: '7' },
        metrics: {
          auc: '1721450901000 0.91 0\n1721450905000 0.93 1\n',
          'val/loss': '1721450905000 0.2 1\n',
        },
        tags: {
          'mlflow.source.git.commit': 'a'.repeat(40),
          'mlflow.source.name': 'train.py',
          'mlflow.note.content': 'first try',
          'mlflow.user': 'alice',
          team: 'search',
        },
      },
      { model: 'churn', random: 'abc123', folder: 'mlruns/1/5f2c' },
    );
    expect(runRecordProblem(r)).toBeUndefined();
    expect(r).toMatchObject({
      id: '20240720-044820-abc123',
      model_name: 'churn',
      status: 'succeeded',
      trainer: 'mlflow',
      command: 'train.py',
      seed: 7,
      params: { C: '0.5', 'optimizer/lr': '0.01', seed: '7' },
      metrics: { auc: 0.93, 'val/loss': 0.2 },
      started_at: '2024-07-20T04:48:20.221Z',
      finished_at: '2024-07-20T04:48:27.230Z',
      duration_ms: 7009,
      code: { commit: 'a'.repeat(40) },
      imported: {
        from: 'mlflow',
        id: meta.run_id,
        name: 'wistful-ant-659',
        experiment: '1',
        user: 'alice',
        tags: { team: 'search' },
      },
      tags: ['mlflow'],
      note: 'first try',
    });
  });

  it('a failed or killed run is recorded as failed; a running one is refused', () => {
    const files = { meta: { ...meta, status: 4 }, params: {}, metrics: {}, tags: {} };
    const o = { model: 'churn', random: 'abc123', folder: 'run' };
    expect(mlflowRunRecord(files, o)).toMatchObject({
      status: 'failed',
      failure: 'MLflow run status 4',
    });
    expect(mlflowRunRecord({ ...files, meta: { ...meta, status: 'KILLED' } }, o).status).toBe(
      'failed',
    );
    const e = errorOf(() => mlflowRunRecord({ ...files, meta: { ...meta, status: 1 } }, o));
    expect(e.message).toBe(`MLflow run ${meta.run_id} has not finished`);
    expect(
      errorOf(() => mlflowRunRecord({ ...files, meta: { ...meta, status: 9 } }, o)).message,
    ).toBe('status 9 is not an MLflow run status');
  });
});

describe('DVC params and metrics', () => {
  const dvcYaml = {
    stages: {
      prepare: {
        cmd: 'python prepare.py',
        deps: ['data/raw.csv'],
        params: ['prepare.split'],
        outs: ['data/prepared'],
      },
      train: {
        cmd: 'python train.py',
        deps: ['data/prepared', 'train.py'],
        params: ['train.C', 'train.max_iter', { 'extra.yaml': ['arch.layers'] }],
        outs: ['model.onnx'],
        metrics: [{ 'metrics.json': { cache: false } }],
      },
    },
  };
  const files = new Map<string, unknown>([
    ['params.yaml', { prepare: { split: 0.2 }, train: { C: 1, max_iter: 100, unused: true } }],
    ['extra.yaml', { arch: { layers: [8, 4] } }],
  ]);

  it('the stage with metrics: its params (nested as in the files), metrics and command', () => {
    const plan = dvcPlan(dvcYaml, undefined);
    expect(plan).toEqual({
      stage: 'train',
      command: 'python train.py',
      params: [
        { file: 'params.yaml', keys: ['train.C'] },
        { file: 'params.yaml', keys: ['train.max_iter'] },
        { file: 'extra.yaml', keys: ['arch.layers'] },
      ],
      metrics: ['metrics.json'],
    });
    expect(dvcParams(plan, files)).toEqual({
      train: { C: 1, max_iter: 100 },
      arch: { layers: [8, 4] },
    });
    expect(
      dvcMetrics(plan, new Map([['metrics.json', { accuracy: 0.9, per_class: { a: 0.8 } }]])),
    ).toEqual({
      accuracy: 0.9,
      per_class: { a: 0.8 },
    });
  });

  it('a named stage; top-level params files; no dvc.yaml reads all of params.yaml', () => {
    expect(dvcParams(dvcPlan(dvcYaml, 'prepare'), files)).toEqual({ prepare: { split: 0.2 } });
    const top = dvcPlan({ params: ['extra.yaml'], metrics: ['m.json'], stages: {} }, undefined);
    expect(top).toEqual({ params: [{ file: 'extra.yaml', keys: 'all' }], metrics: ['m.json'] });
    expect(dvcParams(dvcPlan(undefined, undefined), files)).toEqual(files.get('params.yaml'));
  });

  it('bad input names the file and the key', () => {
    const e = errorOf(() => dvcPlan(dvcYaml, 'evaluate'));
    expect(e.message).toBe('dvc.yaml has no stage "evaluate"');
    expect(e.hint).toBe('Stages: prepare, train');
    const missing = errorOf(() =>
      dvcParams({ params: [{ file: 'params.yaml', keys: ['train.lr'] }], metrics: [] }, files),
    );
    expect(missing.message).toBe('dvc.yaml names param "train.lr", which params.yaml lacks');
    expect(
      errorOf(() => dvcParams({ params: [{ file: 'gone.yaml', keys: 'all' }], metrics: [] }, files))
        .message,
    ).toBe('params file gone.yaml is not there');
  });
});
