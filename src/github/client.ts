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

/**
 * The one GitHub client every action uses: retries 5xx with backoff, waits out primary and
 * secondary rate limits (403 + retry-after, 429). This is the only place that retries HTTP.
 */
export function createGitHubClient(opts: ClientOptions): GitHubClient {
  const retries = opts.retries ?? 4;
  const log = opts.log ?? (() => {});
  return getOctokit(
    opts.token,
    {
      baseUrl: opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
      request: { retries },
      throttle: {
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
