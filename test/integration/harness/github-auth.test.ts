import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../harness/rejection.js';
import { createGitHubClient } from '../../../src/github/client.js';
import {
  ACTIONS_TOKEN,
  installation,
  startGitHubServer,
  USER_TOKEN,
  type GitHubServer,
} from '../../harness/github/index.js';

describe('GitHub stand-in tokens and permissions', () => {
  let gh: GitHubServer;
  beforeAll(async () => {
    gh = await startGitHubServer({
      tokens: { ghs_read_only: installation({ issues: 'read', 'pull-requests': 'read' }) },
    });
    gh.state.repo('acme/models').addPull({ title: 'x', head: 'feat' });
  });
  afterAll(() => gh.close());
  const client = (token: string) => createGitHubClient({ token, baseUrl: gh.url });

  it('refuses GET /user to the GITHUB_TOKEN identity like GitHub (403 from an integration)', async () => {
    const err = await rejection(client(ACTIONS_TOKEN).rest.users.getAuthenticated());
    expect(err).toMatchObject({ status: 403 });
    expect(err.message).toContain('Resource not accessible by integration');
  });

  it('answers GET /user and GraphQL viewer for a personal access token', async () => {
    const me = await client(USER_TOKEN).rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', type: 'User' });
    const viewer = await client(ACTIONS_TOKEN).graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }',
    );
    expect(viewer.viewer.login).toBe('github-actions[bot]');
  });

  it('looks up users by login; the bot keeps its id and type', async () => {
    const bot = await client(USER_TOKEN).rest.users.getByUsername({
      username: 'github-actions[bot]',
    });
    expect(bot.data).toMatchObject({ id: 41898282, type: 'Bot' });
    const other = await client(USER_TOKEN).rest.users.getByUsername({ username: 'mallory' });
    expect(other.data).toMatchObject({ login: 'mallory', type: 'User' });
    gh.assertNoViolations();
  });

  it('returns 401 for a missing or unknown token', async () => {
    for (const token of ['', 'ghp_nobody']) {
      const before = gh.state.requests.length;
      const err = await fetch(`${gh.url}/repos/acme/models`, {
        headers: token ? { authorization: `token ${token}` } : {},
      });
      expect(err.status).toBe(401);
      expect(((await err.json()) as { message: string }).message).toBe(
        token ? 'Bad credentials' : 'Requires authentication',
      );
      expect(gh.state.requests.length).toBe(before + 1);
    }
  });

  it('refuses a write without the permission (job needs pull-requests: write)', async () => {
    const c = client('ghs_read_only');
    const list = await c.rest.issues.listComments({
      owner: 'acme',
      repo: 'models',
      issue_number: 1,
    });
    expect(list.status).toBe(200);
    const err = await rejection(
      c.rest.issues.createComment({ owner: 'acme', repo: 'models', issue_number: 1, body: 'x' }),
    );
    expect(err).toMatchObject({ status: 403 });
    expect(err.message).toContain('Resource not accessible by integration');
    expect(gh.state.repo('acme/models').comments.size).toBe(0);
    // Not retried: a permission 403 is not a rate limit.
    expect(gh.state.requestsTo('POST', '/repos/acme/models/issues/1/comments')).toHaveLength(1);
  });
});
