import { readRunEnvironment } from '../github/run-environment.js';

/** Who is writing and from which run, read from the GitHub Actions environment. */
export interface RunContext {
  actor: string;
  commit?: string;
  ref?: string;
  runUrl?: string;
  pullRequest?: number;
}

export function runContext(
  env: NodeJS.ProcessEnv,
  given: Partial<RunContext>,
  head: string,
  branch: string,
): RunContext {
  const run = readRunEnvironment(env);
  const ctx: RunContext = {
    actor: given.actor ?? run.actor ?? env.USER ?? 'modelci',
    commit: given.commit ?? (/^[0-9a-f]{40}$/.test(run.sha ?? '') ? run.sha : head),
    ref: given.ref ?? run.ref ?? `refs/heads/${branch}`,
  };
  const url = given.runUrl ?? run.runUrl;
  if (url) ctx.runUrl = url;
  // Any event that names a PR (pull_request, workflow_run, issue_comment), not pull_request only.
  const pr = given.pullRequest ?? run.pullRequest;
  if (pr) ctx.pullRequest = pr;
  return ctx;
}
