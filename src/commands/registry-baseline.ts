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
