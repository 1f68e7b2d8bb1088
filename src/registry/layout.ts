import { join } from 'node:path';
import { checkName, checkVersion } from '../core/registry/names.js';

/**
 * Where each registry file lives. Every name and version goes through the validators first, so no
 * path built here leaves the registry folder.
 */
export const layout = {
  modelDir: (root: string, model: string) => join(root, checkName(model)),
  modelFile: (root: string, model: string) => join(root, checkName(model), 'model.yaml'),
  versionsDir: (root: string, model: string) => join(root, checkName(model), 'versions'),
  versionFile: (root: string, model: string, version: string) =>
    join(root, checkName(model), 'versions', `${checkVersion(version)}.yaml`),
  stagesDir: (root: string, model: string) => join(root, checkName(model), 'stages'),
  stageFile: (root: string, model: string, stage: string) =>
    join(root, checkName(model), 'stages', `${checkName(stage, 'stage')}.yaml`),
  profilesDir: (root: string, model: string) => join(root, checkName(model), 'profiles'),
  profileFile: (root: string, model: string, version: string) =>
    join(root, checkName(model), 'profiles', `${checkVersion(version)}.json`),
  /** Deploy smoke samples recorded at evaluation (modelci/smoke-samples@1). */
  smokeFile: (root: string, model: string, version: string) =>
    join(root, checkName(model), 'smoke', `${checkVersion(version)}.jsonl`),
};
