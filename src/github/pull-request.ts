import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from './client.js';

type Payload = Record<string, unknown>;

function obj(v: unknown): Payload | undefined {
  return v !== null && typeof v === 'object' ? (v as Payload) : undefined;
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** The PR a run is about, when the event says: pull_request(_target), issue_comment on a PR, workflow_run. */
export function prFromEvent(eventName: string | undefined, payload: unknown): number | undefined {
  const p = obj(payload);
  if (!p) return undefined;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
    case 'pull_request_review_comment':
      return positiveInt(obj(p.pull_request)?.number) ?? positiveInt(p.number);
    case 'issue_comment': {
      const issue = obj(p.issue);
      return issue?.pull_request ? positiveInt(issue.number) : undefined;
    }
    case 'workflow_run': {
      // Empty for PRs from forks: the caller then looks the PR up by head SHA.
      const prs = obj(p.workflow_run)?.pull_requests;
      return Array.isArray(prs) ? positiveInt(obj(prs[0])?.number) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The commit the metrics describe. A pull_request run checks out a merge commit (GITHUB_SHA), but
 * the PR's head is what a reviewer knows; workflow_run carries the head of the run it follows.
 */
export function headShaFromEvent(
  eventName: string | undefined,
  payload: unknown,
  fallback?: string,
): string | undefined {
  const p = obj(payload);
  const sha = eventName?.startsWith('pull_request')
    ? obj(obj(p?.pull_request)?.head)?.sha
    : eventName === 'workflow_run'
      ? obj(p?.workflow_run)?.head_sha
      : undefined;
  return typeof sha === 'string' && sha ? sha : fallback;
}

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
