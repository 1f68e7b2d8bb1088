import { readFileSync } from 'node:fs';

// The one place that reads the GitHub Actions environment (GITHUB_*, RUNNER_*, the event payload
// and the token variables). Every command and action takes a RunEnvironment; nothing else reads
// process.env.GITHUB_* (eslint's no-restricted-syntax rule enforces it).

export interface Repository {
  owner: string;
  repo: string;
  /** `owner/repo`. */
  fullName: string;
}

/** Where a token came from, in lookup order. */
export type TokenSource = 'input' | 'GITHUB_TOKEN' | 'GH_TOKEN';

export interface RunEnvironment {
  /** Inside a GitHub Actions job (GITHUB_ACTIONS=true). */
  onRunner: boolean;
  /** The checkout: GITHUB_WORKSPACE on a runner, else the working directory. */
  workspace: string;
  repository: Repository | undefined;
  serverUrl: string;
  apiUrl: string;
  eventName: string | undefined;
  /** The webhook payload (GITHUB_EVENT_PATH); `{}` when there is none. */
  event: Record<string, unknown>;
  /** GITHUB_SHA: for pull_request events, the merge commit; for workflow_run, the default branch. */
  sha: string | undefined;
  /**
   * The commit the change under review is: a pull request's head, a workflow_run's head_sha, a
   * check suite's or merge group's head; else GITHUB_SHA. Check runs and statuses belong here.
   */
  headSha: string | undefined;
  ref: string | undefined;
  /** The branch the run is about: the PR's head branch, else the pushed branch. */
  branch: string | undefined;
  /** The branch a pull request goes into (its base), when the run is about one. */
  baseBranch: string | undefined;
  /** The pull request the run is about, when the event says (pull_request*, workflow_run, issue_comment). */
  pullRequest: number | undefined;
  /** The PR's head lives in another repository: its code and data are untrusted. */
  fork: boolean;
  runId: string | undefined;
  runAttempt: string | undefined;
  /** `<server>/<owner>/<repo>/actions/runs/<id>`. */
  runUrl: string | undefined;
  workflow: string | undefined;
  actor: string | undefined;
  /** Token lookup: the action's `token` input, else GITHUB_TOKEN, else GH_TOKEN. */
  token: string | undefined;
  tokenSource: TokenSource | undefined;
  runnerTemp: string | undefined;
  toolCache: string | undefined;
  /** Runner file commands (outputs, job summary, env, path, state). */
  files: { output?: string; stepSummary?: string; env?: string; path?: string; state?: string };
  /** What could not be read (an unreadable event file), for the caller to warn about. */
  problems: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (v: string | undefined): string | undefined => (v ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;

function parseRepository(full: string | undefined): Repository | undefined {
  const m = full ? /^([^/\s]+)\/([^/\s]+)$/.exec(full) : null;
  return m ? { owner: m[1]!, repo: m[2]!, fullName: full! } : undefined;
}

/** The head commit, PR number, branch and fork flag an event payload names. */
export function eventFacts(
  eventName: string | undefined,
  event: Record<string, unknown>,
): {
  headSha?: string;
  pullRequest?: number;
  branch?: string;
  baseBranch?: string;
  fork: boolean;
} {
  const pr = obj(event.pull_request);
  if (Object.keys(pr).length) {
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headRepo = str(obj(head.repo).full_name);
    const baseRepo = str(obj(base.repo).full_name);
    return {
      ...(str(head.sha) ? { headSha: str(head.sha)! } : {}),
      ...((num(pr.number) ?? num(event.number))
        ? { pullRequest: (num(pr.number) ?? num(event.number))! }
        : {}),
      ...(str(head.ref) ? { branch: str(head.ref)! } : {}),
      ...(str(base.ref) ? { baseBranch: str(base.ref)! } : {}),
      fork: Boolean(headRepo && baseRepo && headRepo !== baseRepo),
    };
  }
  if (eventName === 'workflow_run' || event.workflow_run) {
    const run = obj(event.workflow_run);
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests.map(obj) : [];
    const headRepo = str(obj(run.head_repository).full_name);
    const repo = str(obj(run.repository).full_name);
    return {
      ...(str(run.head_sha) ? { headSha: str(run.head_sha)! } : {}),
      ...(prs.length && num(prs[0]!.number) ? { pullRequest: num(prs[0]!.number)! } : {}),
      ...(prs.length && str(obj(prs[0]!.base).ref)
        ? { baseBranch: str(obj(prs[0]!.base).ref)! }
        : {}),
      ...(str(run.head_branch) ? { branch: str(run.head_branch)! } : {}),
      fork: Boolean(headRepo && repo && headRepo !== repo),
    };
  }
  for (const key of ['check_suite', 'merge_group'] as const) {
    const o = obj(event[key]);
    if (str(o.head_sha)) return { headSha: str(o.head_sha)!, fork: false };
  }
  const checkRun = obj(event.check_run);
  if (str(checkRun.head_sha)) return { headSha: str(checkRun.head_sha)!, fork: false };
  const issue = obj(event.issue);
  if (issue.pull_request && num(issue.number))
    return { pullRequest: num(issue.number)!, fork: false };
  return { fork: false };
}

function readEvent(path: string | undefined, problems: string[]): Record<string, unknown> {
  if (!path) return {};
  try {
    return obj(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  } catch (e) {
    problems.push(
      `could not read the event payload ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return {};
  }
}

/**
 * Reads the run environment once, at the edge (the CLI's main, an action's entry). `token` is an
 * explicitly given token (the action's `token` input); it wins over the environment's.
 */
export function readRunEnvironment(
  env: Env = process.env,
  opts: { token?: string | undefined; cwd?: string } = {},
): RunEnvironment {
  const problems: string[] = [];
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  const event = readEvent(nonEmpty(env.GITHUB_EVENT_PATH), problems);
  const facts = eventFacts(eventName, event);
  const repository = parseRepository(nonEmpty(env.GITHUB_REPOSITORY));
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '');
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  const sha = nonEmpty(env.GITHUB_SHA);
  const ref = nonEmpty(env.GITHUB_REF);
  const [token, tokenSource]: [string | undefined, TokenSource | undefined] = opts.token
    ? [opts.token, 'input']
    : env.GITHUB_TOKEN
      ? [env.GITHUB_TOKEN, 'GITHUB_TOKEN']
      : env.GH_TOKEN
        ? [env.GH_TOKEN, 'GH_TOKEN']
        : [undefined, undefined];
  return {
    onRunner: env.GITHUB_ACTIONS === 'true',
    workspace: nonEmpty(env.GITHUB_WORKSPACE) ?? opts.cwd ?? process.cwd(),
    repository,
    serverUrl,
    apiUrl: (nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, ''),
    eventName,
    event,
    sha,
    headSha: facts.headSha ?? sha,
    ref,
    branch:
      facts.branch ??
      nonEmpty(env.GITHUB_HEAD_REF) ??
      (ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined),
    baseBranch: facts.baseBranch ?? nonEmpty(env.GITHUB_BASE_REF),
    pullRequest: facts.pullRequest,
    fork: facts.fork,
    runId,
    runAttempt: nonEmpty(env.GITHUB_RUN_ATTEMPT),
    runUrl:
      runId && repository ? `${serverUrl}/${repository.fullName}/actions/runs/${runId}` : undefined,
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    actor: nonEmpty(env.GITHUB_ACTOR),
    token,
    tokenSource,
    runnerTemp: nonEmpty(env.RUNNER_TEMP),
    toolCache: nonEmpty(env.RUNNER_TOOL_CACHE),
    files: {
      ...(nonEmpty(env.GITHUB_OUTPUT) ? { output: env.GITHUB_OUTPUT! } : {}),
      ...(nonEmpty(env.GITHUB_STEP_SUMMARY) ? { stepSummary: env.GITHUB_STEP_SUMMARY! } : {}),
      ...(nonEmpty(env.GITHUB_ENV) ? { env: env.GITHUB_ENV! } : {}),
      ...(nonEmpty(env.GITHUB_PATH) ? { path: env.GITHUB_PATH! } : {}),
      ...(nonEmpty(env.GITHUB_STATE) ? { state: env.GITHUB_STATE! } : {}),
    },
    problems,
  };
}

export type RunnerFileCommand = 'OUTPUT' | 'STEP_SUMMARY' | 'ENV' | 'PATH' | 'STATE';

/** The runner's file for a file command (GITHUB_OUTPUT, ...), read when the command is issued. */
export function runnerFile(command: RunnerFileCommand): string | undefined {
  return nonEmpty(process.env[`GITHUB_${command}`]);
}

/** A run environment for code that runs outside any workflow (tests, library use). */
export function localRunEnvironment(overrides: Partial<RunEnvironment> = {}): RunEnvironment {
  return { ...readRunEnvironment({}, {}), ...overrides };
}
