import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pullRequestEvent, pushEvent } from './events.js';
import { Faults } from './faults.js';
import { graphql } from './graphql.js';
import { allows, defaultTokens, type Identity } from './identities.js';
import { loadApiDescription, type HttpMethod, type Operation } from './openapi.js';
import { HttpError, type Reply, type RouteContext } from './route.js';
import { compileRoutes, matchRoute } from './router.js';
import { ROUTES } from './routes/index.js';
import { GitHubState, type RecordedRequest } from './state.js';

export interface GitHubServerOptions {
  /** token -> identity; defaults to ACTIONS_TOKEN (github-actions[bot]) and USER_TOKEN (octocat). */
  tokens?: Record<string, Identity>;
}

export interface GitHubServer {
  /** Origin to use as GITHUB_API_URL / baseUrl, e.g. `http://127.0.0.1:43121`. */
  url: string;
  state: GitHubState;
  faults: Faults;
  tokens: Record<string, Identity>;
  /** Webhook payloads from the current state, for `runAction({ event })`. */
  events: {
    pullRequest(repo: string, number: number, action?: string): object;
    push(repo: string, branch: string): object;
  };
  /** Throws (and clears the list) when the stand-in saw an invalid request, an unknown route or
   * sent an invalid response. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubServer(opts: GitHubServerOptions = {}): Promise<GitHubServer> {
  const api = loadApiDescription();
  const routes = compileRoutes(ROUTES, api);
  const state = new GitHubState();
  const faults = new Faults();
  const tokens = { ...defaultTokens(), ...opts.tokens };
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A crash in a route is a bug in the stand-in: record it, answer 500.
      state.violations.push({
        kind: 'response',
        method: req.method ?? '',
        path: req.url ?? '',
        errors: [`stand-in crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`],
      });
      if (!res.headersSent) send(res, { status: 500, body: { message: 'stand-in crashed' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', baseUrl);
    // uploads.github.com is served here too, under /uploads.
    const path = url.pathname.replace(/^\/uploads(?=\/)/, '');
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const query = Object.fromEntries(url.searchParams);
    const entry: RecordedRequest = { method, path, query, status: 0 };
    state.requests.push(entry);
    const finish = (reply: Reply, op?: Operation) => {
      entry.status = reply.status;
      if (op && reply.raw === undefined) checkResponse(op, reply, method, path);
      send(res, reply);
    };

    const fault = faults.take(method, path);
    if (fault) {
      entry.fault = true;
      return finish(fault);
    }

    const identity = authenticate(req.headers.authorization);
    if (identity) entry.login = identity.login;

    const parsed = parseBody(req.headers['content-type'], rawBody);
    const badJson = errorReply(400, 'Problems parsing JSON');

    if (method === 'POST' && path === '/graphql') {
      entry.operationId = 'graphql';
      entry.body = parsed;
      if (!identity) return finish(unauthenticated(req.headers.authorization));
      if (parsed === INVALID_JSON) return finish(badJson);
      return finish(graphql(parsed, identity));
    }
    const download = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path);
    if (method === 'GET' && download) return finish(browserDownload(state, download));

    const match = matchRoute(routes, method, path);
    if (!match) {
      state.violations.push({ kind: 'route', method, path, errors: ['no such route'] });
      return finish(errorReply(404, 'Not Found'));
    }
    const { route, op, params } = match;
    entry.operationId = op.operationId;
    if (!op.rawBody && parsed === INVALID_JSON) return finish(badJson);
    const body = op.rawBody ? undefined : parsed;
    if (!op.rawBody) entry.body = body;

    if (!route.anonymous && !identity) return finish(unauthenticated(req.headers.authorization));

    // GitHub refuses a missing permission before it looks at the request.
    if (identity && route.scopes && !allows(identity, route.scopes, route.access ?? 'read'))
      return finish(errorReply(403, 'Resource not accessible by integration'), op);

    const problems = api.validateRequest(op, {
      pathParams: params,
      query,
      body,
      jsonBody: !op.rawBody,
    });
    if (problems.length) {
      state.violations.push({
        kind: 'request',
        method,
        path,
        operationId: op.operationId,
        errors: problems,
      });
      return finish(errorReply(422, `Invalid request.\n\n${problems.join('\n')}`), op);
    }

    const ctx: RouteContext = {
      method,
      params,
      query,
      body,
      rawBody,
      headers: req.headers,
      identity: identity as Identity,
      tokens,
      state,
      baseUrl,
      url,
    };
    try {
      finish(await route.handle(ctx), op);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      finish(
        { status: e.status, body: { message: e.message, ...e.extra }, headers: e.headers },
        op,
      );
    }
  }

  function authenticate(header: string | undefined): Identity | undefined {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
    return m ? tokens[m[1] as string] : undefined;
  }

  function checkResponse(op: Operation, reply: Reply, method: string, path: string): void {
    // Errors GitHub may send on any route (401, 403, 422 from validation...) are only checked
    // when the operation documents them; success bodies are always checked.
    const documented = op.statuses.includes(String(reply.status));
    if (!documented && reply.status >= 400) return;
    const errors = api.validateResponse(op, reply.status, reply.body);
    if (errors.length)
      state.violations.push({
        kind: 'response',
        method,
        path,
        operationId: op.operationId,
        errors,
      });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    state,
    faults,
    tokens,
    events: {
      pullRequest: (repo, number, action) => pullRequestEvent(state, baseUrl, repo, number, action),
      push: (repo, branch) => pushEvent(state, baseUrl, repo, branch),
    },
    assertNoViolations() {
      if (state.violations.length === 0) return;
      // Cleared once reported, so an afterEach check blames only the test that caused it.
      const seen = state.violations.splice(0);
      const lines = seen.map(
        (v) =>
          `${v.kind} ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}: ${v.errors.join('; ')}`,
      );
      throw new Error(`GitHub stand-in saw ${lines.length} violation(s):\n${lines.join('\n')}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

const INVALID_JSON = Symbol('invalid JSON');

/** JSON bodies parsed; anything else (uploads) stays bytes, read from `rawBody` by the route. */
function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0 || !/json/.test(contentType ?? 'application/json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** `browser_download_url` of a release asset (github.com, not the API: no validation). */
function browserDownload(state: GitHubState, m: RegExpExecArray): Reply {
  const [, owner = '', name = '', tag = '', file = ''] = m.map((s) => decodeURIComponent(s));
  const repo = state.repos.get(`${owner}/${name}`.toLowerCase());
  const release = repo && [...repo.releases.values()].find((r) => r.tagName === tag && !r.draft);
  const asset = release?.assets.find((a) => a.name === file);
  if (!asset) return { status: 404, raw: Buffer.from('Not Found') };
  asset.downloadCount++;
  return { status: 200, raw: asset.data };
}

function unauthenticated(header: string | undefined): Reply {
  return errorReply(401, header ? 'Bad credentials' : 'Requires authentication');
}

function errorReply(status: number, message: string): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    ...reply.headers,
  };
  if (reply.raw !== undefined) {
    res.writeHead(reply.status, { 'content-type': 'application/octet-stream', ...headers });
    res.end(reply.raw);
    return;
  }
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
