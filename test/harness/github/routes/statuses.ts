import { bodyOf, can, HttpError, paginate, repoOf, type Route } from '../route.js';
import { combinedStatus, commitStatus } from '../render/checks.js';
import type { CommitStatusRecord } from '../state.js';

// Commit statuses (the pre-checks API): one per context per commit counts; later ones win.

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    ...can('write', 'statuses'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = ctx.params.sha ?? '';
      if (!repo.resolveCommit(sha)) throw new HttpError(422, `No commit found for SHA: ${sha}`);
      const b = bodyOf<{
        state: CommitStatusRecord['state'];
        target_url?: string | null;
        description?: string | null;
        context?: string;
      }>(ctx);
      const now = ctx.state.now();
      const s: CommitStatusRecord = {
        id: ctx.state.nextId(),
        sha: repo.resolveCommit(sha) as string,
        state: b.state,
        context: b.context ?? 'default',
        description: b.description ?? null,
        targetUrl: b.target_url ?? null,
        creator: ctx.identity,
        createdAt: now,
        updatedAt: now,
      };
      repo.statuses.push(s);
      return { status: 201, body: commitStatus(ctx.baseUrl, s) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/status',
    ...can('read', 'statuses'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = repo.resolveCommit(ctx.params.ref ?? '');
      if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
      return {
        status: 200,
        body: combinedStatus(ctx.baseUrl, repo, sha, repo.latestStatuses(sha)),
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/statuses',
    ...can('read', 'statuses'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = repo.resolveCommit(ctx.params.ref ?? '');
      if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
      const list = repo.statuses.filter((s) => s.sha === sha).reverse();
      return paginate(ctx, list, (s) => commitStatus(ctx.baseUrl, s));
    },
  },
];
