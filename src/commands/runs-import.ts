import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { dvcMetrics, dvcParams, dvcPlan } from '../core/runs/import-dvc.js';
import { mlflowRunRecord, type MlflowRunFiles } from '../core/runs/import-mlflow.js';
import { checkSerialisable, RUN_SCHEMA, runId, type RunRecord } from '../core/runs/record.js';
import { runRef } from '../core/runs/refs.js';
import { readStructuredFile } from '../data/structured-file.js';
import { Git } from '../git/git.js';
import type { RunStore } from '../git/run-refs.js';
import type { RunEnvironment } from '../github/run-environment.js';
import { recordRun } from './record-run.js';

export type ImportFormat = 'dvc' | 'mlflow';

export interface RunsImportOptions {
  /** A DVC project folder (or its dvc.yaml / params.yaml), or an MLflow run or experiment folder. */
  path: string;
  model: string;
  format?: ImportFormat;
  /** DVC: the stage whose params, metrics and command are read. */
  stage?: string;
  push: boolean;
  remote: string;
  env: RunEnvironment;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface ImportedRun {
  id: string;
  from: ImportFormat;
  /** The folder or file it was read from. */
  source: string;
  /** `imported`, or `existing` when the same run was imported before (its ref is there). */
  status: 'imported' | 'existing';
  ref: string;
  pushed: boolean;
}

/** Which tool wrote `path`: an MLflow run (meta.yaml) or experiment, else a DVC project. */
function detect(path: string): ImportFormat {
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'meta.yaml'))) return 'mlflow';
    if (mlflowRunFolders(path).length) return 'mlflow';
  }
  return 'dvc';
}

/** An MLflow run folder, or the run folders of an experiment folder. */
function mlflowRunFolders(path: string): string[] {
  // An experiment folder has a meta.yaml too, but no params, metrics or tags of its own.
  const isRun = (d: string) =>
    existsSync(join(d, 'meta.yaml')) &&
    ['params', 'metrics', 'tags'].some((k) => existsSync(join(d, k)));
  if (isRun(path)) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isRun(join(path, d.name)))
    .map((d) => join(path, d.name))
    .sort();
}

