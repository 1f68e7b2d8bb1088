import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describeError } from '../core/errors.js';
import { HISTORY_FORMAT, parseHistory, type HistoryEntry } from '../core/registry/trailers.js';
import type { ModelRecord, StagePointer, VersionRecord } from '../core/registry/records.js';
import { Git } from '../git/git.js';
import type { RunRecord } from '../core/runs/record.js';
import { runRef } from '../core/runs/refs.js';
import { runStoreAt } from './record-run.js';
import { layout } from '../registry/layout.js';
import {
  openRegistry,
  parseModelRef,
  type ModelSummary,
  type RegistryOptions,
} from '../registry/registry.js';

export interface RegistryListResult {
  registry: string;
  models: ModelSummary[];
}

/** Every model with its version numbers and stage pointers (no version record is parsed). */
export function runRegistryList(dir: string): RegistryListResult {
  const reg = openRegistry(dir);
  return { registry: dir, models: reg.listModels().map((m) => reg.summary(m)) };
}

export interface RegistryShowResult {
  model: ModelRecord | undefined;
  version: VersionRecord;
  /** Stages that currently hold this version. */
  stages: string[];
}

/** One version by reference: `churn`, `churn@1.2.0`, `churn#production`. */
export function runRegistryShow(dir: string, refText: string): RegistryShowResult {
  const reg = openRegistry(dir);
  const { model, ref } = parseModelRef(refText);
  const version = reg.resolve(model, ref);
  const stages = Object.entries(reg.listStages(model))
    .filter(([, p]) => p.version === version.version)
    .map(([s]) => s);
  return { model: reg.getModel(model), version, stages };
}

/** The training run a version names (`lineage.run`), as `registry show` prints it. */
export interface VersionRun {
  id: string;
  /** Where the run is kept; absent when it is not here (`modelci runs fetch` brings it). */
  ref?: string;
  run_url?: string;
  status?: RunRecord['status'];
  trainer?: string;
  command?: string;
  seed?: number;
  params?: Record<string, unknown>;
  data?: RunRecord['data'];
  code?: RunRecord['code'];
  /** Why the record could not be shown. */
  missing?: string;
}

/**
 * Which run, which data, which params: the run a version's lineage names, read from the runs kept
 * in the registry's git repository. A run that is not here is named, with what to do.
 */
export async function versionRun(
  dir: string,
  version: VersionRecord,
  env?: NodeJS.ProcessEnv,
): Promise<VersionRun | undefined> {
  const id = version.lineage.run;
  if (!id) return undefined;
  const store = await runStoreAt(dir, env);
  const found = store ? await store.read(runRef(version.model, id)) : undefined;
  if (!found || !('record' in found))
    return {
      id,
      missing: found
        ? found.problem
        : 'not among the runs here: `modelci runs fetch` brings them from origin',
    };
  const r = found.record;
  return {
    id,
    ref: found.ref,
    ...(r.ci?.run_url ? { run_url: r.ci.run_url } : {}),
    status: r.status,
    trainer: r.trainer,
    ...(r.command ? { command: r.command } : {}),
    seed: r.seed,
    params: r.params,
    data: r.data,
    code: r.code,
  };
}

/** The audit trail of one model (or all) from commit trailers, newest first. */
export async function runRegistryHistory(
  dir: string,
  model?: string,
  env?: NodeJS.ProcessEnv,
): Promise<HistoryEntry[]> {
  const reg = openRegistry(dir);
  const git = new Git(reg.dir, env);
  const root = await git.topLevel();
  const path = relative(root, model ? layout.modelDir(reg.dir, model) : reg.dir) || '.';
  const text = await new Git(root, env).log([`--format=${HISTORY_FORMAT}`, '--', path]);
  return parseHistory(text, model);
}

export interface VerifyProblem {
  file: string;
  message: string;
}

export interface RegistryVerifyResult {
  models: number;
  versions: number;
  artifacts: number;
  problems: VerifyProblem[];
}

/** Checks every record against its schema, every pointer's target, every artifact's sha256. */
export async function runRegistryVerify(
  dir: string,
  opts: RegistryOptions = {},
): Promise<RegistryVerifyResult> {
  const reg = openRegistry(dir, opts);
  const out: RegistryVerifyResult = { models: 0, versions: 0, artifacts: 0, problems: [] };
  const problem = (file: string, e: unknown) =>
    out.problems.push({ file: relative(process.cwd(), file) || file, message: describeError(e) });
  for (const name of reg.listModels()) {
    out.models++;
    try {
      reg.getModel(name);
    } catch (e) {
      problem(`${reg.dir}/${name}/model.yaml`, e);
    }
    const versions = reg.listVersions(name);
    for (const v of versions) {
      out.versions++;
      const file = reg.versionFile(name, v);
      let rec: VersionRecord;
      try {
        rec = reg.getVersion(name, v);
      } catch (e) {
        problem(file, e);
        continue;
      }
      try {
        await reg.readArtifact(rec);
        out.artifacts++;
      } catch (e) {
        problem(file, e);
      }
    }
    for (const stage of reg.listStageNames(name)) {
      let p: StagePointer | undefined;
      try {
        p = reg.getStage(name, stage);
      } catch (e) {
        problem(`${reg.dir}/${name}/stages/${stage}.yaml`, e);
        continue;
      }
      if (p && !existsSync(reg.versionFile(name, p.version)))
        problem(
          `${reg.dir}/${name}/stages/${stage}.yaml`,
          `stage ${stage} points at ${p.version}, which is not registered`,
        );
    }
  }
  return out;
}
