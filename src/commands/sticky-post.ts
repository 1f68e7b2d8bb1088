import { ModelciError } from '../core/errors.js';
import { tokenLogin } from '../github/identity.js';
import { assertPullRequestHead, prFromSha } from '../github/pull-request.js';
import type { Repository, RunEnvironment } from '../github/run-environment.js';
import { upsertStickyComment } from '../github/sticky-comment.js';

export interface StickyPost {
  /** The run: head commit, event, PR, API URL; its token posts. */
  env: RunEnvironment;
  /** Where to post; default, the run's repository. */
  repository?: Repository;
  /** Given explicitly (the fork-safe workflow_run pattern); default, the event's, else the head commit's. */
  pr?: number;
  /** The hidden marker that finds the comment again. */
  marker: string;
  body: string;
  retries?: number;
  log: (line: string) => void;
}

export type StickyOutcome =
  | {
      action: 'created' | 'updated' | 'unchanged';
      commentId: number;
      commentUrl: string;
      pr: number;
    }
  | { action: 'no-pr'; warning: string };

/**
 * Keeps one sticky comment on the pull request of the run (or `pr`): found by its marker and its
 * author, created or updated in place. No pull request found is a warning, not a failure.
 */
export async function postStickyComment(p: StickyPost): Promise<StickyOutcome> {
  const { env, log } = p;
  const repository = p.repository ?? env.repository;
  if (!repository)
    throw new ModelciError('INPUT', 'no repository to comment on', {
      hint: 'Pass --repository owner/name (or set GITHUB_REPOSITORY)',
    });
  const { owner, repo } = repository;
  const headSha = env.headSha;
  const clientOptions = {
    token: env.token!,
    baseUrl: env.apiUrl,
    ...(p.retries !== undefined ? { retries: p.retries } : {}),
    log,
  };
  // Octokit and its plugins are most of the bundle: load them only when there is a comment to post.
  const { createGitHubClient } = await import(
    /* webpackChunkName: "github-client" */ '../github/client.js'
  );
  const client = createGitHubClient(clientOptions);
  let pr = p.pr ?? env.pullRequest;
  if (pr === undefined && headSha) {
    log(`looking up the pull request of commit ${headSha}`);
    pr = await prFromSha(client, owner, repo, headSha);
  }
  if (pr === undefined)
    return {
      action: 'no-pr',
      warning: `no pull request found for this run (event ${env.eventName ?? 'unknown'}${headSha ? `, commit ${headSha.slice(0, 7)}` : ''}); the report is in the job summary only. Pass the \`pr\` input to comment from this event.`,
    };
  if (p.pr !== undefined && env.eventName === 'workflow_run' && headSha)
    await assertPullRequestHead(client, owner, repo, pr, headSha);
  log(`commenting on #${pr}`);
  const whoAmI = async () => {
    const reader = createGitHubClient({ ...clientOptions, queue: 'identity' });
    const login = await tokenLogin(reader, log, env.token);
    log(`the token writes as ${login}`);
    return login;
  };
  const sticky = await upsertStickyComment(
    client,
    { owner, repo, issue: pr },
    p.marker,
    whoAmI,
    p.body,
  );
  return { action: sticky.action, commentId: sticky.id, commentUrl: sticky.url, pr };
}
