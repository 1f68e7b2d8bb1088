import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runRegister, type RegisterOptions } from '../../../src/commands/register.js';
import { runRegistryHistory, runRegistryList } from '../../../src/commands/registry.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { openRegistry } from '../../../src/registry/index.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import {
  clone,
  denyPushes,
  git,
  gitEnv,
  makeOrigin,
  onnxModel,
  tempDir,
  GIT_TEST_TIMEOUT,
  registeredAt,
} from './git-fixture.js';
import { errorOf } from '../../harness/error-of.js';

function setup() {
  const origin = makeOrigin();
  const repo = clone(origin);
  const art = tempDir('modelci-art-');
  const opts = (extra: Partial<RegisterOptions> = {}): RegisterOptions => ({
    registry: join(repo, 'registry'),
    model: 'churn',
    artifact: onnxModel(art, 'model.onnx', 1),
    env: gitEnv,
    ...extra,
  });
  return { origin, repo, art, opts };
}

function state(repo: string) {
  return {
    head: git(repo, 'rev-parse', 'HEAD'),
    status: git(repo, 'status', '--porcelain', '--untracked-files=all'),
    tags: git(repo, 'tag'),
  };
}

describe('runRegister', { timeout: GIT_TEST_TIMEOUT }, () => {
  it('writes one commit with a valid record, the ONNX signature and trailers, and pushes it', async () => {
    const { origin, repo, opts } = setup();
    const r = await runRegister(opts({ push: true }));
    expect(r).toMatchObject({
      model: 'churn',
      version: '0.1.0',
      status: 'registered',
      pushed: true,
      attempts: 1,
    });
    const rec = openRegistry(join(repo, 'registry')).getVersion('churn', '0.1.0');
    expect(rec.signature).toEqual({
      inputs: [{ name: 'input', type: 'float', shape: ['batch', 3] }],
      outputs: [
        { name: 'probabilities', type: 'float', shape: ['batch', 2] },
        { name: 'label', type: 'int64', shape: ['batch'] },
      ],
    });
    expect(rec.artifact.sha256).toBe(await sha256File(opts().artifact));
    expect(rec.artifact.uri).toBe(`git:churn/artifacts/${rec.artifact.sha256}/model.onnx`);
    expect(rec.lineage.commit).toBe(git(repo, 'rev-parse', 'HEAD~1').trim());
    expect(rec.created_by).toBe('tester');
    expect(git(origin, 'rev-parse', 'main')).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(git(repo, 'show', '--stat', '--format=%B', 'HEAD')).toMatch(
      /^Register churn 0\.1\.0\n\nfirst version\n\nModel: churn\nVersion: 0\.1\.0\nRegistry-Action: register\nActor: tester\n/,
    );
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      [
        `registry/churn/artifacts/${rec.artifact.sha256}/model.onnx`,
        'registry/churn/model.yaml',
        'registry/churn/versions/0.1.0.yaml',
      ],
    );
    expect(await runRegistryHistory(join(repo, 'registry'), 'churn', gitEnv)).toMatchObject([
      { action: 'register', model: 'churn', version: '0.1.0', actor: 'tester' },
    ]);
  });

  it('bumps minor for a compatible signature, major for a breaking one, and honours --bump/--version', async () => {
    const { repo, art, opts } = setup();
    await runRegister(opts());
    expect((await runRegister(opts({ artifact: onnxModel(art, 'b.onnx', 2) }))).version).toBe(
      '0.2.0',
    );
    const major = await runRegister(opts({ artifact: onnxModel(art, 'c.onnx', 3, 4) }));
    expect(major.version).toBe('1.0.0');
    expect(major.reason).toBe('breaking signature change: input "input" dimension 1 3 -> 4');
    expect(
      (await runRegister(opts({ artifact: onnxModel(art, 'd.onnx', 4, 4), bump: 'patch' })))
        .version,
    ).toBe('1.0.1');
    expect(
      (await runRegister(opts({ artifact: onnxModel(art, 'e.onnx', 5, 4), version: 'v3.1.4' })))
        .version,
    ).toBe('3.1.4');
    expect(
      (
        await runRegister(
          opts({ artifact: onnxModel(art, 'f.onnx', 6, 4), config: { bump: 'patch' } }),
        )
      ).version,
    ).toBe('3.1.5');
    expect(runRegistryList(join(repo, 'registry')).models[0]!.versions).toEqual([
      '0.1.0',
      '0.2.0',
      '1.0.0',
      '1.0.1',
      '3.1.4',
      '3.1.5',
    ]);
    expect(Number(git(repo, 'rev-list', '--count', 'HEAD'))).toBe(7);
  });

  it('keeps versions immutable: same content is a no-op, different content is refused, nothing written', async () => {
    const { repo, art, opts } = setup();
    await runRegister(opts({ version: '1.0.0' }));
    const before = state(repo);
    const same = await runRegister(opts({ version: '1.0.0' }));
    expect(same).toMatchObject({ status: 'unchanged', version: '1.0.0' });
    expect(state(repo)).toEqual(before);
    const again = await runRegister(opts());
    expect(again).toMatchObject({
      status: 'unchanged',
      version: '1.0.0',
      reason: 'the latest version has the same content',
    });
    const e = await errorOf(
      runRegister(opts({ version: '1.0.0', artifact: onnxModel(art, 'other.onnx', 9) })),
    );
    expect(e.message).toBe(
      'version 1.0.0 of "churn" already exists with different content; versions are immutable',
    );
    expect(state(repo)).toEqual(before);
  });

  it('records metrics, gates and data fingerprints from the evaluation report', async () => {
    const { art, repo, opts } = setup();
    const artifact = opts().artifact;
    const sha = await sha256File(artifact);
    const report: EvaluationReport = {
      schema: 'modelci/evaluation-report@1',
      model_name: 'churn',
      task: 'binary',
      candidate: {
        model: { path: 'model.onnx', sha256: sha, bytes: 1 },
        signature: { inputs: [], outputs: [] },
        params: { C: 1 },
      },
      dataset: {
        path: 'holdout.csv',
        sha256: 'e'.repeat(64),
        bytes: 100,
        rows: 10,
        label: 'y',
        dropped_rows: 0,
        training_data: { path: 'train.csv', sha256: 'f'.repeat(64), bytes: 900, rows: 90 },
      },
      metrics: { accuracy: { value: 0.9, ci: [0.8, 0.95] } },
      gates: {
        passed: false,
        results: [{ gate: 'min.accuracy', passed: false, reason: 'accuracy 0.9 < 0.95' }],
      },
      bootstrap: { resamples: 100, seed: 1, confidence: 0.95 },
    };
    const file = join(art, 'report.json');
    writeFileSync(file, JSON.stringify(report));
    await runRegister(opts({ report: file }));
    const rec = parse(readFileSync(join(repo, 'registry/churn/versions/0.1.0.yaml'), 'utf8'));
    expect(rec.metrics).toEqual({ accuracy: { value: 0.9, ci: [0.8, 0.95] } });
    expect(rec.gates.passed).toBe(false);
    expect(rec.evaluation_data).toEqual({
      path: 'holdout.csv',
      sha256: 'e'.repeat(64),
      bytes: 100,
      rows: 10,
    });
    expect(rec.training_data.sha256).toBe('f'.repeat(64));
    expect(rec.params).toEqual({ C: 1 });
    writeFileSync(
      file,
      JSON.stringify({
        ...report,
        candidate: {
          ...report.candidate,
          model: { ...report.candidate.model, sha256: '0'.repeat(64) },
        },
      }),
    );
    const e = await errorOf(
      runRegister(opts({ report: file, artifact: onnxModel(art, 'x.onnx', 7) })),
    );
    expect(e.format()).toMatch(
      /report\.json: candidate\.model\.sha256: the evaluation report was computed on a different artifact/,
    );
  });

  it('creates GTO tags when configured and pushes them with the commit', async () => {
    const { origin, opts } = setup();
    await runRegister(opts({ push: true, config: { tags: true } }));
    expect(git(origin, 'tag').trim()).toBe('churn@v0.1.0');
  });

  it('pushes the GTO tags of local registrations with the next push, moved to the replayed commits', async () => {
    const { origin, repo, art, opts } = setup();
    const config = { tags: true };
    // Registered without --push: the commit and its version tag exist here only.
    await runRegister(opts({ config }));
    const local = git(repo, 'rev-parse', 'HEAD').trim();
    // Meanwhile another job registers another model: this checkout's push loses the race once
    // and replays its local commit onto the new tip.
    const other = clone(origin);
    await runRegister({
      registry: join(other, 'registry'),
      model: 'fraud',
      artifact: onnxModel(art, 'fraud.onnx', 7),
      push: true,
      env: gitEnv,
    });
    const r = await runRegister(
      opts({ config, push: true, artifact: onnxModel(art, 'b.onnx', 5) }),
    );
    expect(r).toMatchObject({ version: '0.2.0', pushed: true, attempts: 2 });
    const registered = (v: string) => registeredAt(origin, v, 'main');
    expect(registered('0.1.0')).not.toBe(local);
    for (const where of [origin, repo])
      expect(
        ['0.1.0', '0.2.0'].map((v) => git(where, 'rev-parse', `churn@v${v}^{commit}`).trim()),
      ).toEqual([registered('0.1.0'), registered('0.2.0')]);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(git(origin, 'rev-parse', 'main'));
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { repo, art, opts } = setup();
    await runRegister(opts());
    const before = state(repo);
    expect(
      (await errorOf(runRegister(opts({ artifact: join(art, 'missing.onnx') })))).message,
    ).toBe('artifact not found');
    expect((await errorOf(runRegister(opts({ model: '../etc' })))).message).toMatch(
      /invalid model name/,
    );
    expect((await errorOf(runRegister(opts({ version: '1.0' })))).message).toBe(
      'invalid version "1.0"',
    );
    expect(state(repo)).toEqual(before);
    writeFileSync(join(repo, 'README.md'), 'edited\n');
    const dirty = await errorOf(runRegister(opts({ artifact: onnxModel(art, 'n.onnx', 5) })));
    expect(dirty.message).toBe('the worktree has uncommitted changes (README.md)');
    git(repo, 'checkout', '--', 'README.md');
    git(repo, 'checkout', '--quiet', '--detach', 'HEAD');
    const detached = await errorOf(runRegister(opts({ artifact: onnxModel(art, 'n.onnx', 5) })));
    expect(detached.message).toBe('HEAD is detached: a registry commit needs a branch');
    git(repo, 'checkout', '--quiet', 'main');
    const wrong = await errorOf(
      runRegister(opts({ artifact: onnxModel(art, 'n.onnx', 5), config: { branch: 'registry' } })),
    );
    expect(wrong.message).toBe('the registry branch is registry but main is checked out');
    expect(state(repo)).toEqual(before);
  });

  it('says the job needs contents: write when the push is denied, and leaves the checkout as it was', async () => {
    const { origin, repo, opts } = setup();
    const before = state(repo);
    denyPushes(origin);
    const e = await errorOf(runRegister(opts({ push: true, config: { tags: true } })));
    expect(e.message).toMatch(/^git push was denied: .*403/);
    expect(e.hint).toMatch(/contents: write/);
    expect(state(repo)).toEqual(before);
  });

  it('re-runs as unchanged whatever the profile setting; other content under a version is refused', async () => {
    const { repo, art, opts } = setup();
    const data = join(art, 'train.csv');
    writeFileSync(
      data,
      'a,b\n' + Array.from({ length: 50 }, (_, i) => `${i},${i % 7}`).join('\n') + '\n',
    );
    const first = await runRegister(opts({ profileData: data }));
    expect(first).toMatchObject({ status: 'registered', version: '0.1.0' });
    const before = state(repo);
    // The same artifact and data again (a CI re-run), with profiling on, then off.
    expect(await runRegister(opts({ profileData: data }))).toMatchObject({
      status: 'unchanged',
      version: '0.1.0',
    });
    expect(await runRegister(opts())).toMatchObject({ status: 'unchanged', version: '0.1.0' });
    expect(await runRegister(opts({ version: '0.1.0', profileData: data }))).toMatchObject({
      status: 'unchanged',
    });
    expect(state(repo)).toEqual(before);
    // Other data under the same version is other content: refused, nothing written.
    const other = join(art, 'other.csv');
    writeFileSync(other, 'a,b\n1,2\n3,4\n');
    const e = await errorOf(runRegister(opts({ version: '0.1.0', profileData: other })));
    expect(e.message).toBe(
      'version 0.1.0 of "churn" already exists with different content; versions are immutable',
    );
    expect(state(repo)).toEqual(before);
  });

  it('warns about a broken record elsewhere in the model, and so does registry list', async () => {
    const { repo, art, opts } = setup();
    await runRegister(opts());
    writeFileSync(join(repo, 'registry/churn/versions/0.0.9.yaml'), 'schema: nonsense\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'broken by hand');
    const warned: string[] = [];
    const r = await runRegister(
      opts({ artifact: onnxModel(art, 'n.onnx', 5), warn: (m) => warned.push(m) }),
    );
    expect(r.status).toBe('registered');
    expect(warned).toContainEqual(
      expect.stringMatching(
        /^registry\/churn\/versions\/0\.0\.9\.yaml: malformed version record: .*\(run modelci registry verify\)$/,
      ),
    );
    const listed: string[] = [];
    runRegistryList(join(repo, 'registry'), (m) => listed.push(m));
    expect(listed).toEqual([expect.stringMatching(/0\.0\.9\.yaml: malformed version record/)]);
  });
});
