// Writes registry records the way `modelci register` / `promote` do (src/registry/README.md), for
// tests that need a registry before those commands exist: artifacts in the git store.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export function registerVersion(
  registry: string,
  model: string,
  version: string,
  onnx: Uint8Array,
): { sha256: string; uri: string } {
  const sha256 = createHash('sha256').update(onnx).digest('hex');
  const rel = `${model}/artifacts/${sha256}/model.onnx`;
  mkdirSync(join(registry, model, 'artifacts', sha256), { recursive: true });
  writeFileSync(join(registry, rel), onnx);
  mkdirSync(join(registry, model, 'versions'), { recursive: true });
  writeFileSync(
    join(registry, model, 'model.yaml'),
    stringify({ schema: 'modelci/model@1', name: model, created_at: '2026-01-01T00:00:00Z' }),
  );
  writeFileSync(
    join(registry, model, 'versions', `${version}.yaml`),
    stringify({
      schema: 'modelci/version@1',
      model,
      version,
      artifact: { uri: `git:${rel}`, sha256, bytes: onnx.length, format: 'onnx' },
      lineage: {},
      created_at: '2026-01-01T00:00:00Z',
      created_by: 'tests',
    }),
  );
  return { sha256, uri: `git:${rel}` };
}

export function pointStage(
  registry: string,
  model: string,
  stage: string,
  version: string,
  previous?: string,
): void {
  mkdirSync(join(registry, model, 'stages'), { recursive: true });
  writeFileSync(
    join(registry, model, 'stages', `${stage}.yaml`),
    stringify({
      schema: 'modelci/stage@1',
      model,
      stage,
      version,
      ...(previous ? { previous } : {}),
      promoted_at: '2026-01-01T00:00:00Z',
      promoted_by: 'tests',
    }),
  );
}
