import { createHash } from 'node:crypto';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL; defaults to the env var, then api.github.com. */
  baseUrl?: string;
  /** Retries for 5xx and rate limits (tests lower it). */
  retries?: number;
  log?: (msg: string) => void;
}

// Statuses plugin-retry must leave alone: client errors, and 403/429, which plugin-throttling
// retries after the server's retry-after (plugin-retry would ignore it and back off 1 s, 4 s...).
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * The one GitHub client every action uses: retries 5xx with backoff, waits out primary and
 * secondary rate limits (403/429 + retry-after or x-ratelimit-reset). This is the only place
 * that retries HTTP.
 */
export function createGitHubClient(opts: ClientOptions): GitHubClient {
  const retries = opts.retries ?? 4;
  const log = opts.log ?? (() => {});
  const baseUrl = opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  return getOctokit(
    opts.token,
    {
      baseUrl,
      // Not `request: { retries }`: plugin-retry then re-sends even 4xx answers (404, 422, 403).
      retry: { retries, doNotRetry: DO_NOT_RETRY },
      throttle: {
        // Rate limits belong to a (server, token) pair: clients of one share the write spacing.
        id: createHash('sha256').update(`${baseUrl}\n${opts.token}`).digest('hex').slice(0, 16),
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
          log(
            `secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`,
          );
          return retryCount < retries;
        },
      },
    },
    retry,
    throttling,
  );
}
