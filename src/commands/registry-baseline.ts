import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { openRegistry } from '../registry/registry.js';
import { registrySettings } from '../registry/settings.js';

/**
 * Resolves `baseline: production` (or `staging`) to the artifact the registry's stage pointer
 * names, sha256-verified. No registry, no model or an empty stage means no baseline yet: the first
 * model of a project is evaluated on its own.
 */
export function registryBaselineResolver(
  opts: { config?: string; registry?: string } = {},
): (
  modelName: string,
  stage: string,
) => Promise<{ file: string; version: string; source: string } | undefined> {
  return async (modelName, stage) => {
    const dir =
      opts.registry ??
      registrySettings(
        loadConfig(opts.config, { explicit: opts.config !== undefined }).config.registry,
      ).path;
    if (!existsSync(dir)) return undefined;
    const reg = openRegistry(dir);
    if (!reg.listModels().includes(modelName) || !reg.getStage(modelName, stage)) return undefined;
    const record = reg.resolve(modelName, `#${stage}`);
    return {
      file: await reg.readArtifact(record),
      version: record.version,
      source: `registry:${stage}@${record.version}`,
    };
  };
}

/** A registry baseline as an evaluation report names it (`registry:production@1.2.0`). */
export interface RegisteredBaseline {
  version: string;
  stage?: string;
  /** The run that trained it (the version's `lineage.run`). */
  run: string;
}

/**
 * The registered version a report's baseline came from and the run its lineage names; undefined
 * when the baseline is a file, or the registry here lacks the version or a recorded run.
 */
export function registeredBaseline(
  dir: string,
  model: string,
  baseline: { source: string; version?: string } | undefined,
): RegisteredBaseline | undefined {
  const m = /^registry:([^@]*)@(.+)$/.exec(baseline?.source ?? '');
  const version = baseline?.version ?? m?.[2];
  if (!m || !version || !existsSync(dir)) return undefined;
  const reg = openRegistry(dir);
  if (!reg.hasVersion(model, version)) return undefined;
  const run = reg.getVersion(model, version).lineage.run;
  return run ? { version, ...(m[1] ? { stage: m[1] } : {}), run } : undefined;
}
