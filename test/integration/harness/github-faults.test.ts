import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { ACTIONS_TOKEN, startGitHubServer, type FaultSpec } from '../../harness/github/index.js';

// Each fault kind must be retried by the one client (src/github/client.ts) and end with exactly
// one comment: the faulted request never reaches state, the retry creates it once.
describe('createGitHubClient against injected faults', () => {
  const kinds: FaultSpec[] = [
    { status: 500 },
    { status: 502 },
    { status: 403, retryAfter: 1 },
    { status: 429, retryAfter: 1 },
  ];

  it.concurrent.each(kinds)('retries a $status and writes exactly one comment', async (fault) => {
    const gh = await startGitHubServer();
    try {
      const repo = gh.state.repo('acme/models');
      const { pull } = repo.addPull({ title: 'x', head: 'feat' });
      const path = `/repos/acme/models/issues/${pull.number}/comments`;
      gh.faults.inject({ ...fault, method: 'POST', path });
      const logs: string[] = [];
      const c = createGitHubClient({
        token: ACTIONS_TOKEN,
        baseUrl: gh.url,
        log: (m) => logs.push(m),
      });
      const res = await c.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: pull.number,
        body: 'metrics',
      });
      expect(res.status).toBe(201);
      expect(repo.commentsOn(pull.number).map((x) => x.body)).toEqual(['metrics']);
      expect(gh.state.requestsTo('POST', path).map((r) => [r.status, r.fault ?? false])).toEqual([
        [fault.status, true],
        [201, false],
      ]);
      expect(gh.faults.pending()).toEqual([]);
      if (fault.status === 403 || fault.status === 429)
        expect(logs.join('\n')).toMatch(/secondary rate limit .* retrying in 1s/);
      gh.assertNoViolations();
    } finally {
      await gh.close();
    }
  });

  it('matches faults by method and RegExp path, and counts `times`', async () => {
    const gh = await startGitHubServer();
    try {
      gh.state.repo('acme/models').addPull({ title: 'x', head: 'feat' });
      gh.faults.inject({ method: 'GET', path: /\/pulls\/\d+$/, status: 502, times: 2 });
      const get = (path: string, method = 'GET') =>
        fetch(`${gh.url}${path}`, { method, headers: { authorization: `token ${ACTIONS_TOKEN}` } });
      expect((await get('/repos/acme/models/pulls')).status).toBe(200);
      expect((await get('/repos/acme/models/pulls/1', 'PATCH')).status).not.toBe(502);
      expect((await get('/repos/acme/models/pulls/1')).status).toBe(502);
      expect(gh.faults.pending()).toHaveLength(1);
      expect((await get('/repos/acme/models/pulls/1')).status).toBe(502);
      expect((await get('/repos/acme/models/pulls/1')).status).toBe(200);
      expect(gh.faults.pending()).toEqual([]);
      expect(gh.state.requests.filter((r) => r.fault)).toHaveLength(2);
    } finally {
      await gh.close();
    }
  });

  it('gives up after the configured retries and surfaces the error', async () => {
    const gh = await startGitHubServer();
    try {
      gh.state.repo('acme/models').addPull({ title: 'x', head: 'feat' });
      gh.faults.inject({ status: 500, times: 5 });
      const c = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url, retries: 1 });
      const err = await c.rest.pulls
        .get({ owner: 'acme', repo: 'models', pull_number: 1 })
        .catch((e: { status: number }) => e);
      expect(err).toMatchObject({ status: 500 });
      expect(gh.state.requests).toHaveLength(2);
    } finally {
      await gh.close();
    }
  });
});
