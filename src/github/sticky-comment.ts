import type { GitHubClient } from './client.js';
import { sameAuthor } from './identity.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issue: number;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

/**
 * The comment this tool wrote before: it carries the marker AND was written by the same identity.
 * A look-alike by anyone else is ignored (and so never edited). Reads every page of comments.
 */
export async function findStickyComment(
  client: GitHubClient,
  ref: IssueRef,
  marker: string,
  whoAmI: () => Promise<string>,
): Promise<{ id: number; html_url: string; body?: string } | undefined> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issue,
    per_page: 100,
  });
  const marked = comments.filter((c) => (c.body ?? '').includes(marker));
  // Who the token is only matters when some comment carries the marker (not on a first run).
  if (marked.length === 0) return undefined;
  const login = await whoAmI();
  return marked.find((c) => sameAuthor(c.user, login));
}

/** Creates the sticky comment, or updates it in place; writes nothing when the body is the same. */
export async function upsertStickyComment(
  client: GitHubClient,
  ref: IssueRef,
  marker: string,
  whoAmI: () => Promise<string>,
  body: string,
): Promise<StickyResult> {
  const existing = await findStickyComment(client, ref, marker, whoAmI);
  if (existing) {
    if (existing.body === body)
      return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const { data } = await client.rest.issues.updateComment({
      owner: ref.owner,
      repo: ref.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await client.rest.issues.createComment({
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issue,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}
