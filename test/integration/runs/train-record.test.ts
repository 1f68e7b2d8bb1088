// `modelci train` keeps every run in git: real git, a bare origin, the bundled CLI.
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../harness/temp.js';
import { clone, config, git, modelci, project, runRefs } from './project.js';

function show(repo: string, ref: string): Record<string, unknown> {
  return JSON.parse(git(repo, 'show', `${ref}:run.json`)) as Record<string, unknown>;
}

/** What a plumbing write must leave alone: HEAD, branches, index and tracked files. */
function checkoutState(repo: string): string {
  return [
    git(repo, 'rev-parse', 'HEAD'),
    git(repo, 'for-each-ref', 'refs/heads', 'refs/remotes', 'refs/tags'),
    git(repo, 'status', '--porcelain', '--untracked-files=no'),
    createHash('sha256')
      .update(readFileSync(join(repo, '.git/index')))
      .digest('hex'),
  ].join('\n');
}

describe('train records the run under refs/modelci/runs/<model>/<id>', () => {
  it('one commit per run holding the record; the checkout is not touched', async () => {
    const { repo } = project({ C: 2, layers: [8, 4] });
    const before = checkoutState(repo);
    const r = await modelci(repo, ['train', '--tag', 'baseline', '--note', 'first try']);
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    expect(checkoutState(repo)).toBe(before);
    const refs = runRefs(repo);
    expect(refs.size).toBe(1);
    const [ref, commit] = [...refs][0]!;
    const id = ref.split('/').pop()!;
    expect(ref).toMatch(/^refs\/modelci\/runs\/churn\/\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(r.stdout).toContain(`run ${id} (${ref})`);

    const stored = show(repo, ref);
    const local = JSON.parse(readFileSync(join(repo, 'modelci-train/churn/run.json'), 'utf8'));
    // run.json beside the model is the same record plus where its files are on this machine.
    const { files, ...rest } = local;
    expect(stored).toEqual(rest);
    expect(files.model).toBe(join(repo, 'modelci-train/churn/model.onnx'));
    expect(stored).toMatchObject({
      schema: 'modelci/run@1',
      id,
      model_name: 'churn',
      status: 'succeeded',
      exit_code: 0,
      trainer: 'command',
      command: 'sh train.sh',
      seed: 42,
      params: { C: 2, layers: [8, 4] },
      metrics: { accuracy: 0.92, loss: 0.25 },
      tags: ['baseline'],
      note: 'first try',
      code: {
        commit: git(repo, 'rev-parse', 'HEAD').trim(),
        dirty: false,
        branch: 'main',
        files: { 'train.sh': git(repo, 'hash-object', 'train.sh').trim() },
      },
      environment: { node: process.versions.node, modelci: '0.1.0', arch: process.arch },
    });
    expect(stored).not.toHaveProperty('parent');
    const model = readFileSync(join(repo, 'modelci-train/churn/model.onnx'));
    expect(stored.model).toMatchObject({
      sha256: createHash('sha256').update(model).digest('hex'),
      bytes: model.length,
    });
    expect((stored.data as { train: { rows: number } }).train.rows).toBe(569);
    // A root commit (no code history comes with it), authored by the configured user at the
    // run's end, with the record as its message.
    expect(git(repo, 'log', '-1', '--format=%P|%an|%aI', commit).trim()).toBe(
      `|Test User|${new Date(stored.finished_at as string).toISOString().replace(/\.\d{3}Z$/, '+00:00')}`,
    );
    expect(git(repo, 'log', '-1', '--format=%s', commit).trim()).toBe(`Run churn ${id}: succeeded`);

    // The next run on the branch follows this one; a dirty tracked file is recorded as such.
    appendFileSync(join(repo, 'train.sh'), '# tweak\n');
    const second = await modelci(repo, ['train', '--json']);
    expect(second.code).toBe(0);
    const rec2 = JSON.parse(second.stdout);
    expect(rec2.parent).toBe(id);
    expect(rec2.code.dirty).toBe(true);
    expect(rec2.code.files['train.sh']).toBe(git(repo, 'hash-object', 'train.sh').trim());
    expect(rec2.code.files['train.sh']).not.toBe(
      (stored.code as { files: Record<string, string> }).files['train.sh'],
    );
    expect(runRefs(repo).size).toBe(2);
  });

  it('a failing command is recorded as failed with its exit code, and train fails', async () => {
    const { repo } = project();
    writeFileSync(join(repo, 'modelci.yaml'), config({ C: 1 }, 'sh -c "echo boom; exit 3"'));
    const r = await modelci(repo, ['train']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      'modelci train: error: the training command failed (exit code 3). Its output is in the log above',
    );
    const [ref] = [...runRefs(repo).keys()];
    const stored = show(repo, ref!);
    expect(stored).toMatchObject({
      status: 'failed',
      exit_code: 3,
      failure: 'the training command failed (exit code 3). Its output is in the log above',
    });
    expect(stored).not.toHaveProperty('model');
    expect(stored).not.toHaveProperty('metrics');
    expect(
      JSON.parse(readFileSync(join(repo, 'modelci-train/churn/run.json'), 'utf8')).status,
    ).toBe('failed');
    expect(git(repo, 'log', '-1', '--format=%s', ref!).trim()).toMatch(/: failed$/);
  });

  it('params JSON cannot carry are refused with their key path before anything runs', async () => {
    const { repo } = project();
    writeFileSync(
      join(repo, 'modelci.yaml'),
      config({ C: 1 }).replace('params: {"C":1}', 'params: { C: 1, schedule: { warmup: .nan } }'),
    );
    const r = await modelci(repo, ['train']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'modelci train: error: modelci.yaml: models.churn.train.params.schedule.warmup: the number NaN cannot be recorded in a run. Use numbers, strings, booleans, null, lists and mappings only (write NaN or infinity as a string or leave the key out)',
    );
    expect(runRefs(repo).size).toBe(0);
  });

  it('--push shares the run through origin; --no-record keeps it in run.json only', async () => {
    const { origin, repo } = project();
    const r = await modelci(repo, ['train', '--push']);
    expect(r.code).toBe(0);
    expect(runRefs(origin)).toEqual(runRefs(repo));
    expect(runRefs(origin).size).toBe(1);
    const none = await modelci(repo, ['train', '--no-record']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/\(not kept in git\)/);
    expect(runRefs(repo).size).toBe(1);
    // Outside a git checkout the training still works, and says where the record is.
    const plain = tempDir('modelci-plain-');
    writeFileSync(join(plain, 'modelci.yaml'), config());
    writeFileSync(join(plain, 'train.sh'), readFileSync(join(repo, 'train.sh')));
    const p = await modelci(plain, ['train']);
    expect(p.code).toBe(0);
    expect(p.stderr).toContain('is not a git checkout: the run is kept in run.json only');
  });
});

describe('pushing by default on a runner', () => {
  function runnerEnv(event: string, payload: object, workspace: string): NodeJS.ProcessEnv {
    const file = join(tempDir('modelci-event-'), 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    return {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: file,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_RUN_ID: '77',
      GITHUB_REF: 'refs/heads/main',
    };
  }

  it('push events push, a fork never does, --no-push wins', async () => {
    const { origin, repo } = project();
    const push = await modelci(
      repo,
      ['train'],
      runnerEnv('push', { ref: 'refs/heads/main' }, repo),
    );
    expect(push.code).toBe(0);
    expect(runRefs(origin).size).toBe(1);
    const ref = [...runRefs(origin).keys()][0]!;
    expect(show(repo, ref).ci).toEqual({
      event: 'push',
      actor: 'tester',
      run_url: 'https://github.com/acme/models/actions/runs/77',
    });
    const fork = {
      pull_request: {
        number: 5,
        head: { ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: 'mallory/models' } },
        base: { ref: 'main', repo: { full_name: 'acme/models' } },
      },
    };
    const pr = await modelci(repo, ['train'], runnerEnv('pull_request', fork, repo));
    expect(pr.code).toBe(0);
    expect(runRefs(origin).size).toBe(1);
    expect(runRefs(repo).size).toBe(2);
    const prRun = [...runRefs(repo).keys()].find((k) => k !== ref)!;
    expect(show(repo, prRun)).toMatchObject({
      parent: ref.split('/').pop(),
      code: { branch: 'feature' },
      ci: { event: 'pull_request', pull_request: 5, head_sha: 'a'.repeat(40) },
    });
    const off = await modelci(repo, ['train', '--no-push'], runnerEnv('push', {}, repo));
    expect(off.code).toBe(0);
    expect(runRefs(origin).size).toBe(1);
    expect(runRefs(repo).size).toBe(3);
  });

  it('a push that fails on its own is a warning; one asked for is an error', async () => {
    const { repo } = project();
    git(repo, 'remote', 'set-url', 'origin', join(tempDir('modelci-gone-'), 'missing.git'));
    const auto = await modelci(repo, ['train'], runnerEnv('schedule', {}, repo));
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(
      /modelci train: warning: run \S+ was recorded here but not pushed: git push failed/,
    );
    const asked = await modelci(repo, ['train', '--push']);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/modelci train: error: git push failed/);
    expect(runRefs(repo).size).toBe(2);
  });
});

describe('racing writers', () => {
  it('parallel trainings, in one clone and in many, never collide', async () => {
    const { origin, repo } = project();
    const clones = Array.from({ length: 4 }, () => clone(origin));
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        modelci(repo, ['train', '--push', '--output-dir', join(tempDir('modelci-out-'), 'o')]),
      ),
      ...clones.map((c) => modelci(c, ['train', '--push'])),
    ]);
    for (const r of results) expect(r.stderr).not.toMatch(/error/);
    expect(results.map((r) => r.code)).toEqual(Array(8).fill(0));
    const onOrigin = runRefs(origin);
    expect(onOrigin.size).toBe(8);
    // Every ref on origin is the commit its writer made.
    for (const [ref, sha] of runRefs(repo)) expect(onOrigin.get(ref)).toBe(sha);
    for (const c of clones)
      for (const [ref, sha] of runRefs(c)) expect(onOrigin.get(ref)).toBe(sha);
  }, 300_000);
});
