import type { CommentRecord, IssueRecord, RepoState, Actor } from '../state.js';
import { nodeId, simpleUser } from './common.js';

export function authorAssociation(repo: RepoState, a: Actor): string {
  return a.login.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : 'NONE';
}

/** `issue-comment`. */
export function issueComment(base: string, repo: RepoState, c: CommentRecord) {
  const api = `${base}/repos/${repo.fullName}`;
  const kind = repo.issues.get(c.issueNumber)?.isPull ? 'pull' : 'issues';
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${base}/${repo.fullName}/${kind}/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(base, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${api}/issues/${c.issueNumber}`,
    author_association: authorAssociation(repo, c.user),
  };
}

/** `label`; ids are stable per name. */
export function label(base: string, repo: RepoState, name: string) {
  let id = 7;
  for (const ch of name) id = (id * 31 + ch.charCodeAt(0)) % 1_000_000_000;
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${base}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

/** `issue` (pull requests are issues too, with a `pull_request` link block). */
export function issue(base: string, repo: RepoState, i: IssueRecord) {
  const api = `${base}/repos/${repo.fullName}`;
  const url = `${api}/issues/${i.number}`;
  const pull = repo.pulls.get(i.number);
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${base}/${repo.fullName}/${i.isPull ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    title: i.title,
    body: i.body,
    user: simpleUser(base, i.user),
    labels: i.labels.map((n) => label(base, repo, n)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: repo.commentsOn(i.number).length,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: authorAssociation(repo, i.user),
    ...(pull
      ? {
          pull_request: {
            url: `${api}/pulls/${i.number}`,
            html_url: `${base}/${repo.fullName}/pull/${i.number}`,
            diff_url: `${base}/${repo.fullName}/pull/${i.number}.diff`,
            patch_url: `${base}/${repo.fullName}/pull/${i.number}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
  };
}
