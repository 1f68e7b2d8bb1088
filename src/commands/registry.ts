import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeError } from '../core/errors.js';
import { HISTORY_FORMAT, parseHistory, type HistoryEntry } from '../core/registry/trailers.js';
import type { ModelRecord, VersionRecord } from '../core/registry/records.js';
import { Git } from '../git/git.js';
import type { RunRecord } from '../core/runs/record.js';
import { runRef } from '../core/runs/refs.js';
import { runStoreAt } from './record-run.js';
import { layout } from '../registry/layout.js';
import {
  modelProblems,
  strayTopLevel,
  warnProblems,
  type RegistryProblem,
} from '../registry/problems.js';
import { sha256File } from '../store/artifact-store.js';
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

/**
 * Every model with its version numbers and stage pointers; `log` gets a warning for each broken
 * record or stray file in a model (the summary itself reads only file names and pointers).
 */
export function runRegistryList(dir: string, log?: (msg: string) => void): RegistryListResult {
  const reg = openRegistry(dir);
  const models = reg.listModels();
  for (const m of models) warnProblems(reg, m, log, dir);
  return { registry: dir, models: models.map((m) => reg.summary(m)) };
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

export type VerifyProblem = RegistryProblem;

export interface RegistryVerifyResult {
  models: number;
  versions: number;
  artifacts: number;
  problems: VerifyProblem[];
}

/**
 * Finds every problem in the registry folder: records that do not parse or do not match their file
 * names, stray or misnamed files, stage pointers at missing or deprecated versions, dangling
 * `previous` and history, unreferenced profiles, smoke samples and artifacts, artifacts whose
 * sha256 does not match, and changes not committed to git. `stages`: registry.stages, when known.
 */
export async function runRegistryVerify(
  dir: string,
  opts: RegistryOptions & { stages?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<RegistryVerifyResult> {
  const reg = openRegistry(dir, opts);
  const out: RegistryVerifyResult = { models: 0, versions: 0, artifacts: 0, problems: [] };
  const shown = (file: string) => relative(process.cwd(), file) || file;
  const add = (p: RegistryProblem) => out.problems.push({ ...p, file: shown(p.file) });
  strayTopLevel(reg).forEach(add);
  for (const name of reg.listModels()) {
    out.models++;
    modelProblems(reg, name, opts.stages).forEach(add);
    for (const v of reg.listVersions(name)) {
      out.versions++;
      let rec: VersionRecord;
      try {
        rec = reg.getVersion(name, v);
      } catch {
        continue; // reported by modelProblems
      }
      try {
        await reg.readArtifact(rec);
        out.artifacts++;
      } catch (e) {
        add({ file: reg.versionFile(name, v), message: describeError(e) });
      }
      const ref = rec.reference_profile;
      const profile = ref && join(layout.modelDir(reg.dir, name), ref.path);
      if (profile && existsSync(profile) && (await sha256File(profile)) !== ref.sha256)
        add({
          file: profile,
          message: `sha256 of the drift reference does not match ${name}@${v}'s reference_profile.sha256`,
        });
    }
  }
  for (const file of await uncommitted(reg.dir, opts.env))
    add({
      file,
      message:
        'not committed: registry changes are made by modelci commands, one commit each (commit it through them or restore it)',
    });
  return out;
}

/** Files under the registry folder that differ from the commit checked out (none outside git). */
async function uncommitted(dir: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const git = new Git(dir, env);
  let root: string;
  try {
    root = await git.topLevel();
  } catch {
    return [];
  }
  const out = await new Git(root, env).run([
    'status',
    '--porcelain',
    '-z',
    '--untracked-files=all',
    '--',
    relative(root, dir) || '.',
  ]);
  return out
    .split('\0')
    .filter((l) => /^.. /.test(l))
    .map((l) => join(root, l.slice(3)));
}
