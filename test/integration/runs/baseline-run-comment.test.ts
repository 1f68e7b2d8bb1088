// The PR comment links the run that trained the registered baseline, not only this PR's run: main
// trains in a workflow run (so its run record carries the run's URL), registers the model from
// that run and promotes it to staging; a pull request trains, evaluates against staging and the
// comment action (the bundle, on the GitHub stand-in) posts a "what changed" section that names
// the baseline version and links its run.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../harness/github/index.js';
import { runAction } from '../../harness/runner.js';
import { clone, git, ok, pullRequest, trainAndEvaluate, trainerOrigin } from './project.js';

const REPO = 'acme/models';
const MAIN_RUN_URL = 'https://github.com/acme/models/actions/runs/4242';

let gh: GitHubServer;
let origin: string;
let mainRun: { id: string; out: string; file: string };
let mainCommit: string;

beforeAll(async () => {
  gh = await startGitHubServer();
  origin = trainerOrigin();
  const main = clone(origin);
  mainCommit = git(main, 'rev-parse', 'HEAD').trim();
  // A workflow run on main: the run record keeps its URL.
  const ci = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: '4242',
  };
  mainRun = await trainAndEvaluate(main, { push: true, env: ci });
  const artifact = join(mainRun.out, 'model.onnx');
  const report = join(mainRun.out, 'evaluation.json');
  await ok(main, ['register', '--model', 'churn', '--artifact', artifact, '--report', report]);
  await ok(main, ['promote', '--model', 'churn', '--stage', 'staging', '--version', 'latest']);
  git(main, 'push', '--quiet', 'origin', 'HEAD:main');
}, 300_000);

afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
});

describe("the PR comment links the registered baseline's training run", () => {
  it('the what-changed section names the baseline version and links the run that trained it', async () => {
    const pr = pullRequest(origin, 'larger-c', 2);
    const prRun = await trainAndEvaluate(pr, { evaluate: ['--baseline', 'staging'] });
    const version = git(pr, 'ls-tree', '--name-only', 'HEAD', 'registry/churn/versions/')
      .trim()
      .replace(/^.*\/(.*)\.yaml$/, '$1');
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);

    const { pull } = gh.state.repo(REPO).addPull({ title: 'C = 2', head: 'larger-c' });
    const r = await runAction('comment', {
      apiUrl: gh.url,
      repository: REPO,
      cwd: pr,
      workflow: 'PR',
      eventName: 'pull_request',
      event: {
        action: 'synchronize',
        number: pull.number,
        pull_request: { number: pull.number, head: { sha: pull.head.sha }, base: { ref: 'main' } },
      },
      ...(pull.mergeCommitSha ? { sha: pull.mergeCommitSha } : {}),
      inputs: {
        report: join(prRun.out, 'evaluation.json'),
        run: join(prRun.out, 'run.json'),
      },
    });
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    const [comment] = gh.state.repo(REPO).commentsOn(pull.number);
    const body = comment!.body;
    // The base branch's run (fetched from origin by the action) and this PR's run, as before.
    expect(body).toContain(`This PR's run \`${prRun.id}\``);
    expect(body).toContain(`against **main** run [\`${mainRun.id}\`](${MAIN_RUN_URL})`);
    // And the registered baseline: which version, which run trained it, linked to its workflow run.
    expect(body).toContain(
      `The registered baseline, **staging** version \`${version}\`, was trained by run [\`${mainRun.id}\`](${MAIN_RUN_URL}) @ ${mainCommit.slice(0, 7)}.`,
    );
  });

  it("a baseline whose run is not here is named, with how to get it (the comment's run store lacks it)", async () => {
    const pr = pullRequest(origin, 'no-fetch', 2);
    const prRun = await trainAndEvaluate(pr, { evaluate: ['--baseline', 'staging'] });
    const md = await ok(pr, [
      'comment',
      '--report',
      join(prRun.out, 'evaluation.json'),
      '--run',
      join(prRun.out, 'run.json'),
      '--no-fetch-runs',
    ]);
    expect(md).toMatch(
      new RegExp(
        `The registered baseline, \\*\\*staging\\*\\* version \`\\d+\\.\\d+\\.\\d+\`, was trained by run \`${mainRun.id}\` \\(not among the runs here: \`modelci runs fetch\` brings it\\)\\.`,
      ),
    );
  });
});
