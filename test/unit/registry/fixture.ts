import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StagePointer, VersionRecord } from '../../../src/core/registry/records.js';
import { recordToYaml } from '../../../src/registry/record-file.js';
import { tempDir } from '../../harness/temp.js';

export { tempDir };

export function put(root: string, rel: string, text: string | Buffer): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A version record whose artifact lives in the git store of `root`. */
export function addVersion(
  root: string,
  model: string,
  version: string,
  bytes: Buffer | string = `weights of ${model} ${version}`,
  extra: Partial<VersionRecord> = {},
): VersionRecord {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  put(root, `${model}/artifacts/${sha256}/model.onnx`, bytes);
  const rec: VersionRecord = {
    schema: 'modelci/version@1',
    model,
    version,
    artifact: {
      uri: `git:${model}/artifacts/${sha256}/model.onnx`,
      sha256,
      bytes: Buffer.byteLength(bytes),
      format: 'onnx',
    },
    lineage: { commit: 'a'.repeat(40) },
    created_at: '2026-01-01T00:00:00.000Z',
    created_by: 'tester',
    ...extra,
  };
  put(root, `${model}/versions/${version}.yaml`, recordToYaml(rec));
  return rec;
}

export function setStage(
  root: string,
  model: string,
  stage: string,
  version: string,
  previous?: string,
): void {
  const p: StagePointer = {
    schema: 'modelci/stage@1',
    model,
    stage,
    version,
    ...(previous ? { previous } : {}),
    promoted_at: '2026-01-02T00:00:00.000Z',
    promoted_by: 'tester',
  };
  put(root, `${model}/stages/${stage}.yaml`, recordToYaml(p));
}
