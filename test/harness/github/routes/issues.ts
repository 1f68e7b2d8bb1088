import { bodyOf, can, intParam, notFound, ok, paginate, repoOf, type Route } from '../route.js';
import { issue, issueComment, label } from '../render/issues.js';
import type { RouteContext } from '../route.js';

// Issues as far as comments and labels need them; PR conversation comments are issue comments.

const WRITE = can('write', 'issues', 'pull-requests');
const READ = can('read', 'issues', 'pull-requests');

function issueOf(ctx: RouteContext) {
  const i = repoOf(ctx).issues.get(intParam(ctx, 'issue_number'));
  if (!i) throw notFound();
  return i;
}

function commentOf(ctx: RouteContext) {
  const c = repoOf(ctx).comments.get(intParam(ctx, 'comment_id'));
  if (!c) throw notFound();
  return c;
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    ...READ,
    handle: (ctx) => ok(issue(ctx.baseUrl, repoOf(ctx), issueOf(ctx))),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const i = issueOf(ctx);
      const since = ctx.query.since;
      const list = repo
        .commentsOn(i.number)
        .filter((c) => !since || c.updatedAt >= since)
        .sort((a, b) => a.id - b.id);
      return paginate(ctx, list, (c) => issueComment(ctx.baseUrl, repo, c));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const i = issueOf(ctx);
      const c = repo.addComment(i.number, bodyOf<{ body: string }>(ctx).body, ctx.identity);
      return {
        status: 201,
        body: issueComment(ctx.baseUrl, repo, c),
        headers: { location: `${ctx.baseUrl}/repos/${repo.fullName}/issues/comments/${c.id}` },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    ...READ,
    handle: (ctx) => ok(issueComment(ctx.baseUrl, repoOf(ctx), commentOf(ctx))),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    ...WRITE,
    handle(ctx) {
      // Like GitHub, a token with write access may edit anyone's comment: callers must check.
      const c = commentOf(ctx);
      c.body = bodyOf<{ body: string }>(ctx).body;
      c.updatedAt = ctx.state.now();
      return ok(issueComment(ctx.baseUrl, repoOf(ctx), c));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    ...WRITE,
    handle(ctx) {
      repoOf(ctx).comments.delete(commentOf(ctx).id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      return paginate(ctx, issueOf(ctx).labels, (n) => label(ctx.baseUrl, repo, n));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const i = issueOf(ctx);
      const given = bodyOf<{ labels?: (string | { name: string })[] }>(ctx).labels ?? [];
      for (const l of given) {
        const name = typeof l === 'string' ? l : l.name;
        if (!i.labels.includes(name)) i.labels.push(name);
      }
      return ok(i.labels.map((n) => label(ctx.baseUrl, repo, n)));
    },
  },
];
