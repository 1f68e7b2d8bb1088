import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import {
  ACTIONS_TOKEN,
  installation,
  startGitHubServer,
  USER_TOKEN,
  type GitHubServer,
} from '../../harness/github/index.js';
import { rejection } from '../../harness/rejection.js';

// Every area of the stand-in through the real client, with its responses checked against the
// OpenAPI description (assertNoViolations after each test).
describe('GitHub stand-in areas', () => {
  let gh: GitHubServer;
  let bot: GitHubClient;
  let person: GitHubClient;
  const o = { owner: 'acme', repo: 'models' };
  beforeAll(async () => {
    gh = await startGitHubServer({
      tokens: { ghs_contents_read: installation({ contents: 'read' }) },
    });
    bot = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url });
    person = createGitHubClient({ token: USER_TOKEN, baseUrl: gh.url });
  });
  afterEach(() => gh.assertNoViolations());
  afterAll(() => gh.close());

  it('repository: default branch', async () => {
    const r = await bot.rest.repos.get(o);
    expect(r.data).toMatchObject({ full_name: 'acme/models', default_branch: 'main' });
  });

  it('git refs: create, get (slashes in names), match, update, delete', async () => {
    const main = await bot.rest.git.getRef({ ...o, ref: 'heads/main' });
    const sha = main.data.object.sha;
    await bot.rest.git.createRef({ ...o, ref: 'refs/heads/modelci/retrain-churn', sha });
    const got = await bot.rest.git.getRef({ ...o, ref: 'heads/modelci/retrain-churn' });
    expect(got.data).toMatchObject({ ref: 'refs/heads/modelci/retrain-churn', object: { sha } });
    const dup = await rejection(
      bot.rest.git.createRef({ ...o, ref: 'refs/heads/modelci/retrain-churn', sha }),
    );
    expect(dup).toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    const matching = await bot.rest.git.listMatchingRefs({ ...o, ref: 'heads/modelci/' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/modelci/retrain-churn']);
    const other = 'b'.repeat(40);
    await bot.rest.git.updateRef({ ...o, ref: 'heads/modelci/retrain-churn', sha: other });
    expect(gh.state.repo('acme/models').refs.get('refs/heads/modelci/retrain-churn')).toBe(other);
    await bot.rest.git.deleteRef({ ...o, ref: 'heads/modelci/retrain-churn' });
    expect(
      (await rejection(bot.rest.git.getRef({ ...o, ref: 'heads/modelci/retrain-churn' }))).status,
    ).toBe(404);
  });

  it('contents: create, read, update with sha, refuse a stale sha, list a folder', async () => {
    const path = 'registry/churn/stages/production.yaml';
    const created = await bot.rest.repos.createOrUpdateFileContents({
      ...o,
      path,
      message: 'Promote churn 1.0.0',
      content: Buffer.from('version: 1.0.0\n').toString('base64'),
    });
    expect(created.status).toBe(201);
    const read = await bot.rest.repos.getContent({ ...o, path });
    const file = read.data as { content: string; sha: string; encoding: string };
    expect(Buffer.from(file.content, 'base64').toString()).toBe('version: 1.0.0\n');
    const stale = await rejection(
      bot.rest.repos.createOrUpdateFileContents({
        ...o,
        path,
        message: 'x',
        content: Buffer.from('version: 2\n').toString('base64'),
        sha: 'c'.repeat(40),
      }),
    );
    expect(stale.status).toBe(409);
    const updated = await bot.rest.repos.createOrUpdateFileContents({
      ...o,
      path,
      message: 'Promote churn 1.1.0',
      content: Buffer.from('version: 1.1.0\n').toString('base64'),
      sha: file.sha,
    });
    expect(updated.status).toBe(200);
    const repo = gh.state.repo('acme/models');
    expect(repo.filesAt('main').get(path)?.content.toString()).toBe('version: 1.1.0\n');
    expect(repo.refs.get('refs/heads/main')).toBe(updated.data.commit.sha);
    const dir = await bot.rest.repos.getContent({ ...o, path: 'registry/churn' });
    expect((dir.data as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([
      ['stages', 'dir'],
    ]);
    const readOnly = createGitHubClient({ token: 'ghs_contents_read', baseUrl: gh.url });
    const denied = await rejection(
      readOnly.rest.repos.createOrUpdateFileContents({
        ...o,
        path: 'x',
        message: 'x',
        content: '',
      }),
    );
    expect(denied).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
  });

  it('deployments: a new success marks the earlier one inactive; auto_inactive false keeps it', async () => {
    const first = await bot.rest.repos.createDeployment({
      ...o,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    const id1 = (first.data as { id: number }).id;
    await bot.rest.repos.createDeploymentStatus({
      ...o,
      deployment_id: id1,
      state: 'success',
      environment_url: 'https://staging.example.com',
    });
    const second = await bot.rest.repos.createDeployment({
      ...o,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    const id2 = (second.data as { id: number }).id;
    await bot.rest.repos.createDeploymentStatus({ ...o, deployment_id: id2, state: 'in_progress' });
    await bot.rest.repos.createDeploymentStatus({ ...o, deployment_id: id2, state: 'success' });
    const s1 = await bot.rest.repos.listDeploymentStatuses({ ...o, deployment_id: id1 });
    expect(s1.data.map((s) => s.state)).toEqual(['inactive', 'success']);
    const third = await bot.rest.repos.createDeployment({
      ...o,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    const id3 = (third.data as { id: number }).id;
    await bot.rest.repos.createDeploymentStatus({
      ...o,
      deployment_id: id3,
      state: 'success',
      auto_inactive: false,
    });
    const s2 = await bot.rest.repos.listDeploymentStatuses({ ...o, deployment_id: id2 });
    expect(s2.data[0]?.state).toBe('success');
    const list = await bot.rest.repos.listDeployments({ ...o, environment: 'staging' });
    expect(list.data.map((d) => d.id)).toEqual([id3, id2, id1]);
    const env = await bot.rest.repos.getEnvironment({ ...o, environment_name: 'staging' });
    expect(env.data.name).toBe('staging');
    expect(
      (await rejection(bot.rest.repos.getEnvironment({ ...o, environment_name: 'nope' }))).status,
    ).toBe(404);
  });

  it('check runs: the app token creates and completes one; a personal token may not', async () => {
    const sha = gh.state.repo('acme/models').branchSha('main') as string;
    const run = await bot.rest.checks.create({
      ...o,
      name: 'modelci / evaluate',
      head_sha: sha,
      status: 'in_progress',
    });
    await bot.rest.checks.update({
      ...o,
      check_run_id: run.data.id,
      conclusion: 'failure',
      output: {
        title: 'accuracy dropped',
        summary: 'see table',
        annotations: [
          {
            path: 'metrics.json',
            start_line: 1,
            end_line: 1,
            annotation_level: 'failure',
            message: 'accuracy -0.05',
          },
        ],
      },
    });
    const list = await bot.rest.checks.listForRef({ ...o, ref: 'main' });
    expect(list.data.total_count).toBe(1);
    expect(list.data.check_runs[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { annotations_count: 1 },
    });
    const denied = await rejection(person.rest.checks.create({ ...o, name: 'x', head_sha: sha }));
    expect(denied).toMatchObject({ status: 403, message: expect.stringContaining('GitHub App') });
  });

  it('commit statuses: the combined state is failure when any context failed', async () => {
    const sha = gh.state.repo('acme/models').branchSha('main') as string;
    await bot.rest.repos.createCommitStatus({
      ...o,
      sha,
      state: 'success',
      context: 'modelci/gates',
    });
    expect((await bot.rest.repos.getCombinedStatusForRef({ ...o, ref: sha })).data.state).toBe(
      'success',
    );
    await bot.rest.repos.createCommitStatus({
      ...o,
      sha,
      state: 'failure',
      context: 'modelci/drift',
    });
    const combined = await bot.rest.repos.getCombinedStatusForRef({ ...o, ref: 'main' });
    expect(combined.data).toMatchObject({ state: 'failure', total_count: 2 });
    // A failing status blocks a deployment unless required_contexts says otherwise.
    expect((await rejection(bot.rest.repos.createDeployment({ ...o, ref: 'main' }))).status).toBe(
      409,
    );
  });

  it('releases: create, upload an asset to upload_url, download it by API and browser URL', async () => {
    const rel = await bot.rest.repos.createRelease({
      ...o,
      tag_name: 'churn-v1.0.0',
      name: 'churn 1.0.0',
    });
    expect(gh.state.repo('acme/models').refs.has('refs/tags/churn-v1.0.0')).toBe(true);
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const asset = await bot.rest.repos.uploadReleaseAsset({
      ...o,
      release_id: rel.data.id,
      name: 'model.onnx',
      data: bytes as unknown as string,
      url: rel.data.upload_url,
      headers: { 'content-type': 'application/octet-stream', 'content-length': bytes.length },
    });
    expect(asset.data).toMatchObject({ name: 'model.onnx', size: 6 });
    const byTag = await bot.rest.repos.getReleaseByTag({ ...o, tag: 'churn-v1.0.0' });
    expect(byTag.data.assets.map((a) => a.name)).toEqual(['model.onnx']);
    const dl = await bot.rest.repos.getReleaseAsset({
      ...o,
      asset_id: asset.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    expect(Buffer.from(dl.data as unknown as ArrayBuffer)).toEqual(bytes);
    const browser = await fetch(asset.data.browser_download_url);
    expect(Buffer.from(await browser.arrayBuffer())).toEqual(bytes);
    const dup = await rejection(bot.rest.repos.createRelease({ ...o, tag_name: 'churn-v1.0.0' }));
    expect(dup.status).toBe(422);
    expect((await bot.rest.repos.listReleases(o)).data).toHaveLength(1);
  });

  it('workflow dispatch is recorded', async () => {
    await bot.rest.actions.createWorkflowDispatch({
      ...o,
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { model: 'churn' },
    });
    expect(gh.state.repo('acme/models').dispatches).toMatchObject([
      {
        workflowId: 'deploy.yml',
        ref: 'main',
        inputs: { model: 'churn' },
        by: { login: 'github-actions[bot]' },
      },
    ]);
  });
});