/** Every file under `dir` as `relative/key` → text (MLflow keeps `a/b` keys in sub-folders). */
function keyFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (at: string) => {
    for (const d of readdirSync(at, { withFileTypes: true })) {
      const p = join(at, d.name);
      if (d.isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function sha6(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

function readMlflowRun(folder: string, model: string): RunRecord {
  const meta = readStructuredFile(join(folder, 'meta.yaml'));
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
    throw new ModelciError('DATA', 'meta.yaml is not a mapping', {
      file: join(folder, 'meta.yaml'),
    });
  const files: MlflowRunFiles = {
    meta: meta as Record<string, unknown>,
    params: keyFiles(join(folder, 'params')),
    metrics: keyFiles(join(folder, 'metrics')),
    tags: keyFiles(join(folder, 'tags')),
  };
  const m = files.meta;
  // The same MLflow run always gets the same id: importing it again finds its ref.
  const random = sha6(String(m.run_id ?? m.run_uuid ?? basename(folder)));
  return mlflowRunRecord(files, { model, random, folder });
}

async function readDvcProject(o: RunsImportOptions): Promise<RunRecord> {
  const given = resolve(o.path);
  const dir = statSync(given).isDirectory() ? given : resolve(given, '..');
  const dvcFile = join(dir, 'dvc.yaml');
  const dvcYaml = existsSync(dvcFile) ? readStructuredFile(dvcFile) : undefined;
  if (dvcYaml === undefined && !existsSync(join(dir, 'params.yaml')))
    throw new ModelciError('INPUT', `${o.path} is neither a DVC project nor an MLflow run folder`, {
      hint: 'Give a folder with dvc.yaml or params.yaml, or mlruns/<experiment>/<run> (MLflow file store)',
    });
  const plan = dvcPlan(dvcYaml, o.stage, dvcFile);
  const read = (names: string[]) =>
    new Map(
      names
        .filter((f) => existsSync(join(dir, f)))
        .map((f) => [f, readStructuredFile(join(dir, f))] as const),
    );
  const params = dvcParams(plan, read([...new Set(plan.params.map((p) => p.file))]));
  const metricFiles = read(plan.metrics);
  for (const f of plan.metrics)
    if (!metricFiles.has(f)) o.warn(`metrics file ${f} (named in dvc.yaml) is not there`);
  const metrics = dvcMetrics(plan, metricFiles);
  checkSerialisable(params, 'params', dvcFile);
  checkSerialisable(metrics, 'metrics', dvcFile);
  // When the metrics were written is when the run finished; DVC keeps no start time.
  const times = [...metricFiles.keys(), ...plan.params.map((p) => p.file), 'dvc.yaml']
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => statSync(join(dir, f)).mtimeMs);
  const at = new Date(Math.floor(Math.max(...times)));
  const git = new Git(dir);
  const head = await git.revParse('HEAD').catch(() => undefined);
  const code: RunRecord['code'] = {};
  if (head) {
    const [dirty, branch] = await Promise.all([
      git.exec(['status', '--porcelain', '--untracked-files=no']),
      git.currentBranch(),
    ]);
    code.commit = head;
    code.dirty = dirty.code === 0 && dirty.stdout.trim() !== '';
    if (branch) code.branch = branch;
  }
  const content = JSON.stringify({ params, metrics, code, command: plan.command });
  return {
    schema: RUN_SCHEMA,
    id: runId(at, sha6(content)),
    model_name: o.model,
    status: 'succeeded',
    trainer: 'dvc',
    ...(plan.command ? { command: plan.command } : {}),
    params,
    started_at: at.toISOString(),
    finished_at: at.toISOString(),
    duration_ms: 0,
    data: {},
    ...(Object.keys(metrics).length ? { metrics } : {}),
    code,
    environment: {},
    imported: { from: 'dvc', path: dir, ...(plan.stage ? { stage: plan.stage } : {}) },
    tags: ['dvc'],
  };
}

/**
 * `runs import`: runs other tools recorded (a DVC project's params and metrics, MLflow file-store
 * runs) kept as modelci runs, one ref each; importing the same run again changes nothing.
 */
export async function importRuns(
  store: RunStore,
  o: RunsImportOptions,
): Promise<{ runs: ImportedRun[] }> {
  if (!existsSync(o.path))
    throw new ModelciError('INPUT', `${o.path} does not exist`, {
      hint: 'Give a DVC project folder or an MLflow run (or experiment) folder',
    });
  const format = o.format ?? detect(o.path);
  const records: { record: RunRecord; source: string }[] =
    format === 'mlflow'
      ? mlflowRunFolders(o.path).map((f) => ({ record: readMlflowRun(f, o.model), source: f }))
      : [{ record: await readDvcProject(o), source: o.path }];
  if (!records.length)
    throw new ModelciError('INPUT', `no MLflow runs in ${o.path}`, {
      hint: 'Give mlruns/<experiment>/<run> or mlruns/<experiment> (MLflow file store)',
    });
  const runs: ImportedRun[] = [];
  for (const { record, source } of records) {
    const ref = runRef(record.model_name, record.id);
    if (await store.read(ref)) {
      runs.push({ id: record.id, from: format, source, status: 'existing', ref, pushed: false });
      continue;
    }
    const kept = await recordRun(record, {
      store,
      push: o.push,
      remote: o.remote,
      env: o.env,
      log: o.log,
      warn: o.warn,
    });
    runs.push({
      id: record.id,
      from: format,
      source,
      status: 'imported',
      ref,
      pushed: kept.pushed,
    });
  }
  return { runs };
}
