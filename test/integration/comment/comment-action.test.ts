import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIONS_TOKEN,
  GITHUB_ACTIONS_BOT,
  startGitHubServer,
  user,
  type GitHubServer,
} from '../../harness/github/index.js';
import { runAction, type RunActionOptions } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// The bundled comment action (actions/comment/dist/index.js) in a child process, as the runner
// runs it, against the GitHub stand-in. Every test uses its own PR so they stay independent.
const REPO = 'acme/models';
const MARKER = '<!-- modelci:comment model=churn workflow=PR -->';

let gh: GitHubServer;
let ws: string;

function workspace(files: Record<string, string>): string {
  const dir = tempDir('modelci-comment-ws-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(async () => {
  gh = await startGitHubServer();
  ws = workspace({
    'modelci.yaml': 'version: 1\nmodels:\n  churn:\n    primary_metric: roc_auc\n',
    'base.json': '{"test": {"accuracy": 0.93, "recall": 0.943, "roc_auc": 0.986}}',
    'head.json': '{"test": {"accuracy": 0.972, "recall": 0.925, "roc_auc": 0.995}}',
    'head2.yaml': 'test:\n  accuracy: 0.98\n  recall: 0.95\n  roc_auc: 0.996\n',
  });
});

afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
});

function newPull(title: string) {
  return gh.state.repo(REPO).addPull({ title, head: title.replace(/\W+/g, '-').toLowerCase() });
}

function pullRequestEvent(pull: {
  number: number;
  head: { sha: string };
  mergeCommitSha: string | null;
}) {
  return {
    eventName: 'pull_request',
    event: {
      action: 'synchronize',
      number: pull.number,
      pull_request: { number: pull.number, head: { sha: pull.head.sha } },
    },
    sha: pull.mergeCommitSha ?? undefined,
  } satisfies Partial<RunActionOptions>;
}

function run(opts: Partial<RunActionOptions> & { inputs?: Record<string, string> }) {
  return runAction('comment', {
    apiUrl: gh.url,
    repository: REPO,
    cwd: ws,
    workflow: 'PR',
    ...opts,
    inputs: { base: 'base.json', head: 'head.json', ...opts.inputs },
  });
}

function comments(issue: number) {
  return gh.state.repo(REPO).commentsOn(issue);
}

