import { repository, simpleUser } from './render/common.js';
import { pullRequest } from './render/pulls.js';
import type { GitHubState } from './state.js';

// Webhook payloads built from the stand-in's state, for the runner's GITHUB_EVENT_PATH: the
// `pull_request` object is the same shape the REST API returns, as on GitHub.

export function pullRequestEvent(
  state: GitHubState,
  base: string,
  fullName: string,
  number: number,
  action = 'synchronize',
) {
  const repo = state.repo(fullName);
  const pull = repo.pulls.get(number);
  const issue = repo.issues.get(number);
  if (!pull || !issue) throw new Error(`stand-in: ${fullName} has no pull request #${number}`);
  return {
    action,
    number,
    pull_request: pullRequest(base, repo, issue, pull),
    repository: repository(base, repo),
    sender: simpleUser(base, issue.user),
  };
}

export function pushEvent(state: GitHubState, base: string, fullName: string, branch: string) {
  const repo = state.repo(fullName);
  const after = repo.branchSha(branch, true) as string;
  const before = repo.commits.get(after)?.parents[0] ?? '0'.repeat(40);
  return {
    ref: `refs/heads/${branch}`,
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    repository: repository(base, repo),
    pusher: { name: state.defaultActor.login, email: null },
    sender: simpleUser(base, state.defaultActor),
    head_commit: { id: after, message: repo.commits.get(after)?.message ?? '' },
    commits: [],
  };
}
