import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeprecate, runPromote, runRollback } from '../../../src/commands/promote.js';
import { runRegister } from '../../../src/commands/register.js';
import { runRegistryHistory, runRegistryVerify } from '../../../src/commands/registry.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { openRegistry } from '../../../src/registry/index.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import { clone, git, gitEnv, makeOrigin, onnxModel, tempDir } from './git-fixture.js';
import { errorOf } from '../../harness/error-of.js';

/** A registry with 0.1.0 (gates passed), 0.2.0 (gates failed), 0.3.0 (passed). */
async function setup() {
  const origin = makeOrigin();
  const repo = clone(origin);
  const art = tempDir('modelci-art-');
  const registry = join(repo, 'registry');
  for (const [i, passed] of [true, false, true].entries()) {
    const artifact = onnxModel(art, `m${i}.onnx`, i + 1);
    const report = join(art, `r${i}.json`);
    writeFileSync(
      report,
      JSON.stringify({
        schema: 'modelci/evaluation-report@1',
        model_name: 'churn',
        task: 'binary',
        candidate: {
          model: { path: 'm.onnx', sha256: await sha256File(artifact), bytes: 1 },
          signature: { inputs: [], outputs: [] },
        },
        dataset: { path: 'h.csv', sha256: 'e'.repeat(64), bytes: 1, label: 'y', dropped_rows: 0 },
        metrics: { accuracy: { value: passed ? 0.9 : 0.5 } },
        gates: {
          passed,
          results: [
            {
              gate: 'min.accuracy',
              passed,
              reason: passed ? 'accuracy 0.9 ≥ 0.8' : 'accuracy 0.5 < 0.8',
            },
            { gate: 'signature', passed: true, reason: 'unchanged' },
          ],
        },
        bootstrap: { resamples: 1, seed: 1, confidence: 0.95 },
      } satisfies EvaluationReport),
    );
    await runRegister({ registry, model: 'churn', artifact, report, push: true, env: gitEnv });
  }
  const base = { registry, model: 'churn', env: gitEnv, push: true };
  return { origin, repo, registry, base };
}

function state(repo: string) {
  return {
    head: git(repo, 'rev-parse', 'HEAD'),
    status: git(repo, 'status', '--porcelain', '--untracked-files=all'),
  };
}

describe('promote, rollback, deprecate', () => {
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
    const config = { require_previous_stage: true };
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
    expect(d).toMatchObject({ status: 'deprecated', tags: ['churn@v0.3.0!'] });
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

  it('writes GTO stage tags numbered per model and stage', async () => {
    const { origin, base } = await setup();
    const config = { tags: true };
    await runPromote({ ...base, config, version: '0.1.0', stage: 'production' });
    await runPromote({ ...base, config, version: '0.3.0', stage: 'production' });
    await runPromote({ ...base, config, version: '0.3.0', stage: 'staging' });
    expect(git(origin, 'tag').trim().split('\n').sort()).toEqual([
      'churn#production#1',
      'churn#production#2',
      'churn#staging#1',
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
    ]);
  });
});
