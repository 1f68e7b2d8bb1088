import {
  bodyOf,
  can,
  HttpError,
  intParam,
  notFound,
  ok,
  paginate,
  repoOf,
  type Route,
  type RouteContext,
} from '../route.js';
import { deployment, deploymentStatus, environment } from '../render/deployments.js';
import type { DeploymentRecord, DeploymentStatusRecord } from '../state.js';

// Deployments, their statuses and environments. A new `success` status marks earlier successful
// deployments in the same environment `inactive` unless `auto_inactive: false` (GitHub's rule).

const READ = can('read', 'deployments');
const WRITE = can('write', 'deployments');

function deploymentOf(ctx: RouteContext): DeploymentRecord {
  const d = repoOf(ctx).deployments.get(intParam(ctx, 'deployment_id'));
  if (!d) throw notFound();
  return d;
}

export const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const { sha, ref, task, environment: env } = ctx.query;
      const list = [...repo.deployments.values()]
        .filter((d) => (sha === undefined || d.sha === sha) && (ref === undefined || d.ref === ref))
        .filter(
          (d) =>
            (task === undefined || d.task === task) && (env === undefined || d.environment === env),
        )
        .sort((a, b) => b.id - a.id);
      return paginate(ctx, list, (d) => deployment(ctx.baseUrl, repo, d));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const b = bodyOf<{
        ref: string;
        task?: string;
        payload?: Record<string, unknown> | string;
        environment?: string;
        description?: string | null;
        transient_environment?: boolean;
        production_environment?: boolean;
        required_contexts?: string[];
      }>(ctx);
      const sha = repo.resolveCommit(b.ref);
      if (!sha)
        throw new HttpError(422, `No ref found for: ${b.ref}`, {
          documentation_url:
            'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        });
      // Like GitHub: unless required_contexts says otherwise, every commit status must be green.
      const failing = repo
        .latestStatuses(sha)
        .filter(
          (s) => s.state !== 'success' && (b.required_contexts ?? [s.context]).includes(s.context),
        );
      if (failing.length)
        throw new HttpError(409, `Conflict: Commit status checks failed for ${b.ref}.`, {
          documentation_url:
            'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        });
      const env = b.environment ?? 'production';
      repo.ensureEnvironment(env);
      const now = ctx.state.now();
      const d: DeploymentRecord = {
        id: ctx.state.nextId(),
        sha,
        ref: b.ref,
        task: b.task ?? 'deploy',
        environment: env,
        originalEnvironment: env,
        description: b.description ?? '',
        payload: b.payload ?? {},
        transientEnvironment: b.transient_environment ?? false,
        productionEnvironment: b.production_environment ?? env === 'production',
        creator: ctx.identity,
        createdAt: now,
        updatedAt: now,
        statuses: [],
      };
      repo.deployments.set(d.id, d);
      return { status: 201, body: deployment(ctx.baseUrl, repo, d) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}',
    ...READ,
    handle: (ctx) => ok(deployment(ctx.baseUrl, repoOf(ctx), deploymentOf(ctx))),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const list = [...deploymentOf(ctx).statuses].sort((a, b) => b.id - a.id);
      return paginate(ctx, list, (s) => deploymentStatus(ctx.baseUrl, repo, s));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}',
    ...READ,
    handle(ctx) {
      const s = deploymentOf(ctx).statuses.find((x) => x.id === intParam(ctx, 'status_id'));
      if (!s) throw notFound();
      return ok(deploymentStatus(ctx.baseUrl, repoOf(ctx), s));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const d = deploymentOf(ctx);
      const b = bodyOf<{
        state: DeploymentStatusRecord['state'];
        target_url?: string;
        log_url?: string;
        description?: string;
        environment?: string;
        environment_url?: string;
        auto_inactive?: boolean;
      }>(ctx);
      if (b.environment !== undefined && b.environment !== d.environment) {
        d.environment = b.environment;
        repo.ensureEnvironment(b.environment);
      }
      const status = repo.addDeploymentStatus(d, {
        state: b.state,
        description: b.description ?? '',
        environmentUrl: b.environment_url ?? '',
        logUrl: b.log_url ?? b.target_url ?? '',
        targetUrl: b.target_url ?? b.log_url ?? '',
        creator: ctx.identity,
      });
      if (b.state === 'success' && b.auto_inactive !== false)
        for (const other of repo.deployments.values())
          if (
            other.id < d.id &&
            other.environment === d.environment &&
            other.statuses.at(-1)?.state === 'success'
          )
            repo.addDeploymentStatus(other, {
              state: 'inactive',
              description: '',
              environmentUrl: other.statuses.at(-1)?.environmentUrl ?? '',
              logUrl: '',
              targetUrl: '',
              creator: ctx.identity,
            });
      return { status: 201, body: deploymentStatus(ctx.baseUrl, repo, status) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    ...can('read', 'metadata'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const e = repo.environments.get(ctx.params.environment_name ?? '');
      if (!e) throw notFound();
      return ok(environment(ctx.baseUrl, repo, e));
    },
  },
];
