import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../../harness/rejection.js';
import { createGitHubClient } from '../../../src/github/client.js';
import {
  ACTIONS_TOKEN,
  startGitHubServer,
  USER_TOKEN,
  type GitHubServer,
} from '../../harness/github/index.js';

// The stand-in checks what it receives and what it sends against GitHub's OpenAPI description.
describe('GitHub stand-in validation', () => {
  let gh: GitHubServer;
  beforeEach(async () => {
    gh = await startGitHubServer();
  });
  afterEach(() => gh.close());

  const client = () => createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url });
  // Untyped requests: the mistakes below would not compile through Octokit's typed routes.
  const raw = (route: string, params: Record<string, unknown>) => client().request(route, params);

  it('rejects a misspelt body field with a 422 that names it, and records it', async () => {
    const { pull } = gh.state.repo('acme/models').addPull({ title: 'x', head: 'feat' });
    const err = await rejection(
      raw('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'acme',
        repo: 'models',
        issue_number: pull.number,
        bdy: 'hello',
      }),
    );
    expect(err.status).toBe(422);
    expect(err.message).toContain('"bdy" is not a permitted key.');
    expect(err.message).toContain('"body" wasn\'t supplied.');
    expect(gh.state.violations).toHaveLength(1);
    expect(gh.state.violations[0]).toMatchObject({
      kind: 'request',
      operationId: 'issues/create-comment',
    });
    expect(gh.state.repo('acme/models').comments.size).toBe(0);
    // One request: a 422 is not retried.
    expect(gh.state.requests).toHaveLength(1);
    expect(() => gh.assertNoViolations()).toThrow(/bdy/);
  });

  it('rejects a field of the wrong type and a bad query parameter', async () => {
    gh.state.repo('acme/models').addPull({ title: 'x', head: 'feat' });
    const typeErr = await raw('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: 'acme',
      repo: 'models',
      pull_number: 1,
      state: 'merged',
    }).catch((e: Error) => e);
    expect(String(typeErr)).toMatch(/state.*"merged" is not a member of/);
    const queryErr = await raw('GET /repos/{owner}/{repo}/pulls', {
      owner: 'acme',
      repo: 'models',
      per_page: 'many',
    }).catch((e: Error) => e);
    expect(String(queryErr)).toContain('per_page');
    expect(gh.state.violations.map((v) => v.operationId)).toEqual(['pulls/update', 'pulls/list']);
  });

  it('catches a response that breaks the schema (a malformed fixture)', async () => {
    const repo = gh.state.repo('acme/models');
    const { pull } = repo.addPull({ title: 'x', head: 'feat' });
    const c = repo.addComment(pull.number, 'hi', gh.state.defaultActor);
    c.createdAt = 'yesterday';
    await client().rest.issues.getComment({ owner: 'acme', repo: 'models', comment_id: c.id });
    expect(gh.state.violations).toHaveLength(1);
    expect(gh.state.violations[0]).toMatchObject({
      kind: 'response',
      operationId: 'issues/get-comment',
    });
    expect(gh.state.violations[0]?.errors.join()).toMatch(
      /created_at.*must match format "date-time"/,
    );
  });

  it('answers an unknown route with 404 Not Found and records it', async () => {
    const err = await rejection(
      raw('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'acme', repo: 'models' }),
    );
    expect(err).toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } });
    expect(gh.state.violations).toMatchObject([
      { kind: 'route', path: '/repos/acme/models/no-such-thing' },
    ]);
  });

  it('serves valid responses for the whole comment and pull flow', async () => {
    const repo = gh.state.repo('acme/models');
    repo.branchSha('feat', true);
    const gh2 = client();
    // A person opens the PR, the workflow's token comments (separate write throttles).
    const person = createGitHubClient({ token: USER_TOKEN, baseUrl: gh.url });
    const pr = await person.rest.pulls.create({
      owner: 'acme',
      repo: 'models',
      head: 'feat',
      base: 'main',
      title: 'Retrain',
    });
    const made = await gh2.rest.issues.createComment({
      owner: 'acme',
      repo: 'models',
      issue_number: pr.data.number,
      body: 'first',
    });
    await gh2.rest.issues.updateComment({
      owner: 'acme',
      repo: 'models',
      comment_id: made.data.id,
      body: 'second',
    });
    const pulls = await gh2.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: 'acme',
      repo: 'models',
      commit_sha: pr.data.head.sha,
    });
    expect(pulls.data.map((p) => p.number)).toEqual([pr.data.number]);
    expect(repo.comments.get(made.data.id)?.body).toBe('second');
    gh.assertNoViolations();
  });
});
