import {
  bodyOf,
  can,
  HttpError,
  intParam,
  notFound,
  ok,
  repoOf,
  type Route,
  type RouteContext,
} from '../route.js';
import { checkRun } from '../render/checks.js';
import type { CheckRunRecord } from '../state.js';

// Check runs. Only GitHub Apps may create them: a personal access token gets GitHub's 403.

interface CheckBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunRecord['status'];
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: {
    title: string;
    summary: string;
    text?: string;
    annotations?: Record<string, unknown>[];
  };
  actions?: Record<string, unknown>[];
}

function requireApp(ctx: RouteContext): void {
  if (ctx.identity.kind !== 'installation')
    throw new HttpError(403, 'You must authenticate via a GitHub App.', {
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
    });
}

function apply(c: CheckRunRecord, b: CheckBody, now: string): void {
  if (b.name !== undefined) c.name = b.name;
  if (b.details_url !== undefined) c.detailsUrl = b.details_url;
  if (b.external_id !== undefined) c.externalId = b.external_id;
  if (b.started_at !== undefined) c.startedAt = b.started_at;
  if (b.status !== undefined) c.status = b.status;
  // A conclusion completes the run, as on GitHub.
  if (b.conclusion !== undefined) {
    c.conclusion = b.conclusion;
    c.status = 'completed';
  }
  if (c.status === 'completed') c.completedAt = b.completed_at ?? c.completedAt ?? now;
  if (b.output) {
    c.output.title = b.output.title;
    c.output.summary = b.output.summary;
    if (b.output.text !== undefined) c.output.text = b.output.text;
    // Annotations add up across updates (GitHub takes at most 50 per request).
    c.output.annotations.push(...(b.output.annotations ?? []));
  }
  if (b.actions) c.actions = b.actions;
}

export const checkRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    ...can('write', 'checks'),
    handle(ctx) {
      requireApp(ctx);
      const repo = repoOf(ctx);
      const b = bodyOf<CheckBody & { name: string; head_sha: string }>(ctx);
      const now = ctx.state.now();
      const c: CheckRunRecord = {
        id: ctx.state.nextId(),
        name: b.name,
        headSha: b.head_sha,
        status: 'queued',
        conclusion: null,
        startedAt: now,
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null, annotations: [] },
        actions: [],
      };
      apply(c, b, now);
      repo.checkRuns.set(c.id, c);
      return { status: 201, body: checkRun(ctx.baseUrl, repo, c) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    ...can('read', 'checks'),
    handle(ctx) {
      const c = repoOf(ctx).checkRuns.get(intParam(ctx, 'check_run_id'));
      if (!c) throw notFound();
      return ok(checkRun(ctx.baseUrl, repoOf(ctx), c));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    ...can('write', 'checks'),
    handle(ctx) {
      requireApp(ctx);
      const repo = repoOf(ctx);
      const c = repo.checkRuns.get(intParam(ctx, 'check_run_id'));
      if (!c) throw notFound();
      apply(c, bodyOf<CheckBody>(ctx), ctx.state.now());
      return ok(checkRun(ctx.baseUrl, repo, c));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    ...can('read', 'checks'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = repo.resolveCommit(ctx.params.ref ?? '');
      if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
      const { check_name, status, filter = 'latest' } = ctx.query;
      let list = [...repo.checkRuns.values()]
        .filter((c) => c.headSha === sha)
        .filter(
          (c) =>
            (check_name === undefined || c.name === check_name) &&
            (status === undefined || c.status === status),
        )
        .sort((a, b) => b.id - a.id);
      if (filter === 'latest')
        list = list.filter((c, i) => list.findIndex((x) => x.name === c.name) === i);
      const perPage = Math.min(100, Number(ctx.query.per_page ?? 30) || 30);
      const page = Math.max(1, Number(ctx.query.page ?? 1) || 1);
      return ok({
        total_count: list.length,
        check_runs: list
          .slice((page - 1) * perPage, page * perPage)
          .map((c) => checkRun(ctx.baseUrl, repo, c)),
      });
    },
  },
];