describe('comment action', () => {
  it('creates the comment on the first run and updates the same one on the second', async () => {
    const { pull } = newPull('Tune C');
    const first = await run(pullRequestEvent(pull));
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.outputs.regressions).toBe('1');
    const [c] = comments(pull.number);
    expect(comments(pull.number)).toHaveLength(1);
    expect(first.outputs['comment-id']).toBe(String(c!.id));
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${c!.id}`);
    expect(c!.user.login).toBe('github-actions[bot]');
    expect(c!.body.startsWith(MARKER)).toBe(true);
    expect(c!.body).toContain('| test.recall | 0.943 | 0.925 | -0.018 | -1.91% | ❌ worse |');
    // The footer names the PR head, not the merge commit GITHUB_SHA points at.
    expect(c!.body).toContain(`commit [${pull.head.sha.slice(0, 7)}]`);
    expect(c!.body).not.toContain(pull.mergeCommitSha!.slice(0, 7));
    // Always a job summary; the token is masked.
    expect(first.summary).toContain('| test.accuracy | 0.93 | 0.972 |');
    expect(first.masks).toContain(ACTIONS_TOKEN);

    const second = await run({ ...pullRequestEvent(pull), inputs: { head: 'head2.yaml' } });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['comment-id']).toBe(String(c!.id));
    expect(second.outputs.regressions).toBe('0');
    expect(comments(pull.number)).toHaveLength(1);
    expect(comments(pull.number)[0]!.body).toContain('| test.recall | 0.943 | 0.95 |');
    expect(gh.state.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1);
    // An installation token (ghs_) is refused GET /user: the re-run asks GraphQL straight away.
    expect(gh.state.requestsTo('GET', /\/user$/)).toHaveLength(0);
    expect(gh.state.requestsTo('POST', /\/graphql$/).length).toBeGreaterThan(0);
  });

  it('never edits a look-alike comment by someone else', async () => {
    const { pull } = newPull('Look alike');
    const repo = gh.state.repo(REPO);
    const fake = repo.addComment(pull.number, `${MARKER}\nfake numbers`, user('mallory'));
    const first = await run(pullRequestEvent(pull));
    expect(first.exitCode).toBe(0);
    expect(comments(pull.number)).toHaveLength(2);
    expect(repo.comments.get(fake.id)!.body).toBe(`${MARKER}\nfake numbers`);
    expect(first.outputs['comment-id']).not.toBe(String(fake.id));
    const second = await run(pullRequestEvent(pull));
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(comments(pull.number)).toHaveLength(2);
    expect(repo.comments.get(fake.id)!.body).toBe(`${MARKER}\nfake numbers`);
  });

  it('finds its comment past the first page of comments', async () => {
    const { pull } = newPull('Busy thread');
    const repo = gh.state.repo(REPO);
    for (let i = 0; i < 130; i++) repo.addComment(pull.number, `comment ${i}`, user('reviewer'));
    const mine = repo.addComment(pull.number, `${MARKER}\nold`, GITHUB_ACTIONS_BOT);
    const r = await run(pullRequestEvent(pull));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['comment-id']).toBe(String(mine.id));
    expect(repo.comments.get(mine.id)!.body).toContain('test.accuracy');
    expect(comments(pull.number)).toHaveLength(131);
  });

  it('ends with exactly one comment through 500, 502, 403 secondary limits and 429', async () => {
    const { pull } = newPull('Flaky API');
    gh.faults.inject({
      method: 'GET',
      path: new RegExp(`/issues/${pull.number}/comments`),
      status: 500,
    });
    gh.faults.inject({
      method: 'POST',
      path: new RegExp(`/issues/${pull.number}/comments$`),
      status: 502,
    });
    gh.faults.inject({
      method: 'GET',
      path: new RegExp(`/issues/${pull.number}/comments`),
      status: 429,
      retryAfter: 1,
    });
    const r = await run(pullRequestEvent(pull));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(gh.faults.pending()).toEqual([]);
    expect(comments(pull.number)).toHaveLength(1);
    expect(r.outputs['comment-id']).toBe(String(comments(pull.number)[0]!.id));
    // The re-run asks who the token is (only then does it matter) and edits: fault both.
    gh.faults.inject({ method: 'POST', path: /\/graphql$/, status: 403, retryAfter: 1 });
    gh.faults.inject({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 502 });
    const again = await run({ ...pullRequestEvent(pull), inputs: { head: 'head2.yaml' } });
    expect(again.exitCode).toBe(0);
    expect(gh.faults.pending()).toEqual([]);
    expect(comments(pull.number)).toHaveLength(1);
    expect(comments(pull.number)[0]!.body).toContain('0.95');
  });

  it('comments on the PR given by input under workflow_run (fork-safe pattern)', async () => {
    const { pull } = newPull('From a fork');
    const r = await run({
      eventName: 'workflow_run',
      event: { workflow_run: { head_sha: pull.head.sha, pull_requests: [] } },
      inputs: { pr: String(pull.number) },
    });
    expect(r.exitCode).toBe(0);
    expect(comments(pull.number)).toHaveLength(1);
    expect(comments(pull.number)[0]!.body).toContain(`commit [${pull.head.sha.slice(0, 7)}]`);
  });

  it("with check-run: the report's gate verdict as a check run on the head commit of the workflow_run", async () => {
    const { pull } = newPull('Check run from a report');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      join(ws, 'report.json'),
      readFileSync('test/fixtures/report/evaluation-report.json'),
    );
    const r = await run({
      eventName: 'workflow_run',
      sha: '9'.repeat(40),
      event: { workflow_run: { head_sha: pull.head.sha, pull_requests: [] } },
      inputs: {
        pr: String(pull.number),
        report: 'report.json',
        'check-run': 'true',
        base: '',
        head: '',
      },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const runs = [...gh.state.repo(REPO).checkRuns.values()].filter(
      (c) => c.headSha === pull.head.sha,
    );
    expect(runs).toHaveLength(1);
    expect(r.outputs['check-run-id']).toBe(String(runs[0]!.id));
    // The fixture's gates failed: the check says so.
    expect([runs[0]!.name, runs[0]!.conclusion]).toEqual(['modelci/churn', 'failure']);
    expect(
      [...gh.state.repo(REPO).checkRuns.values()].filter((c) => c.headSha === '9'.repeat(40)),
    ).toEqual([]);
  });

  it('refuses a PR number from the artifact that does not belong to the workflow_run', async () => {
    const { pull: victim } = newPull('Someone elses PR');
    const r = await run({
      eventName: 'workflow_run',
      event: { workflow_run: { head_sha: 'f'.repeat(40), pull_requests: [] } },
      inputs: { pr: String(victim.number) },
    });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `pull request #${victim.number} is at ${victim.head.sha.slice(0, 7)}, but this workflow_run is for commit fffffff. The \`pr\` input came from the triggering run and does not belong to it; nothing was posted`,
    ]);
    expect(comments(victim.number)).toHaveLength(0);
  });

  it('finds the PR from the head commit when the event does not name it', async () => {
    const { pull } = newPull('Pushed branch');
    const r = await run({ eventName: 'push', event: {}, sha: pull.head.sha });
    expect(r.exitCode).toBe(0);
    expect(comments(pull.number)).toHaveLength(1);
    expect(gh.state.requestsTo('GET', new RegExp(`/commits/${pull.head.sha}/pulls`))).toHaveLength(
      1,
    );
  });

  it('warns, writes the summary and succeeds when there is no PR', async () => {
    const before = gh.state.requestsTo('POST', /\/comments$/).length;
    const r = await run({ eventName: 'push', event: {}, sha: 'a'.repeat(40) });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['comment-id']).toBe('');
    expect(r.outputs.regressions).toBe('1');
    const warnings = r.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^no pull request found for this run \(event push, commit aaaaaaa\)/,
    );
    expect(r.summary).toContain('| test.recall |');
    expect(gh.state.requestsTo('POST', /\/comments$/)).toHaveLength(before);
  });

  describe('bad input fails with one line and exit code 1', () => {
    const cases: [string, Record<string, string>, Record<string, string>, RegExp][] = [
      [
        'a missing file',
        { head: 'missing.json' },
        {},
        /^missing\.json: file not found\. Check the path/,
      ],
      [
        'malformed YAML',
        { head: 'bad.yaml' },
        { 'bad.yaml': 'test:\n  auc: [0.9\n' },
        /^bad\.yaml: row \d+, column \d+: invalid YAML: /,
      ],
      [
        'empty metrics',
        { head: 'empty.json' },
        { 'empty.json': '{}' },
        /^empty\.json: no metrics in file/,
      ],
      [
        'a config key of the wrong type',
        { config: 'wrong.yaml' },
        { 'wrong.yaml': 'version: 1\nmetrics:\n  tolerance: lots\n' },
        /^wrong\.yaml: metrics\.tolerance: must be a number \(got "lots"\)/,
      ],
      [
        'a bad pr number',
        { pr: 'abc' },
        {},
        /^input "pr" must be a pull request number \(got "abc"\)$/,
      ],
    ];
    for (const [what, inputs, files, message] of cases)
      it(what, async () => {
        for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, name), text);
        const r = await run({ inputs, eventName: 'push', event: {} });
        expect(r.exitCode).toBe(1);
        const errors = r.annotations.filter((a) => a.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]!.message).toMatch(message);
        expect(errors[0]!.message).not.toContain('\n');
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
      });
  });
});
