import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry, parseModelRef } from '../../../src/registry/index.js';
import { addVersion, put, setStage, tempDir } from './fixture.js';
import { errorOf } from '../../harness/error-of.js';

function sample() {
  const root = tempDir();
  addVersion(root, 'churn', '1.0.0');
  addVersion(root, 'churn', '1.10.0');
  addVersion(root, 'churn', '1.2.0');
  addVersion(root, 'fraud', '0.1.0');
  setStage(root, 'churn', 'production', '1.2.0', '1.0.0');
  put(root, 'README.md', 'not a model');
  put(root, 'Bad Name/versions/1.0.0.yaml', 'x: 1');
  return root;
}

describe('openRegistry (reading)', () => {
  it('lists models, versions in semver order and stage pointers', () => {
    const reg = openRegistry(sample());
    expect(reg.listModels()).toEqual(['churn', 'fraud']);
    expect(reg.listVersions('churn')).toEqual(['1.0.0', '1.2.0', '1.10.0']);
    expect(reg.summary('churn')).toEqual({
      name: 'churn',
      versions: ['1.0.0', '1.2.0', '1.10.0'],
      latest: '1.10.0',
      stages: { production: '1.2.0' },
    });
    expect(reg.getStage('churn', 'staging')).toBeUndefined();
    expect(reg.getStage('churn', 'production')?.previous).toBe('1.0.0');
  });

  it('resolves @version, #stage and latest to version records', () => {
    const reg = openRegistry(sample());
    expect(reg.resolve('churn', '#production').version).toBe('1.2.0');
    expect(reg.resolve('churn', '@1.0.0').version).toBe('1.0.0');
    expect(reg.resolve('churn', 'v1.0.0').version).toBe('1.0.0');
    expect(reg.resolve('churn', 'latest').version).toBe('1.10.0');
    expect(parseModelRef('churn#production')).toEqual({ model: 'churn', ref: '#production' });
    expect(parseModelRef('churn')).toEqual({ model: 'churn', ref: 'latest' });
  });

  it('explains unknown models, versions and empty stages', async () => {
    const reg = openRegistry(sample());
    expect((await errorOf(() => reg.resolve('nope', 'latest'))).message).toBe(
      'no model "nope" in the registry',
    );
    const v = await errorOf(() => reg.resolve('churn', '@9.9.9'));
    expect(v.message).toBe('model "churn" has no version 9.9.9');
    expect(v.hint).toMatch(/1\.10\.0/);
    expect((await errorOf(() => reg.resolve('churn', '#staging'))).message).toBe(
      'stage staging of "churn" holds no version',
    );
  });

  it('refuses names and versions that would leave the registry folder', async () => {
    const reg = openRegistry(sample());
    expect((await errorOf(() => reg.getVersion('../etc', '1.0.0'))).message).toMatch(
      /invalid model name/,
    );
    expect((await errorOf(() => reg.getVersion('churn', '../../x'))).message).toMatch(
      /invalid version/,
    );
    expect((await errorOf(() => reg.resolve('churn', '#../x'))).message).toMatch(
      /invalid stage name/,
    );
    expect((await errorOf(() => parseModelRef('a/b@1.0.0'))).message).toMatch(/invalid model name/);
  });

  it('names the file and key path of a malformed record', async () => {
    const root = sample();
    const file = put(
      root,
      'churn/versions/2.0.0.yaml',
      'schema: modelci/version@1\nmodel: churn\nversion: 2.0.0\nartifact: {uri: "git:x", sha256: nothex, bytes: 1, format: onnx}\nlineage: {}\ncreated_at: t\ncreated_by: me\n',
    );
    const e = await errorOf(() => openRegistry(root).getVersion('churn', '2.0.0'));
    expect(e.where).toEqual({ file, path: 'artifact.sha256' });
    expect(e.message).toBe('malformed version record: must match ^[0-9a-f]{64}$');
    put(root, 'churn/versions/2.0.0.yaml', 'schema: [unclosed\n');
    const p = await errorOf(() => openRegistry(root).getVersion('churn', '2.0.0'));
    expect(p.where.file).toBe(file);
    expect(p.message).toMatch(/^malformed version record: invalid YAML/);
    const s = put(
      root,
      'churn/stages/production.yaml',
      'schema: modelci/stage@1\nmodel: churn\nstage: production\nversion: one\npromoted_at: t\npromoted_by: me\n',
    );
    const se = await errorOf(() => openRegistry(root).resolve('churn', '#production'));
    expect(se.where).toEqual({ file: s, path: 'version' });
    put(
      root,
      'churn/versions/3.0.0.yaml',
      'schema: modelci/version@1\nmodel: churn\nversion: 3.0.1\nartifact: {uri: "git:x", sha256: "' +
        'a'.repeat(64) +
        '", bytes: 1, format: onnx}\nlineage: {}\ncreated_at: t\ncreated_by: me\n',
    );
    const m = await errorOf(() => openRegistry(root).getVersion('churn', '3.0.0'));
    expect(m.where.path).toBe('version');
  });

  it('reads an artifact only when its sha256 matches the record', async () => {
    const root = sample();
    const reg = openRegistry(root);
    const rec = reg.resolve('churn', '#production');
    const path = await reg.readArtifact(rec);
    expect(path).toBe(join(root, rec.artifact.uri.slice(4)));
    writeFileSync(path, 'tampered');
    const e = await errorOf(() => reg.readArtifact(rec));
    expect(e.message).toMatch(/^sha256 mismatch for the artifact of churn@1\.2\.0/);
    const missing = await errorOf(() =>
      reg.readArtifact({
        ...rec,
        artifact: { ...rec.artifact, uri: 'git:churn/artifacts/none/model.onnx' },
      }),
    );
    expect(missing.message).toBe('artifact of churn@1.2.0 is missing');
    const escape = await errorOf(() =>
      reg.readArtifact({ ...rec, artifact: { ...rec.artifact, uri: 'git:../../etc/passwd' } }),
    );
    expect(escape.message).toMatch(/points outside the registry/);
  });

  it('is empty, not an error, for a registry folder that does not exist yet', () => {
    expect(openRegistry('/nonexistent/registry').listModels()).toEqual([]);
  });
});
