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
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const ctx: RunContext = {
    actor: given.actor ?? env.GITHUB_ACTOR ?? env.USER ?? 'modelci',
    commit: given.commit ?? (/^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : head),
    ref: given.ref ?? env.GITHUB_REF ?? `refs/heads/${branch}`,
  };
  const url = given.runUrl ?? runUrl;
  if (url) ctx.runUrl = url;
  if (given.pullRequest) ctx.pullRequest = given.pullRequest;
  return ctx;
}
