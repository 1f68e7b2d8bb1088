import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/run-environment.js';
import { optionName, type Invocation } from './invocation.js';

/** `owner/repo` from an option, else the run's repository. */
export function repositoryOf(inv: Invocation, given: string | undefined): Repository | undefined {
  if (given === undefined) return inv.env.repository;
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(given);
  if (!m)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      `${optionName(inv, 'repository')} must be owner/repo (got "${given}")`,
    );
  return { owner: m[1]!, repo: m[2]!, fullName: given };
}

/**
 * The GitHub client for the run's token and API URL; Octokit loads only here, when a request is
 * about to be made (it costs every start that makes none ~100 ms).
 */
export async function githubClient(
  inv: Invocation,
  token = inv.env.token,
): Promise<GitHubClient | undefined> {
  if (!token) return undefined;
  const { createGitHubClient } = await import(
    /* webpackChunkName: "github-client" */ '../github/client.js'
  );
  return createGitHubClient({ token, baseUrl: inv.env.apiUrl, log: inv.log });
}

/** What a GitHub write needs, or a one-line error naming what is missing and how to give it. */
export async function requireGitHub(
  inv: Invocation,
  what: string,
  repository: Repository | undefined,
): Promise<{ client: GitHubClient; repo: Repository }> {
  const code = inv.surface === 'cli' ? 'USAGE' : 'INPUT';
  if (!repository)
    throw new ModelciError(code, `${what} needs the GitHub repository`, {
      hint:
        inv.surface === 'cli'
          ? 'Pass --repository owner/repo (or set GITHUB_REPOSITORY)'
          : 'Run it in a GitHub Actions workflow, or pass input "repository"',
    });
  const client = await githubClient(inv);
  if (!client)
    throw new ModelciError(code, `${what} needs a GitHub token`, {
      hint:
        inv.surface === 'cli'
          ? 'Set GITHUB_TOKEN (or GH_TOKEN) in the environment; tokens are never taken as flags'
          : 'Pass input "token" (default: the job token)',
    });
  return { client, repo: repository };
}
