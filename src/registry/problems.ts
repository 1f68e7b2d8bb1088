import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../core/errors.js';
import { checkVersion, isValidName, parseSemver } from '../core/registry/names.js';
import type { StagePointer, VersionRecord } from '../core/registry/records.js';
import { layout } from './layout.js';
import type { Registry } from './registry.js';

/** One thing wrong in the registry folder, by file. */
export interface RegistryProblem {
  file: string;
  message: string;
}

/** What a model folder may hold besides its records' folders (written by other commands). */
const MODEL_FILES = new Set(['model.yaml', 'retrain.yaml', 'drift-report.md', 'contract.yaml']);
const MODEL_DIRS = new Set(['versions', 'stages', 'profiles', 'smoke', 'artifacts']);

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A version file name is the canonical `X.Y.Z` (so `1.2.yaml` or `01.2.0.yaml` is stray). */
function versionOf(name: string, ext: string): string | undefined {
  if (!name.endsWith(ext)) return undefined;
  const v = name.slice(0, -ext.length);
  return parseSemver(v) && checkVersion(v) === v ? v : undefined;
}

/**
 * Everything wrong in one model's folder that shows without reading artifacts: records that do not
 * parse or do not match their file names, stray or misnamed files, stage pointers at missing or
 * deprecated versions, dangling `previous` and history, profiles and smoke samples of no version,
 * unreferenced artifacts. `stages`: the configured stage names, when known.
 */
export function modelProblems(reg: Registry, model: string, stages?: string[]): RegistryProblem[] {
  const out: RegistryProblem[] = [];
  const dir = layout.modelDir(reg.dir, model);
  const problem = (file: string, e: unknown) =>
    out.push({ file, message: typeof e === 'string' ? e : describeError(e) });
  const stray = (file: string, what: string) =>
    problem(file, `stray file: ${what}; the registry folder holds only the files modelci writes`);

  for (const name of entries(dir)) {
    const path = join(dir, name);
    if (isDir(path) ? !MODEL_DIRS.has(name) : !MODEL_FILES.has(name))
      stray(path, `${name} is not part of a model folder`);
  }
  if (!existsSync(layout.modelFile(reg.dir, model)))
    problem(layout.modelFile(reg.dir, model), 'missing model record (model.yaml)');
  else
    try {
      reg.getModel(model);
    } catch (e) {
      problem(layout.modelFile(reg.dir, model), e);
    }

  const versions = new Map<string, VersionRecord | undefined>();
  const versionsDir = layout.versionsDir(reg.dir, model);
  for (const name of entries(versionsDir)) {
    const v = versionOf(name, '.yaml');
    if (!v) {
      stray(join(versionsDir, name), `${name} is not named <X.Y.Z>.yaml`);
      continue;
    }
    try {
      versions.set(v, reg.getVersion(model, v));
    } catch (e) {
      versions.set(v, undefined);
      problem(join(versionsDir, name), e);
    }
  }

  const stagesDir = layout.stagesDir(reg.dir, model);
  for (const name of entries(stagesDir)) {
    const stage = name.endsWith('.yaml') ? name.slice(0, -5) : '';
    const file = join(stagesDir, name);
    if (!isValidName(stage)) {
      stray(file, `${name} is not named <stage>.yaml`);
      continue;
    }
    let p: StagePointer | undefined;
    try {
      p = reg.getStage(model, stage);
    } catch (e) {
      problem(file, e);
      continue;
    }
    if (!p) continue;
    if (stages && !stages.includes(stage))
      problem(file, `stage ${stage} is not one of registry.stages (${stages.join(', ')})`);
    if (!versions.has(p.version))
      problem(file, `stage ${stage} points at ${p.version}, which is not registered`);
    else if (versions.get(p.version)?.deprecated)
      problem(file, `stage ${stage} holds ${p.version}, which is deprecated`);
    const dangling = [
      ...(p.previous ? [['previous', p.previous]] : []),
      ...(p.history ?? []).map((v) => ['history', v]),
      ...(p.rolled_back_from ?? []).map((v) => ['rolled_back_from', v]),
    ].filter(([, v]) => !versions.has(v!));
    for (const [key, v] of dangling)
      problem(file, `${key} names ${v}, which is not registered (a rollback would fail)`);
  }

  for (const [sub, ext] of [
    ['profiles', '.json'],
    ['smoke', '.jsonl'],
  ] as const) {
    const folder = join(dir, sub);
    for (const name of entries(folder)) {
      const v = versionOf(name, ext);
      if (!v) stray(join(folder, name), `${name} is not named <X.Y.Z>${ext}`);
      else if (!versions.has(v))
        problem(join(folder, name), `${sub}/${name} belongs to no registered version`);
    }
  }
  for (const [v, rec] of versions) {
    const ref = rec?.reference_profile;
    if (ref && !existsSync(join(dir, ref.path)))
      problem(
        reg.versionFile(model, v),
        `reference_profile.path: ${ref.path} is missing (the drift reference of ${v})`,
      );
  }

  const used = new Set(
    [...versions.values()]
      .map((r) => r?.artifact.uri)
      .filter((u): u is string => Boolean(u?.startsWith(`git:${model}/artifacts/`)))
      .map((u) => u.slice(`git:${model}/artifacts/`.length).split('/')[0]),
  );
  const artifactsDir = join(dir, 'artifacts');
  // A record that does not parse may be what uses an artifact: no orphan is certain then.
  const allRead = [...versions.values()].every(Boolean);
  for (const name of entries(artifactsDir))
    if (!/^[0-9a-f]{64}$/.test(name))
      stray(join(artifactsDir, name), `${name} is not a sha256 folder`);
    else if (allRead && !used.has(name))
      problem(join(artifactsDir, name), `artifact ${name.slice(0, 12)} belongs to no version`);
  return out;
}

/** Entries of the registry folder that are not model folders. */
export function strayTopLevel(reg: Registry): RegistryProblem[] {
  const models = new Set(reg.listModels());
  return entries(reg.dir)
    .filter((n) => !models.has(n) && n !== 'README.md')
    .map((n) => ({
      file: join(reg.dir, n),
      message: `stray file: ${n} is not a model folder (a model folder holds model.yaml and versions/)`,
    }));
}

/**
 * Warns (one line each) about broken records anywhere in the model a command touches, so a
 * corrupt file beside the one it reads does not go unnoticed until `registry verify`. `shownAs`:
 * the registry folder as the user knows it (the command may read a scratch copy).
 */
export function warnProblems(
  reg: Registry,
  model: string,
  warn: ((msg: string) => void) | undefined,
  shownAs = reg.dir,
): void {
  if (!warn || !reg.hasModel(model)) return;
  const show = (text: string) => text.split(reg.dir).join(shownAs);
  for (const p of modelProblems(reg, model)) {
    const file = show(p.file);
    const message = show(p.message);
    warn(`${message.startsWith(file) ? '' : `${file}: `}${message} (run modelci registry verify)`);
  }
}
