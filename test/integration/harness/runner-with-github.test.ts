import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../harness/github/index.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

const modulePath = (p: string) =>
  pathToFileURL(fileURLToPath(new URL(`../../../node_modules/${p}`, import.meta.url))).href;

// An action that finds its PR the way real actions do (@actions/github's context from
// GITHUB_EVENT_PATH, GITHUB_API_URL for the client) and comments on it: proves the runner's
// environment and the stand-in fit together.
const INDEX = `import * as core from ${JSON.stringify(modulePath('@actions/core/lib/core.js'))};
import * as github from ${JSON.stringify(modulePath('@actions/github/lib/github.js'))};
const octokit = github.getOctokit(core.getInput('token'));
const { owner, repo, number } = github.context.issue;
const made = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: 'sha ' + github.context.payload.pull_request.head.sha });
core.setOutput('comment-id', String(made.data.id));
core.setOutput('author', made.data.user.login);
`;

describe('runAction against the GitHub stand-in', () => {
  let gh: GitHubServer;
  let dir: string;
  beforeAll(async () => {
    gh = await startGitHubServer();
    dir = tempDir('modelci-gh-action-');
    writeFileSync(
      join(dir, 'action.yml'),
      'name: t\ninputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: node24\n  main: index.mjs\n',
    );
    writeFileSync(join(dir, 'index.mjs'), INDEX);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await gh.close();
  });

  it('comments on the pull request of a pull_request event as github-actions[bot]', async () => {
    const { pull } = gh.state.repo('acme/models').addPull({ title: 'Retrain', head: 'feat' });
    const r = await runAction(dir, {
      apiUrl: gh.url,
      repository: 'acme/models',
      eventName: 'pull_request',
      event: gh.events.pullRequest('acme/models', pull.number),
      sha: pull.mergeCommitSha ?? undefined,
      ref: `refs/pull/${pull.number}/merge`,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const comments = gh.state.repo('acme/models').commentsOn(pull.number);
    expect(comments.map((c) => [c.id, c.body, c.user.login])).toEqual([
      [Number(r.outputs['comment-id']), `sha ${pull.head.sha}`, 'github-actions[bot]'],
    ]);
    expect(r.outputs.author).toBe('github-actions[bot]');
    gh.assertNoViolations();
  });
});
