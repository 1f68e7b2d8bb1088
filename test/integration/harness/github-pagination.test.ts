import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { ACTIONS_TOKEN, startGitHubServer, type GitHubServer } from '../../harness/github/index.js';

describe('GitHub stand-in pagination', () => {
  let gh: GitHubServer;
  beforeAll(async () => {
    gh = await startGitHubServer();
    const repo = gh.state.repo('acme/models');
    const { pull } = repo.addPull({ title: 'x', head: 'feat' });
    for (let i = 1; i <= 75; i++)
      repo.addComment(pull.number, `comment ${i}`, gh.state.defaultActor);
  });
  afterAll(() => gh.close());

  it('pages with per_page and Link headers that octokit.paginate follows', async () => {
    const c = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url });
    const first = await c.rest.issues.listComments({
      owner: 'acme',
      repo: 'models',
      issue_number: 1,
      per_page: 30,
    });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toMatch(/page=3[^>]*>; rel="last"/);
    const all = await c.paginate(c.rest.issues.listComments, {
      owner: 'acme',
      repo: 'models',
      issue_number: 1,
      per_page: 30,
    });
    expect(all.map((x) => x.body)).toEqual(
      Array.from({ length: 75 }, (_, i) => `comment ${i + 1}`),
    );
    const pages = gh.state.requestsTo('GET', '/repos/acme/models/issues/1/comments');
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '1', '2', '3']);
    gh.assertNoViolations();
  });
});
