// The registry's GitHub side against the stand-in: required checks, promotion pull requests,
// release-asset artifacts, and the bundled register/promote actions run as the runner runs them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPromote } from '../../../src/commands/promote.js';
import { runRegister } from '../../../src/commands/register.js';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import { openRegistry } from '../../../src/registry/index.js';
import { ACTIONS_TOKEN, startGitHubServer, type GitHubServer } from '../../harness/github/index.js';
import { runAction } from '../../harness/runner.js';
import { clone, git, gitEnv, makeOrigin, onnxModel, tempDir } from './git-fixture.js';
import { errorOf } from '../../harness/error-of.js';

const REPO = 'acme/models';
let gh: GitHubServer;
let client: GitHubClient;

beforeEach(async () => {
  gh = await startGitHubServer();
  client = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url, retries: 0 });
});
afterEach(async () => {
  gh.assertNoViolations();
  await gh.close();
});

async function setup(versions = 1) {
  const origin = makeOrigin();
  const repo = clone(origin);
  const art = tempDir('modelci-art-');
  const registry = join(repo, 'registry');
  for (let i = 0; i < versions; i++)
    await runRegister({
      registry,
      model: 'churn',
      artifact: onnxModel(art, `m${i}.onnx`, i + 1),
      push: true,
      env: gitEnv,
    });
  return { origin, repo, art, registry, github: { client, repository: REPO } };
}

describe('registry on GitHub (stand-in)', () => {
  it('promotes only when every required check run and commit status on the version commit is green', async () => {
    const { registry, github } = await setup();
    const sha = openRegistry(registry).getVersion('churn', '0.1.0').lineage.commit!;
    const [owner, repo] = REPO.split('/') as [string, string];
    await client.rest.checks.create({
      owner,
      repo,
      name: 'test',
      head_sha: sha,
      status: 'completed',
      conclusion: 'success',
    });
    await client.rest.checks.create({
      owner,
      repo,
      name: 'lint',
      head_sha: sha,
      status: 'completed',
      conclusion: 'failure',
    });
    await client.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'pending',
      context: 'e2e',
    });
    // Only the checks rule here: the version has no evaluation and skips staging.
    const config = {
      required_checks: ['test', 'lint', 'e2e', 'security'],
      require_previous_stage: false,
      require_evaluation: false,
    };
    const opts = {
      registry,
      model: 'churn',
      stage: 'production',
      version: '0.1.0',
      config,
      github,
      env: gitEnv,
      push: true,
    };
    const e = await errorOf(runPromote(opts));
    expect(e.message).toBe(
      `cannot promote churn 0.1.0 to production: required check "lint" is failure (check run concluded failure) on ${sha.slice(0, 12)}; required check "e2e" is pending (status pending) on ${sha.slice(0, 12)}; required check "security" is not reported on ${sha.slice(0, 12)}`,
    );
    await client.rest.checks.create({
      owner,
      repo,
      name: 'lint',
      head_sha: sha,
      status: 'completed',
      conclusion: 'success',
    });
    await client.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'success',
      context: 'e2e',
    });
    await client.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'success',
      context: 'security',
    });
    expect((await runPromote(opts)).status).toBe('moved');
  });

  it('opens one promotion pull request per model and stage, updates it, and leaves the checkout alone', async () => {
    const { origin, repo, registry, github } = await setup(2);
    const head = 'modelci/promote/churn/production';
    // On GitHub the push creates the branch; the stand-in has no git behind it, so seed the ref.
    gh.state.repo(REPO).branchSha(head, true);
    const before = git(repo, 'rev-parse', 'HEAD');
    const opts = {
      registry,
      model: 'churn',
      stage: 'production',
      mode: 'pull-request' as const,
      github,
      env: gitEnv,
      config: { require_previous_stage: false, require_evaluation: false },
    };
    const a = await runPromote({ ...opts, version: '0.1.0' });
    expect(a.status).toBe('pull-request');
    expect(a.pullRequest).toMatchObject({ action: 'created', branch: head });
    expect(git(origin, 'show', `${head}:registry/churn/stages/production.yaml`)).toMatch(
      /^version: 0\.1\.0$/m,
    );
    expect(git(origin, 'rev-parse', `${head}~1`)).toBe(git(origin, 'rev-parse', 'main'));
    const again = await runPromote({ ...opts, version: '0.1.0' });
    expect(again.pullRequest).toMatchObject({
      action: 'unchanged',
      number: a.pullRequest!.number,
    });
    const other = await runPromote({ ...opts, version: '0.2.0' });
    expect(other.pullRequest).toMatchObject({ action: 'updated', number: a.pullRequest!.number });
    expect(git(origin, 'show', `${head}:registry/churn/stages/production.yaml`)).toMatch(
      /^version: 0\.2\.0$/m,
    );
    const [owner, name] = REPO.split('/') as [string, string];
    const { data: pulls } = await client.rest.pulls.list({ owner, repo: name, state: 'open' });
    expect(pulls.map((p) => [p.number, p.title, p.head.ref])).toEqual([
      [a.pullRequest!.number, 'Promote churn 0.2.0 to production', head],
    ]);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(before);
    expect(openRegistry(registry).getStage('churn', 'production')).toBeUndefined();
  });

  it('stores artifacts as release assets and verifies them on read', async () => {
    const { repo, art, github } = await setup(0);
    const registry = join(repo, 'registry');
    const artifact = onnxModel(art, 'big.onnx', 7);
    const r = await runRegister({
      registry,
      model: 'churn',
      artifact,
      github,
      env: gitEnv,
      config: { store: { type: 'github-release', repository: REPO } },
    });
    expect(r.artifact.uri).toMatch(
      /^github-release:acme\/models\/modelci-artifacts\/churn-[0-9a-f]{16}-big\.onnx$/,
    );
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual([
      'registry/churn/model.yaml',
      'registry/churn/versions/0.1.0.yaml',
    ]);
    const reg = openRegistry(registry, { github, cacheDir: tempDir('modelci-cache-') });
    const path = await reg.readArtifact(reg.getVersion('churn', '0.1.0'));
    expect(git(repo, 'hash-object', path)).toBe(git(repo, 'hash-object', artifact));
  });

  it('runs the bundled register and promote actions', async () => {
    const { repo, art } = await setup(0);
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    const common = { cwd: repo, apiUrl: gh.url, repository: REPO, sha, ref: 'refs/heads/main' };
    const reg = await runAction('register', {
      ...common,
      inputs: { model: 'churn', artifact: onnxModel(art, 'a.onnx', 1) },
    });
    expect(reg.exitCode, reg.stdout + reg.stderr).toBe(0);
    expect(reg.outputs).toMatchObject({ version: '0.1.0', status: 'registered' });
    expect(reg.summary).toContain('Registered churn 0.1.0');
    const pro = await runAction('promote', {
      ...common,
      inputs: { model: 'churn', stage: 'staging', version: 'latest', reason: 'smoke ok' },
    });
    expect(pro.exitCode, pro.stdout + pro.stderr).toBe(0);
    expect(pro.outputs).toMatchObject({ version: '0.1.0', previous: '', status: 'moved' });
    expect(pro.masks).toContain(ACTIONS_TOKEN);
    const bad = await runAction('promote', {
      ...common,
      inputs: { model: 'churn', stage: 'prod', version: '0.1.0' },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(
      '::error::unknown stage "prod". Configured stages: staging, production',
    );
  });
});
