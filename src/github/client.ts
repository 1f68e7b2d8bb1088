import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { httpFetch } from './http-fetch.js';
import { readRunEnvironment } from './run-environment.js';

// @actions/github's getOctokit with the same plugins, minus its transport: it sends every request
// through undici (bundled, with @actions/http-client and tunnel: ~0.4 s of CPU to load and
// compile on the first request). Requests go through node:http unless a proxy is configured.
const GitHub = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export type GitHubClient = InstanceType<typeof GitHub>;

/**
 * The proxy variables @actions/http-client honours for this URL's scheme. When one is set, its
 * proxy agent (with no_proxy and the loopback exemption) carries the requests, loaded on first use.
 */
function proxyFetch(baseUrl: string, env: NodeJS.ProcessEnv): typeof fetch | undefined {
  const vars = baseUrl.startsWith('https:')
    ? ['https_proxy', 'HTTPS_PROXY']
    : ['http_proxy', 'HTTP_PROXY'];
  if (!vars.some((v) => env[v])) return undefined;
  return async (url, init) => {
    const { proxiedFetch } = await import('./proxy-fetch.js');
    return proxiedFetch(baseUrl)(url, init);
  };
}

/** The User-Agent @actions/github sends: Octokit's, tagged with the runner's orchestration id. */
function userAgent(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}

export interface ClientOptions {
  token: string;
  /** The API base URL; default, the run environment's (GITHUB_API_URL, else api.github.com). */
  baseUrl?: string;
  /** Retries for 5xx and rate limits (tests lower it). */
  retries?: number;
  log?: (msg: string) => void;
  /**
   * Space writes 1 s apart (3 s for comment/PR creation), GitHub's advice against secondary rate
   * limits; default on. Tests turn it off with MODELCI_GITHUB_WRITE_SPACING=off (retries and
   * rate-limit waits stay real).
   */
  spaceWrites?: boolean;
  /**
   * A separate throttling queue. plugin-throttling spaces every GraphQL call 1 s from the next
   * write like a mutation; a client for read-only queries (who am I?) uses its own queue so the
   * write after it does not wait.
   */
  queue?: string;
}

// plugin-throttling's limiter interface, scheduling at once: used when write spacing is off.
const NO_SPACING = {
  key: () => ({
    schedule: <T>(_opts: unknown, fn: (...a: unknown[]) => T, ...args: unknown[]) => fn(...args),
  }),
};

// Statuses plugin-retry must leave alone: client errors (409 too: a stale sha or failed checks
// stay so on retry), and 403/429, which plugin-throttling retries after the server's
// retry-after (plugin-retry would ignore it and back off 1 s, 4 s, ...).
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/**
 * The one GitHub client every action uses: retries 5xx with backoff, waits out primary and
 * secondary rate limits (403/429 + retry-after or x-ratelimit-reset). This is the only place
 * that retries HTTP.
 */
export function createGitHubClient(opts: ClientOptions): GitHubClient {
  const retries = opts.retries ?? 4;
  const log = opts.log ?? (() => {});
  const baseUrl = opts.baseUrl ?? readRunEnvironment().apiUrl;
  const spaceWrites = opts.spaceWrites ?? process.env.MODELCI_GITHUB_WRITE_SPACING !== 'off';
  const agent = userAgent(process.env);
  return new GitHub({
    auth: `token ${opts.token}`,
    baseUrl,
    ...(agent ? { userAgent: agent } : {}),
    request: { fetch: proxyFetch(baseUrl, process.env) ?? httpFetch },
    // Not `request: { retries }`: plugin-retry then re-sends even 4xx answers (404, 422, 403).
    retry: { retries, doNotRetry: DO_NOT_RETRY },
    throttle: {
      // Rate limits belong to a (server, token) pair: clients of one share the write spacing.
      id: createHash('sha256')
        .update(`${baseUrl}\n${opts.token}\n${opts.queue ?? ''}`)
        .digest('hex')
        .slice(0, 16),
      // Typed as object: the plugin declares Bottleneck groups, but only calls key().schedule().
      ...(spaceWrites ? {} : ({ write: NO_SPACING, notifications: NO_SPACING } as object)),
      onRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        log(`rate limited on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        log(`secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
    },
  });
}
