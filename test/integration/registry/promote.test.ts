import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeprecate } from '../../../src/commands/deprecate.js';
import { runPromote } from '../../../src/commands/promote.js';
import { runRollback } from '../../../src/commands/rollback.js';
import { runRegister } from '../../../src/commands/register.js';
import { runRegistryHistory, runRegistryVerify } from '../../../src/commands/registry.js';
import { openRegistry } from '../../../src/registry/index.js';
import {
  clone,
  git,
  gitEnv,
  makeOrigin,
  onnxModel,
  tempDir,
  GIT_TEST_TIMEOUT,
  evaluatedModel,
  registeredAt,
} from './git-fixture.js';
import { errorOf } from '../../harness/error-of.js';

const OPEN = { require_previous_stage: false };

/** A registry with 0.1.0 (gates passed), 0.2.0 (gates failed), 0.3.0 (passed). */
async function setup() {
  const origin = makeOrigin();
  const repo = clone(origin);
  const art = tempDir('modelci-art-');
  const registry = join(repo, 'registry');
  for (const [i, passed] of [true, false, true].entries()) {
    const { artifact, report } = await evaluatedModel(art, i + 1, passed);
    await runRegister({ registry, model: 'churn', artifact, report, push: true, env: gitEnv });
  }
  // Stage order is enforced by default; these tests promote straight to production.
  const base = { registry, model: 'churn', env: gitEnv, push: true, config: OPEN };
  return { origin, repo, registry, base };
}

function state(repo: string) {
  return {
    head: git(repo, 'rev-parse', 'HEAD'),
    status: git(repo, 'status', '--porcelain', '--untracked-files=all'),
  };
}

