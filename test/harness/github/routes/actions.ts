import { bodyOf, can, HttpError, repoOf, type Route } from '../route.js';

// workflow_dispatch: recorded in `repo.dispatches`; nothing runs.
export const actionsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    ...can('write', 'actions'),
    handle(ctx) {
      const repo = repoOf(ctx);
      const b = bodyOf<{
        ref: string;
        inputs?: Record<string, unknown>;
        return_run_details?: boolean;
      }>(ctx);
      if (!repo.resolveCommit(b.ref)) throw new HttpError(422, `No ref found for: ${b.ref}`);
      repo.dispatches.push({
        workflowId: ctx.params.workflow_id ?? '',
        ref: b.ref,
        inputs: b.inputs ?? {},
        by: ctx.identity,
        at: ctx.state.now(),
      });
      if (!b.return_run_details) return { status: 204 };
      const runId = ctx.state.nextId();
      return {
        status: 200,
        body: {
          workflow_run_id: runId,
          run_url: `${ctx.baseUrl}/repos/${repo.fullName}/actions/runs/${runId}`,
          html_url: `${ctx.baseUrl}/${repo.fullName}/actions/runs/${runId}`,
        },
      };
    },
  },
];
