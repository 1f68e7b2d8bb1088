import { ModelciError } from '../core/errors.js';
import { openRegistry } from '../registry/index.js';
import type { ModelSource } from '../serve/loaded-model.js';

/**
 * What a registry stage names: one model source per model with a pointer for the stage (artifact
 * sha256-verified by the registry, and again by the server on load), and a reload that re-reads
 * the pointer (or loads a given version), for hot swaps after a promotion (SIGHUP or the
 * repository API).
 */
export async function registrySources(
  dir: string,
  stage: string,
): Promise<{
  models: ModelSource[];
  reload: (name: string, version?: string) => Promise<ModelSource>;
}> {
  const reg = openRegistry(dir);
  // A version given to the repository API is a registry version; none: what the stage names now.
  const sourceFor = async (name: string, version?: string): Promise<ModelSource> => {
    const record = reg.resolve(name, version ?? `#${stage}`);
    const file = await reg.readArtifact(record);
    return { name, version: record.version, file, sha256: record.artifact.sha256 };
  };
  const names = reg.listModels().filter((m) => reg.getStage(m, stage) !== undefined);
  if (names.length === 0)
    throw new ModelciError('REGISTRY', `no model in the registry has a "${stage}" stage pointer`, {
      file: dir,
      hint: `Promote a version to ${stage} first, or check --registry and --stage`,
    });
  const models: ModelSource[] = [];
  for (const name of names) models.push(await sourceFor(name));
  return { models, reload: (name, version) => sourceFor(name, version) };
}
