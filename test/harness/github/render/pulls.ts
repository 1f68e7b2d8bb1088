import type { IssueRecord, PullRecord, RepoState } from '../state.js';
import { nodeId, repository, simpleUser } from './common.js';
import { authorAssociation, label } from './issues.js';

function branch(base: string, repo: RepoState, b: { ref: string; sha: string }) {
  return {
    label: `${repo.owner}:${b.ref}`,
    ref: b.ref,
    sha: b.sha,
    user: simpleUser(base, { login: repo.owner, id: 1000 + (repo.id % 1000), type: 'User' }),
    repo: repository(base, repo),
  };
}

/** `pull-request-simple` (lists). */
export function pullRequestSimple(base: string, repo: RepoState, i: IssueRecord, p: PullRecord) {
  const api = `${base}/repos/${repo.fullName}`;
  const url = `${api}/pulls/${p.number}`;
  const html = `${base}/${repo.fullName}/pull/${p.number}`;
  const issueUrl = `${api}/issues/${p.number}`;
  const link = (href: string) => ({ href });
  return {
    url,
    id: p.id,
    node_id: nodeId('PullRequest', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${api}/statuses/${p.head.sha}`,
    number: p.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: simpleUser(base, i.user),
    body: i.body,
    labels: i.labels.map((n) => label(base, repo, n)),
    milestone: null,
    active_lock_reason: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(base, repo, p.head),
    base: branch(base, repo, p.base),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${api}/statuses/${p.head.sha}`),
    },
    author_association: authorAssociation(repo, i.user),
    auto_merge: null,
    draft: p.draft,
  };
}

/** `pull-request` (get, create, update). */
export function pullRequest(base: string, repo: RepoState, i: IssueRecord, p: PullRecord) {
  return {
    ...pullRequestSimple(base, repo, i, p),
    merged: p.merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: repo.commentsOn(p.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainerCanModify,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}