describe('promote, rollback, deprecate', { timeout: GIT_TEST_TIMEOUT }, () => {
  it('moves the pointer with previous, trailers and history; a repeat is a no-op', async () => {
    const { origin, repo, registry, base } = await setup();
    const a = await runPromote({
      ...base,
      version: '0.1.0',
      stage: 'production',
      reason: 'first release',
    });
    expect(a).toMatchObject({
      status: 'moved',
      version: '0.1.0',
      previous: undefined,
      pushed: true,
    });
    const b = await runPromote({ ...base, version: '0.3.0', stage: 'production' });
    expect(b).toMatchObject({ status: 'moved', version: '0.3.0', previous: '0.1.0' });
    const p = openRegistry(registry).getStage('churn', 'production')!;
    expect(p).toMatchObject({ version: '0.3.0', previous: '0.1.0', promoted_by: 'tester' });
    const again = await runPromote({ ...base, version: '@0.3.0', stage: 'production' });
    expect(again.status).toBe('unchanged');
    expect(git(origin, 'rev-parse', 'main')).toBe(git(repo, 'rev-parse', 'HEAD'));
    const h = await runRegistryHistory(registry, 'churn', gitEnv);
    expect(h.slice(0, 2).map((e) => [e.action, e.version, e.stage])).toEqual([
      ['promote', '0.3.0', 'production'],
      ['promote', '0.1.0', 'production'],
    ]);
    expect(git(repo, 'log', '-1', '--format=%B', a.commit!)).toContain(
      'production held nothing. first release',
    );
  });

  it('refuses failed gates with the reasons, unknown stages and skipped stages; nothing written', async () => {
    const { repo, base } = await setup();
    const before = state(repo);
    const gates = await errorOf(runPromote({ ...base, version: '0.2.0', stage: 'staging' }));
    expect(gates.format()).toBe(
      'cannot promote churn 0.2.0 to staging: gates failed: min.accuracy: accuracy 0.5 < 0.8. Nothing was written',
    );
    const stage = await errorOf(runPromote({ ...base, version: '0.1.0', stage: 'prod' }));
    expect(stage.format()).toBe(
      'unknown stage "prod". Configured stages: staging, production (registry.stages in modelci.yaml)',
    );
    const config = {};
    const order = await errorOf(
      runPromote({ ...base, config, version: '0.1.0', stage: 'production' }),
    );
    expect(order.message).toBe(
      'cannot promote churn 0.1.0 to production: production requires the version to be in staging first (staging holds nothing)',
    );
    expect(state(repo)).toEqual(before);
    await runPromote({ ...base, config, version: '0.1.0', stage: 'staging' });
    expect(
      (await runPromote({ ...base, config, version: '#staging', stage: 'production' })).version,
    ).toBe('0.1.0');
    const missing = await errorOf(runPromote({ ...base, version: '9.0.0', stage: 'staging' }));
    expect(missing.message).toBe('model "churn" has no version 9.0.0');
  });

  it('the last stage takes only an evaluated version by default; switched off, pointer and commit say so', async () => {
    const { repo, registry, base } = await setup();
    const artifact = onnxModel(tempDir('modelci-art-'), 'bare.onnx', 9);
    await runRegister({ registry, model: 'churn', artifact, push: true, env: gitEnv });
    const safe = { ...base, config: {}, version: '0.4.0' };
    await runPromote({ ...safe, stage: 'staging' });
    const before = state(repo);
    const e = await errorOf(runPromote({ ...safe, stage: 'production' }));
    expect(e.message).toBe(
      'cannot promote churn 0.4.0 to production: production is the last stage and takes only a version with a recorded evaluation whose gates passed; 0.4.0 has no recorded evaluation (register it with --report from modelci evaluate with gates configured, or set registry.require_evaluation: false)',
    );
    expect(state(repo)).toEqual(before);
    const waived = await runPromote({
      ...safe,
      config: { require_evaluation: false },
      stage: 'production',
    });
    expect(waived.status).toBe('moved');
    expect(openRegistry(registry).getStage('churn', 'production')).toMatchObject({
      version: '0.4.0',
      evaluation_required: false,
    });
    expect(git(repo, 'log', '-1', '--format=%B', waived.commit!)).toMatch(
      /^Evaluation-Required: false$/m,
    );
    const [entry] = await runRegistryHistory(registry, 'churn', gitEnv);
    expect(entry).toMatchObject({
      action: 'promote',
      version: '0.4.0',
      evaluation_required: false,
    });
    // An evaluated version in the same place records nothing: the rule held.
    await runPromote({ ...base, config: {}, version: '0.1.0', stage: 'staging' });
    await runPromote({ ...base, config: {}, version: '0.1.0', stage: 'production' });
    expect(openRegistry(registry).getStage('churn', 'production')).not.toHaveProperty(
      'evaluation_required',
    );
  });

  it('rolls back to the previous version and can roll forward again', async () => {
    const { registry, base } = await setup();
    await runPromote({ ...base, version: '0.1.0', stage: 'production' });
    await runPromote({ ...base, version: '0.3.0', stage: 'production' });
    const r = await runRollback({ ...base, stage: 'production', reason: 'latency regression' });
    expect(r).toMatchObject({ status: 'moved', version: '0.1.0', previous: '0.3.0' });
    expect(openRegistry(registry).getStage('churn', 'production')).toMatchObject({
      version: '0.1.0',
      previous: '0.3.0',
      rollback: true,
      reason: 'latency regression',
    });
    const h = await runRegistryHistory(registry, 'churn', gitEnv);
    expect(h[0]).toMatchObject({ action: 'rollback', version: '0.1.0', stage: 'production' });
    const empty = await errorOf(runRollback({ ...base, stage: 'staging' }));
    expect(empty.message).toBe('nothing to roll back: the stage holds no version');
    // A second rollback goes further back, never forward to the version it left.
    const again = await errorOf(runRollback({ ...base, stage: 'production' }));
    expect(again.message).toBe(
      'nothing further back to roll back to: production held nothing before 0.1.0 that was not rolled back from (0.3.0) or deprecated',
    );
  });

  it('walks back one version per rollback and never returns to a version rolled back from', async () => {
    const { registry, base } = await setup();
    const stage = 'production';
    const pointer = () => openRegistry(registry).getStage('churn', stage)!;
    await runRegister({
      registry,
      model: 'churn',
      ...(await evaluatedModel(tempDir('modelci-art-'), 44)),
      push: true,
      env: gitEnv,
    });
    for (const v of ['0.1.0', '0.3.0', '0.4.0']) await runPromote({ ...base, version: v, stage });
    expect((await runRollback({ ...base, stage })).version).toBe('0.3.0');
    expect((await runRollback({ ...base, stage })).version).toBe('0.1.0');
    expect(pointer()).toMatchObject({
      version: '0.1.0',
      history: [],
      rolled_back_from: ['0.4.0', '0.3.0'],
    });
    await expect(runRollback({ ...base, stage })).rejects.toThrow(/nothing further back/);
    // Asked by version, it goes there; promoting a version again clears it of its rollback.
    expect((await runRollback({ ...base, stage, to: '0.4.0' })).version).toBe('0.4.0');
    expect((await runRollback({ ...base, stage })).version).toBe('0.1.0');
    await runPromote({ ...base, version: '0.3.0', stage });
    expect(pointer()).toMatchObject({ history: ['0.1.0'], rolled_back_from: ['0.4.0'] });
    expect((await runRollback({ ...base, stage })).version).toBe('0.1.0');
  });

  it('does not keep a pointer at a missing version as previous', async () => {
    const { repo, registry, base } = await setup();
    await runPromote({ ...base, version: '0.1.0', stage: 'production' });
    const file = join(registry, 'churn/stages/production.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 0.1.0', 'version: 7.0.0'));
    git(repo, 'commit', '--quiet', '-am', 'hand edit');
    const r = await runPromote({ ...base, version: '0.3.0', stage: 'production' });
    expect(r.previous).toBeUndefined();
    expect(openRegistry(registry).getStage('churn', 'production')).toMatchObject({
      version: '0.3.0',
      history: [],
    });
  });

  it('deprecates a version no stage holds; a deprecated version cannot be promoted', async () => {
    const { registry, base } = await setup();
    await runPromote({ ...base, version: '0.1.0', stage: 'production' });
    const held = await errorOf(runDeprecate({ ...base, version: '0.1.0' }));
    expect(held.message).toBe('cannot deprecate churn 0.1.0: production still holds it');
    const d = await runDeprecate({
      ...base,
      version: '0.3.0',
      reason: 'trained on leaked labels',
      config: { tags: true },
    });
    // 0.3.0 was registered before tags were on: its version tag comes first, on its commit.
    expect(d).toMatchObject({ status: 'deprecated', tags: ['churn@v0.3.0', 'churn@v0.3.0!'] });
    expect(openRegistry(registry).getVersion('churn', '0.3.0').deprecated).toMatchObject({
      by: 'tester',
      reason: 'trained on leaked labels',
    });
    expect((await runDeprecate({ ...base, version: '0.3.0' })).status).toBe('unchanged');
    const e = await errorOf(runPromote({ ...base, version: '0.3.0', stage: 'production' }));
    expect(e.message).toBe(
      'cannot promote churn 0.3.0 to production: version 0.3.0 is deprecated (trained on leaked labels)',
    );
  });

  it('promote, rollback and deprecate warn about a broken record elsewhere in the model, and still write', async () => {
    const { repo, registry, base } = await setup();
    writeFileSync(join(registry, 'churn/versions/0.0.9.yaml'), 'schema: nonsense\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'broken by hand');
    const broken =
      /^registry\/churn\/versions\/0\.0\.9\.yaml: malformed version record: .*\(run modelci registry verify\)$/;
    const warned: string[] = [];
    const warn = (m: string) => warned.push(m);
    await runPromote({ ...base, version: '0.1.0', stage: 'production', warn });
    expect(warned).toEqual([expect.stringMatching(broken)]);
    await runPromote({ ...base, version: '0.3.0', stage: 'production', warn });
    expect((await runRollback({ ...base, stage: 'production', warn })).version).toBe('0.1.0');
    expect((await runDeprecate({ ...base, version: '0.2.0', warn })).status).toBe('deprecated');
    expect(warned).toHaveLength(4);
    for (const line of warned) expect(line).toMatch(broken);
    expect(openRegistry(registry).getStage('churn', 'production')?.version).toBe('0.1.0');
  });

  it('writes GTO stage tags on the registration commits, numbered per model', async () => {
    const { origin, repo, base } = await setup();
    const config = { ...OPEN, tags: true };
    await runPromote({ ...base, config, version: '0.1.0', stage: 'production' });
    await runPromote({ ...base, config, version: '0.3.0', stage: 'production' });
    await runPromote({ ...base, config, version: '0.3.0', stage: 'staging' });
    const registered = (v: string) => registeredAt(repo, v);
    const tags = git(
      origin,
      'for-each-ref',
      '--format=%(refname:strip=2) %(*objectname)',
      'refs/tags',
    )
      .trim()
      .split('\n')
      .sort();
    expect(tags).toEqual([
      `churn#production!#2 ${registered('0.1.0')}`,
      `churn#production#1 ${registered('0.1.0')}`,
      `churn#production#3 ${registered('0.3.0')}`,
      `churn#staging#4 ${registered('0.3.0')}`,
      `churn@v0.1.0 ${registered('0.1.0')}`,
      `churn@v0.3.0 ${registered('0.3.0')}`,
    ]);
  });

  it('verify checks every record, pointer and artifact', async () => {
    const { registry, base } = await setup();
    await runPromote({ ...base, version: '0.1.0', stage: 'production' });
    expect(await runRegistryVerify(registry)).toEqual({
      models: 1,
      versions: 3,
      artifacts: 3,
      problems: [],
    });
    const rec = openRegistry(registry).getVersion('churn', '0.3.0');
    writeFileSync(join(registry, rec.artifact.uri.slice(4)), 'tampered');
    const vfile = join(registry, 'churn/versions/0.2.0.yaml');
    writeFileSync(
      vfile,
      readFileSync(vfile, 'utf8').replace(/^created_by: .*$/m, 'created_by: 7\nextra: 1'),
    );
    const v = await runRegistryVerify(registry);
    expect(v.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/0\.2\.0\.yaml: malformed version record: unknown key "extra"/),
      expect.stringMatching(/sha256 mismatch for the artifact of churn@0\.3\.0/),
      expect.stringMatching(/^not committed: /),
      expect.stringMatching(/^not committed: /),
    ]);
  });
});
