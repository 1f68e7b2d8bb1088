import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { httpFetch } from '../../../src/github/http-fetch.js';
import { ACTIONS_TOKEN, startGitHubServer } from '../../harness/github/index.js';

// The node:http transport the GitHub client uses (src/github/http-fetch.ts) answers as fetch would
// where Octokit relies on it; each case runs the same request through Node's own fetch too.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** What `p` rejects with; resolving fails the test. */
const rejection = (p: Promise<unknown>): Promise<Error & { status?: number }> =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: Error) => e,
  );

let origin: Awaited<ReturnType<typeof listen>>;
let other: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  // A second origin (localhost vs 127.0.0.1 differ in host) that redirects land on.
  other = await listen((_req, res) => {
    res.setHeader('content-type', 'application/octet-stream');
    res.end('asset bytes');
  });
  const otherUrl = other.url.replace('127.0.0.1', 'localhost');
  origin = await listen((req, res, body) => {
    const path = req.url!;
    if (path === '/gzip') {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      return res.end(gzipSync(JSON.stringify({ zipped: true })));
    }
    if (path === '/asset') {
      res.statusCode = 302;
      res.setHeader('location', `${otherUrl}/storage/asset?sig=x`);
      return res.end();
    }
    if (path === '/post-redirect') {
      res.statusCode = Number(req.headers['x-status']);
      res.setHeader('location', '/echo');
      return res.end();
    }
    if (path === '/none') {
      res.statusCode = 204;
      return res.end();
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, length: body.length }));
  });
});

afterAll(async () => {
  for (const s of [origin, other]) await new Promise((r) => s.server.close(r));
});

const both = [
  ['node:http', httpFetch],
  ['Node fetch', fetch],
] as const;

describe.each(both)('%s', (_name, fetcher) => {
  it('decodes a gzip body and joins repeated headers like Headers.get', async () => {
    const res = await fetcher(`${origin.url}/gzip`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${origin.url}/gzip`);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ zipped: true });
    expect(Object.fromEntries(res.headers)).toMatchObject({ 'content-encoding': 'gzip' });
  });

  it('follows a redirect to another origin without the Authorization header', async () => {
    const before = other.seen.length;
    const res = await fetcher(`${origin.url}/asset`, {
      headers: { authorization: 'token secret', accept: 'application/octet-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.url).toMatch(/^http:\/\/localhost:\d+\/storage\/asset\?sig=x$/);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('asset bytes');
    const hop = other.seen[before]!;
    expect(hop.headers.authorization).toBeUndefined();
    expect(hop.headers.accept).toBe('application/octet-stream');
  });

  it.each([
    [303, 'GET', 0],
    [302, 'GET', 0],
    [307, 'POST', 7],
    [308, 'POST', 7],
  ])('a POST answered %i is sent on as %s', async (status, method, length) => {
    const res = await fetcher(`${origin.url}/post-redirect`, {
      method: 'POST',
      headers: { 'x-status': String(status), 'content-type': 'text/plain' },
      body: 'payload',
    });
    expect(await res.json()).toEqual({ method, length });
  });

  it('sends a byte body with its length and reads an empty 204', async () => {
    const res = await fetcher(`${origin.url}/echo`, {
      method: 'POST',
      body: new Uint8Array(1000),
    });
    expect(await res.json()).toEqual({ method: 'POST', length: 1000 });
    const none = await fetcher(`${origin.url}/none`, { method: 'DELETE' });
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
  });

  it('fails with TypeError("fetch failed") naming the cause when nothing listens', async () => {
    const closed = await listen(() => {});
    await new Promise((r) => closed.server.close(r));
    const e = await rejection(fetcher(`${closed.url}/x`));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('fetch failed');
    expect(String((e.cause as Error).message)).toContain('ECONNREFUSED');
  });
});

describe('the GitHub client over node:http', () => {
  it('sends requests the OpenAPI stand-in accepts, pages, and reports a 404 as Octokit does', async () => {
    const gh = await startGitHubServer();
    try {
      const repo = gh.state.repo('acme/models');
      const { pull } = repo.addPull({ title: 'x', head: 'feat' });
      const c = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url, spaceWrites: false });
      await c.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: pull.number,
        body: 'métriques ✓',
      });
      const listed = await c.paginate(c.rest.issues.listComments, {
        owner: 'acme',
        repo: 'models',
        issue_number: pull.number,
      });
      expect(listed.map((x) => x.body)).toEqual(['métriques ✓']);
      const missing = await rejection(
        c.rest.issues.get({ owner: 'acme', repo: 'models', issue_number: 999 }),
      );
      expect(missing.status).toBe(404);
      gh.assertNoViolations();
    } finally {
      await gh.close();
    }
  });
});
