import type { CheckRunRecord, CommitStatusRecord, RepoState } from '../state.js';
import { minimalRepository, nodeId, simpleUser } from './common.js';

const APP_CREATED = '2018-07-30T09:30:17Z';

/** The GitHub Actions app, which owns every check run a GITHUB_TOKEN creates. */
function githubActionsApp(base: string) {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    owner: simpleUser(base, { login: 'github', id: 9919, type: 'User' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${base}/apps/github-actions`,
    created_at: APP_CREATED,
    updated_at: APP_CREATED,
    permissions: { checks: 'write', contents: 'write', metadata: 'read' },
    events: ['check_run', 'pull_request', 'push'],
  };
}

/** `check-run`. */
export function checkRun(base: string, repo: RepoState, c: CheckRunRecord) {
  const url = `${base}/repos/${repo.fullName}/check-runs/${c.id}`;
  const pulls = [...repo.pulls.values()].filter((p) => p.head.sha === c.headSha);
  const branch = (b: { ref: string; sha: string }) => ({
    ref: b.ref,
    sha: b.sha,
    repo: { id: repo.id, url: `${base}/repos/${repo.fullName}`, name: repo.name },
  });
  return {
    id: c.id,
    head_sha: c.headSha,
    node_id: nodeId('CheckRun', c.id),
    external_id: c.externalId,
    url,
    html_url: `${base}/${repo.fullName}/runs/${c.id}`,
    details_url: c.detailsUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.id + 1 },
    app: githubActionsApp(base),
    pull_requests: pulls.map((p) => ({
      id: p.id,
      number: p.number,
      url: `${base}/repos/${repo.fullName}/pulls/${p.number}`,
      head: branch(p.head),
      base: branch(p.base),
    })),
  };
}

/** `status` (the answer to creating a commit status). */
export function commitStatus(base: string, s: CommitStatusRecord) {
  return {
    url: `${base}/repos/statuses/${s.sha}`,
    avatar_url: `${base}/avatars/u/${s.creator.id}?v=4`,
    id: s.id,
    node_id: nodeId('StatusContext', s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator: simpleUser(base, s.creator),
  };
}

/** `combined-commit-status`: failure beats pending beats success; none at all is pending. */
export function combinedStatus(
  base: string,
  repo: RepoState,
  sha: string,
  statuses: CommitStatusRecord[],
) {
  const states = statuses.map((s) => s.state);
  const state = states.some((s) => s === 'failure' || s === 'error')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  return {
    state,
    statuses: statuses.map((s) => {
      const { creator: _c, ...simple } = commitStatus(base, s);
      return simple;
    }),
    sha,
    total_count: statuses.length,
    repository: minimalRepository(base, repo),
    commit_url: `${base}/repos/${repo.fullName}/commits/${sha}`,
    url: `${base}/repos/${repo.fullName}/commits/${sha}/status`,
  };
}
