import {
  bodyOf,
  can,
  HttpError,
  intParam,
  notFound,
  ok,
  paginate,
  repoOf,
  validationFailed,
  type Route,
  type RouteContext,
} from '../route.js';
import { pullRequest, pullRequestSimple } from '../render/pulls.js';
import type { IssueRecord, PullRecord, RepoState } from '../state.js';

const READ = can('read', 'pull-requests');
const WRITE = can('write', 'pull-requests');

function pullOf(ctx: RouteContext): { issue: IssueRecord; pull: PullRecord } {
  const repo = repoOf(ctx);
  const n = intParam(ctx, 'pull_number');
  const pull = repo.pulls.get(n);
  const issue = repo.issues.get(n);
  if (!pull || !issue) throw notFound();
  return { issue, pull };
}

/** `head` is `branch` or `owner:branch`; forks are not modelled, so the owner must match. */
function headBranch(repo: RepoState, head: string): string | undefined {
  const i = head.indexOf(':');
  if (i < 0) return head;
  return head.slice(0, i).toLowerCase() === repo.owner.toLowerCase()
    ? head.slice(i + 1)
    : undefined;
}

function all(repo: RepoState): { issue: IssueRecord; pull: PullRecord }[] {
  return [...repo.pulls.values()].map((pull) => ({
    pull,
    issue: repo.issues.get(pull.number) as IssueRecord,
  }));
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const { state = 'open', head, base, direction } = ctx.query;
      const headRef = head === undefined ? undefined : headBranch(repo, head);
      const list = all(repo)
        .filter(({ issue }) => state === 'all' || issue.state === state)
        .filter(({ pull }) => head === undefined || pull.head.ref === headRef)
        .filter(({ pull }) => base === undefined || pull.base.ref === base)
        .sort((a, b) => (direction === 'asc' ? 1 : -1) * (a.pull.number - b.pull.number));
      return paginate(ctx, list, ({ issue, pull }) =>
        pullRequestSimple(ctx.baseUrl, repo, issue, pull),
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const b = bodyOf<{
        title?: string;
        head: string;
        base: string;
        body?: string;
        draft?: boolean;
        maintainer_can_modify?: boolean;
      }>(ctx);
      if (!b.title) throw validationFailed('PullRequest', 'title', 'missing_field');
      const head = headBranch(repo, b.head);
      const headSha = head === undefined ? undefined : repo.branchSha(head);
      if (!head || !headSha) throw validationFailed('PullRequest', 'head', 'invalid');
      if (!repo.branchSha(b.base)) throw validationFailed('PullRequest', 'base', 'invalid');
      const dup = all(repo).find(
        ({ issue, pull }) =>
          issue.state === 'open' && pull.head.ref === head && pull.base.ref === b.base,
      );
      if (dup)
        throw new HttpError(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${repo.owner}:${head}.`,
            },
          ],
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        });
      const { issue, pull } = repo.addPull({
        title: b.title,
        head,
        base: b.base,
        body: b.body ?? null,
        draft: b.draft ?? false,
        user: ctx.identity,
      });
      pull.maintainerCanModify = b.maintainer_can_modify ?? false;
      return {
        status: 201,
        body: pullRequest(ctx.baseUrl, repo, issue, pull),
        headers: { location: `${ctx.baseUrl}/repos/${repo.fullName}/pulls/${pull.number}` },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    ...READ,
    handle(ctx) {
      const { issue, pull } = pullOf(ctx);
      return ok(pullRequest(ctx.baseUrl, repoOf(ctx), issue, pull));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const { issue, pull } = pullOf(ctx);
      const b = bodyOf<{
        title?: string;
        body?: string;
        state?: 'open' | 'closed';
        base?: string;
        maintainer_can_modify?: boolean;
      }>(ctx);
      if (b.base !== undefined) {
        const sha = repo.branchSha(b.base);
        if (!sha) throw validationFailed('PullRequest', 'base', 'invalid');
        pull.base = { ref: b.base, sha };
      }
      if (b.title !== undefined) issue.title = b.title;
      if (b.body !== undefined) issue.body = b.body;
      if (b.maintainer_can_modify !== undefined) pull.maintainerCanModify = b.maintainer_can_modify;
      if (b.state !== undefined && b.state !== issue.state) {
        issue.state = b.state;
        issue.closedAt = b.state === 'closed' ? ctx.state.now() : null;
      }
      issue.updatedAt = ctx.state.now();
      return ok(pullRequest(ctx.baseUrl, repo, issue, pull));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    ...can('read', 'pull-requests', 'contents'),
    handle(ctx) {
      // A pull_request run's GITHUB_SHA is the PR's merge commit; a push run's is the head.
      const repo = repoOf(ctx);
      const sha = ctx.params.commit_sha;
      const list = all(repo)
        .filter(({ pull }) => pull.head.sha === sha || pull.mergeCommitSha === sha)
        .sort((a, b) => b.pull.number - a.pull.number);
      return paginate(ctx, list, ({ issue, pull }) =>
        pullRequestSimple(ctx.baseUrl, repo, issue, pull),
      );
    },
  },
];
