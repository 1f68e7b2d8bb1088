import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from './client.js';

/** The open PR whose head is `sha` (else another open PR that contains it), via the commit's pulls. */
export async function prFromSha(
  client: GitHubClient,
  owner: string,
  repo: string,
  sha: string,
): Promise<number | undefined> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const open = data.filter((pr) => pr.state === 'open');
  // Only open PRs: a merged PR that contains the commit (a push to main) gets no new comment.
  const pick = open.find((pr) => pr.head.sha === sha) ?? open[0];
  return pick?.number;
}

/**
 * Under `workflow_run` the PR number arrives from the untrusted run's artifact: refuse it unless
 * that pull request's head is the commit the run was for, so a fork cannot aim the privileged
 * comment job at another pull request.
 */
export async function assertPullRequestHead(
  client: GitHubClient,
  owner: string,
  repo: string,
  pr: number,
  headSha: string,
): Promise<void> {
  const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pr });
  if (data.head.sha !== headSha)
    throw new ModelciError(
      'INPUT',
      `pull request #${pr} is at ${data.head.sha.slice(0, 7)}, but this workflow_run is for commit ${headSha.slice(0, 7)}`,
      {
        hint: 'The `pr` input came from the triggering run and does not belong to it; nothing was posted',
      },
    );
}

/** What an upsert did: one vocabulary for every pull request modelci keeps (promotion, retraining). */
export type PullRequestAction = 'created' | 'updated' | 'unchanged';

export interface OpenPullRequest {
  number: number;
  html_url: string;
  title: string;
}

/** The open pull request from `head` (a branch of the same repository), optionally into `base`. */
export async function findOpenPullRequest(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  head: string,
  base?: string,
): Promise<OpenPullRequest | undefined> {
  const { data } = await client.rest.pulls.list({
    owner: repo.owner,
    repo: repo.repo,
    state: 'open',
    head: `${repo.owner}:${head}`,
    ...(base ? { base } : {}),
    per_page: 10,
  });
  return data[0];
}

/**
 * Create or update, like peter-evans/create-pull-request: one open PR per `head` branch; an
 * existing one gets the new title and body unless `branchUnchanged` and its title already match,
 * so a re-run with the same content writes nothing.
 */
export async function upsertPullRequest(
  client: GitHubClient,
  pr: {
    owner: string;
    repo: string;
    head: string;
    base: string;
    title: string;
    body: string;
    /** The branch did not move: the open PR already proposes this content. */
    branchUnchanged: boolean;
    /** Found beforehand by the caller (saves a request). */
    open?: OpenPullRequest | undefined;
  },
): Promise<{ action: PullRequestAction; number: number; url: string }> {
  const open = pr.open ?? (await findOpenPullRequest(client, pr, pr.head, pr.base));
  const { owner, repo, title, body } = pr;
  if (open) {
    if (pr.branchUnchanged && open.title === title)
      return { action: 'unchanged', number: open.number, url: open.html_url };
    const { data } = await client.rest.pulls.update({
      owner,
      repo,
      pull_number: open.number,
      title,
      body,
    });
    return { action: 'updated', number: data.number, url: data.html_url };
  }
  const { data } = await client.rest.pulls.create({
    owner,
    repo,
    head: pr.head,
    base: pr.base,
    title,
    body,
  });
  return { action: 'created', number: data.number, url: data.html_url };
}
