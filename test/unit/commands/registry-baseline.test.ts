import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryBaselineResolver } from '../../../src/commands/registry-baseline.js';
import { addVersion, put, setStage, tempDir } from '../registry/fixture.js';

describe('registryBaselineResolver (evaluate `baseline: production`)', () => {
  it("resolves the stage pointer to the version's sha256-verified artifact", async () => {
    const root = tempDir();
    addVersion(root, 'churn', '1.0.0', 'old weights');
    addVersion(root, 'churn', '1.1.0', 'new weights');
    setStage(root, 'churn', 'production', '1.0.0');
    setStage(root, 'churn', 'staging', '1.1.0', '1.0.0');
    const resolve = registryBaselineResolver({ registry: root });
    const prod = await resolve('churn', 'production');
    expect(prod).toMatchObject({ version: '1.0.0', source: 'registry:production@1.0.0' });
    expect(readFileSync(prod!.file, 'utf8')).toBe('old weights');
    expect((await resolve('churn', 'staging'))?.version).toBe('1.1.0');
  });

  it('has no baseline for a first model: no registry, no such model, or an empty stage', async () => {
    const root = tempDir();
    expect(
      await registryBaselineResolver({ registry: join(root, 'absent') })('churn', 'production'),
    ).toBeUndefined();
    addVersion(root, 'churn', '1.0.0');
    const resolve = registryBaselineResolver({ registry: root });
    expect(await resolve('other', 'production')).toBeUndefined();
    expect(await resolve('churn', 'production')).toBeUndefined();
  });

  it('refuses an artifact whose sha256 no longer matches', async () => {
    const root = tempDir();
    const rec = addVersion(root, 'churn', '1.0.0', 'weights');
    setStage(root, 'churn', 'production', '1.0.0');
    put(root, rec.artifact.uri.replace(/^git:/, ''), 'tampered');
    await expect(
      registryBaselineResolver({ registry: root })('churn', 'production'),
    ).rejects.toThrow(/sha256/);
  });

  it('reads the registry folder from modelci.yaml when none is given', async () => {
    const root = tempDir();
    const reg = join(root, 'models-registry');
    addVersion(reg, 'churn', '2.0.0', 'w');
    setStage(reg, 'churn', 'production', '2.0.0');
    const config = put(root, 'modelci.yaml', `version: 1\nregistry:\n  path: ${reg}\n`);
    expect((await registryBaselineResolver({ config })('churn', 'production'))?.version).toBe(
      '2.0.0',
    );
  });
});
