import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_TOKEN, startGitHubServer } from '../../harness/github/index.js';
import { runCli } from '../../harness/cli.js';
import { runAction } from '../../harness/runner.js';
import { rng } from '../../harness/random.js';
import { tempDir } from '../../harness/temp.js';

// The bundled drift action against the GitHub stand-in, with a real bare repository as origin.
// A post-receive hook tells the stand-in about pushed branches, as GitHub's own refs would.

const REPO = 'acme/models';
const BRANCH = 'modelci/retrain/churn';
let gh: Awaited<ReturnType<typeof startGitHubServer>>;
let origin: string;
let workspace: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    // git's stderr goes into the error when it fails, not into the test output when it warns.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

function data(n: number, seed: number, shift: number): string {
  const r = rng(seed);
  const lines = ['age,plan,score'];
  for (let i = 0; i < n; i++) {
    const age = 30 + shift * 10 + (r() + r() + r() - 1.5) * 10;
    const plan = r() < 0.5 + shift * 0.3 ? 'basic' : r() < 0.5 ? 'pro' : 'team';
    lines.push(`${age.toFixed(2)},${plan},${(r() + shift).toFixed(3)}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  gh = await startGitHubServer();
  const root = tempDir('modelci-retrain-');
  origin = join(root, 'origin.git');
  git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
  const seed = join(root, 'seed');
  git(root, 'clone', '--quiet', origin, seed);
  writeFileSync(join(seed, 'README.md'), '# models\n');
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'init');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  // Installed after the seed push: a hook run from this (blocked) process could not reach the
  // stand-in, which runs in this process too. The actions push from child processes.
  const hook = join(origin, 'hooks', 'post-receive');
  writeFileSync(
    hook,
    `#!${process.execPath}
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\\n').filter(Boolean);
(async () => {
  for (const line of lines) {
    const [, sha, ref] = line.split(' ');
    const api = ${JSON.stringify(`${gh.url}/repos/${REPO}/git/refs`)};
    const headers = { authorization: 'token ${ACTIONS_TOKEN}', 'content-type': 'application/json' };
    const short = ref.replace(/^refs\\//, '');
    let r = await fetch(api + '/' + short, { method: 'PATCH', headers, body: JSON.stringify({ sha, force: true }) });
    if (r.status === 422) r = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ ref, sha }) });
    if (!r.ok) { console.error('hook: ' + r.status + ' ' + (await r.text())); process.exit(1); }
  }
})();
`,
  );
  chmodSync(hook, 0o755);
  workspace = join(root, 'ws');
  git(root, 'clone', '--quiet', origin, workspace);
  writeFileSync(join(workspace, 'ref.csv'), data(400, 1, 0));
  writeFileSync(join(workspace, 'week1.csv'), data(300, 2, 1));
  writeFileSync(join(workspace, 'week2.csv'), data(300, 3, 1.2));
  writeFileSync(join(workspace, 'week3.csv'), data(300, 4, 0));
  writeFileSync(join(workspace, 'week4.csv'), 'age,plan,score\n');
});

afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
});

async function check(current: string, window: string, extra: Record<string, string> = {}) {
  const r = await runAction('drift', {
    inputs: {
      ...extra,
      reference: 'ref.csv',
      current,
      model: 'churn',
      'retrain-workflow': 'retrain.yml',
      'data-window': window,
      history: 'history.json',
    },
    apiUrl: gh.url,
    repository: REPO,
    cwd: workspace,
    runId: `run-${window}`,
  });
  if (r.exitCode !== 0) throw new Error(`drift action failed: ${r.stdout}\n${r.stderr}`);
  return r;
}

const repo = () => gh.state.repo(REPO);
const openPulls = () =>
  [...repo().pulls.values()].filter((p) => repo().issues.get(p.number)?.state === 'open');

describe('retraining pull request (bundled drift action, stand-in GitHub, bare git origin)', () => {
  it('drift found: opens one PR on modelci/retrain/<model> with retrain.yaml and the report, dispatches training', async () => {
    const r = await check('week1.csv', 'w1');
    expect(r.outputs.drifted).toBe('true');
    expect(r.outputs.retrain).toBe('created');
    expect(r.summary).toMatch(/Drift detected/);
    expect(r.summary).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta/);
    expect(openPulls()).toHaveLength(1);
    const pull = openPulls()[0]!;
    expect(pull.head.ref).toBe(BRANCH);
    expect(String(pull.number)).toBe(r.outputs['pull-request']);
    expect(repo().issues.get(pull.number)!.body).toMatch(
      /retrain\.yml` was started on this branch/,
    );
    const yaml = git(origin, 'show', `${BRANCH}:registry/churn/retrain.yaml`);
    expect(yaml).toMatch(/^model: churn$/m);
    expect(yaml).toMatch(/^data_window: w1$/m);
    expect(yaml).toMatch(/run_url: .*actions\/runs\/run-w1/);
    expect(yaml).toMatch(/- name: age/);
    expect(git(origin, 'show', `${BRANCH}:registry/churn/drift-report.md`)).toMatch(
      /\| age \| numeric \| ks \|/,
    );
    expect(git(origin, 'rev-parse', `${BRANCH}~1`)).toBe(git(origin, 'rev-parse', 'main'));
    expect(repo().dispatches).toEqual([
      expect.objectContaining({ workflowId: 'retrain.yml', ref: BRANCH }),
    ]);
    // The workflow's own checkout is untouched.
    expect(git(workspace, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(git(workspace, 'branch', '--show-current')).toBe('main');
  });

  it('drift again: updates the same PR (branch force-pushed, body replaced) instead of opening another', async () => {
    const before = git(origin, 'rev-parse', BRANCH);
    const r = await check('week2.csv', 'w2');
    expect(r.outputs.retrain).toBe('updated');
    expect(openPulls()).toHaveLength(1);
    expect(repo().pulls.size).toBe(1);
    expect(git(origin, 'rev-parse', BRANCH)).not.toBe(before);
    expect(git(origin, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(git(origin, 'show', `${BRANCH}:registry/churn/retrain.yaml`)).toMatch(
      /^data_window: w2$/m,
    );
    expect(repo().issues.get(openPulls()[0]!.number)!.body).toMatch(/Data window: `w2`/);
    expect(repo().dispatches).toHaveLength(2);
    expect(r.summary).toMatch(/### Trend/);
  });

  it('drift gone: the open PR gets one comment and stays open', async () => {
    const r = await check('week3.csv', 'w3');
    expect(r.outputs.drifted).toBe('false');
    expect(r.outputs.retrain).toBe('commented');
    const pull = openPulls()[0]!;
    const comments = repo().commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/found \*\*no drift\*\*/);
    const again = await check('week3.csv', 'w3b');
    expect(again.outputs.retrain).toBe('already-commented');
    expect(repo().commentsOn(pull.number)).toHaveLength(1);
    expect(openPulls()).toHaveLength(1);
  });

  it('empty current window: no PR change, a clear message', async () => {
    const pullsBefore = repo().pulls.size;
    const r = await check('week4.csv', 'w4');
    expect(r.outputs.retrain).toBe('skipped-empty');
    expect(r.outputs.drifted).toBe('false');
    expect(r.stdout).toMatch(/current window \(week4\.csv\) is empty/);
    expect(repo().pulls.size).toBe(pullsBefore);
    expect(repo().commentsOn(openPulls()[0]!.number)).toHaveLength(1);
  });

  it('writes the request under registry.path, not a hard-coded registry/ folder', async () => {
    writeFileSync(
      join(workspace, 'ml.yaml'),
      'version: 1\nmodels:\n  churn: {}\nregistry:\n  path: ml/registry\n',
    );
    const r = await check('week2.csv', 'w5', { config: 'ml.yaml' });
    expect(r.outputs.retrain).toBe('updated');
    expect(git(origin, 'show', `${BRANCH}:ml/registry/churn/retrain.yaml`)).toMatch(
      /^data_window: w5$/m,
    );
    expect(git(origin, 'ls-tree', '-r', '--name-only', BRANCH)).not.toMatch(/^registry\//m);
    expect(repo().issues.get(openPulls()[0]!.number)!.body).toContain(
      'commits `ml/registry/churn/retrain.yaml` (the request)',
    );
  });
});

describe('modelci drift --retrain from a terminal (the bundled CLI, same command as the action)', () => {
  it('opens the retraining pull request of another model with the token from GITHUB_TOKEN', async () => {
    const { spawn } = await import('node:child_process');
    const cli = join(process.cwd(), 'dist/cli/index.js');
    const run = (args: string[], env: Record<string, string>) =>
      // Asynchronous: the stand-in in this process answers the CLI and the push hook.
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, ...args], {
          cwd: workspace,
          env: { ...process.env, ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const args = [
      'drift',
      '--reference',
      'ref.csv',
      '--current',
      'week1.csv',
      '--model',
      'fraud',
      '--retrain',
      '--json',
    ];
    const none = await run(args, { GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: REPO });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /the retraining pull request needs a GitHub token\. Set GITHUB_TOKEN/,
    );
    const r = await run(args, {
      GH_TOKEN: ACTIONS_TOKEN,
      GITHUB_TOKEN: '',
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: gh.url,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).drifted).toBe(true);
    expect(r.stderr).toMatch(/retraining pull request: created http/);
    const pull = [...repo().pulls.values()].find((p) => p.head.ref === 'modelci/retrain/fraud');
    expect(pull).toBeDefined();
    expect(git(origin, 'show', 'modelci/retrain/fraud:registry/fraud/retrain.yaml')).toMatch(
      /^model: fraud$/m,
    );
  });
});

describe('a schema break in the window (issue 19): reported as such, and the pull request says so', () => {
  it('a column that stops being numbers is not tested for drift; the PR is about the pipeline, not drift', async () => {
    const inferred = runCli(
      ['contract', 'infer', '--data', 'ref.csv', '--out', 'billing.yaml'],
      workspace,
    );
    expect(inferred.code, inferred.stderr).toBe(0);
    // The same population as the reference (no drift), but an upstream change wrote units into score.
    const rows = data(300, 5, 0).trim().split('\n');
    writeFileSync(
      join(workspace, 'week6.csv'),
      rows.map((l, i) => (i > 0 && i % 3 === 0 ? `${l} pts` : l)).join('\n') + '\n',
    );
    const r = await runAction('drift', {
      inputs: {
        reference: 'ref.csv',
        current: 'week6.csv',
        model: 'billing',
        contract: 'billing.yaml',
        'data-window': 'w6',
      },
      apiUrl: gh.url,
      repository: REPO,
      cwd: workspace,
      runId: 'run-w6',
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({
      drifted: 'false',
      'data-checks': 'failed',
      'schema-break': 'score',
      retrain: 'created',
    });
    expect(r.summary).toContain('**Data checks: ❌ failed** (1 error)');
    expect(r.summary).toContain(
      'schema break in "score" (missing or of another type, see the data checks): not tested for drift',
    );
    const pull = [...repo().pulls.values()].find((p) => p.head.ref === 'modelci/retrain/billing')!;
    const issue = repo().issues.get(pull.number)!;
    expect(issue.title).toBe('Retrain billing: schema break in the data, not drift');
    expect(issue.body).toContain(
      'found **schema break, not drift: "score" broke the data contract (missing or of another type); fix the pipeline before retraining; no dataset drift',
    );
    expect(git(origin, 'show', 'modelci/retrain/billing:registry/billing/retrain.yaml')).toMatch(
      /^schema_break:\n {2}- score$/m,
    );
  });
});
