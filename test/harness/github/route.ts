import type { IncomingHttpHeaders } from 'node:http';
import type { Identity, Scope } from './identities.js';
import type { HttpMethod } from './openapi.js';
import type { GitHubState, RepoState } from './state.js';

// What a route file declares and receives. Routes are keyed by GitHub's OpenAPI path template,
// so the server can find the operation to validate against.

export interface RouteContext {
  method: HttpMethod;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body (undefined when none or not JSON). */
  body: unknown;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  identity: Identity;
  /** The server's token -> identity map (to look users up). */
  tokens: Record<string, Identity>;
  state: GitHubState;
  /** Server origin, e.g. `http://127.0.0.1:43121`. */
  baseUrl: string;
  url: URL;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (asset downloads). */
  raw?: Buffer;
}

export interface Route {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  path: string;
  /** Permission scopes of which one must grant `access` (GITHUB_TOKEN `permissions:`). */
  scopes?: Scope[];
  access?: 'read' | 'write';
  /** True when the route needs no token (GitHub's `GET /` and public reads do; we keep few). */
  anonymous?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** The permission a route needs: `...can('write', 'issues', 'pull-requests')` (any one scope). */
export function can(
  access: 'read' | 'write',
  ...scopes: Scope[]
): Pick<Route, 'scopes' | 'access'> {
  return { scopes, access };
}

/** A GitHub-shaped error answer thrown from a route. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const DOCS = 'https://docs.github.com/rest';

export function notFound(): HttpError {
  return new HttpError(404, 'Not Found', { documentation_url: DOCS });
}

/** GitHub's 422 for a semantic problem, e.g. `('PullRequest', 'head', 'invalid')`. */
export function validationFailed(
  resource: string,
  field: string,
  code = 'invalid',
  message?: string,
): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
    documentation_url: DOCS,
  });
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export function repoOf(ctx: RouteContext): RepoState {
  return ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
}

export function intParam(ctx: RouteContext, name: string): number {
  return Number(ctx.params[name]);
}

/** The JSON body as an object (validation already checked its shape). */
export function bodyOf<T = Record<string, unknown>>(ctx: RouteContext): T {
  return (ctx.body ?? {}) as T;
}

/** One page of `items` with GitHub's `Link` header (`per_page` default 30, max 100). */
export function paginate<T>(ctx: RouteContext, items: T[], render: (x: T) => unknown): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string) => {
    const u = new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    status: 200,
    body: slice.map(render),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
