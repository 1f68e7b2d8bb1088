import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ACTIONS_TOKEN } from './github/identities.js';
import { parseKeyValueFile, parseStdoutCommands, type Annotation } from './runner/commands.js';
import { evaluateTemplate } from './runner/expressions.js';
import { tempDir } from './temp.js';

// Runs an action's bundle the way the GitHub Actions runner does: `node <runs.main>` in a child
// process with INPUT_* from action.yml defaults + given inputs, the GITHUB_* / RUNNER_* variables
// and the file-command files; then reads back outputs, summary, annotations and exit code.

export type { Annotation } from './runner/commands.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunActionOptions {
  /** Inputs by their action.yml name (kebab-case); undeclared names are an error. */
  inputs?: Record<string, string>;
  /** Extra environment (wins over everything the harness sets). */
  env?: Record<string, string>;
  /** The webhook payload written to GITHUB_EVENT_PATH (default `{}`). */
  event?: object;
  eventName?: string;
  /** GITHUB_WORKSPACE and the process's working directory (default: a fresh temp folder). */
  cwd?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  /** GITHUB_API_URL, e.g. the stand-in's `url`. Default: a closed port, so stray calls fail. */
  apiUrl?: string;
  /** GITHUB_SERVER_URL (default: apiUrl when given, else https://github.com). */
  serverUrl?: string;
  /** What `${{ github.token }}` evaluates to (default ACTIONS_TOKEN of the stand-in). */
  token?: string;
  actor?: string;
  workflow?: string;
  job?: string;
  runId?: string;
  runAttempt?: string;
  /** Kill the process after this long (default 60 s); the result then has `timedOut: true`. */
  timeoutMs?: number;
  /** Keep the runner temp folder (RUNNER_TEMP, file commands) for inspection. */
  keepTemp?: boolean;
  /** Sets RUNNER_DEBUG=1 so core.debug lines are printed. */
  debug?: boolean;
  /** The job's artifact service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL), e.g. the stand-in's
   * `runtime()`. Default: none, as for a local run. @actions/artifact refuses GHES-looking
   * GITHUB_SERVER_URLs, so pair it with `serverUrl: 'https://github.com'`. */
  artifacts?: { runtimeToken: string; resultsUrl: string };
}

export interface RunActionResult {
  exitCode: number | null;
  timedOut: boolean;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** GITHUB_ENV assignments, GITHUB_PATH additions and GITHUB_STATE (core.saveState). */
  exportedEnv: Record<string, string>;
  addedPath: string[];
  state: Record<string, string>;
  /** Values the action masked with core.setSecret. */
  masks: string[];
  stdout: string;
  stderr: string;
  /** The runner temp folder (deleted afterwards unless `keepTemp`). */
  runnerDir: string;
  /** The environment the action ran with. */
  env: Record<string, string>;
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  runs?: { using?: string; main?: string };
}

/** Locates `actions/<name>/` (`.` = the root action) or takes a folder holding an action.yml. */
export function actionDir(action: string): string {
  if (action === '.' || action === '') return REPO_ROOT;
  if (isAbsolute(action) || action.includes('/')) return resolve(action);
  return join(REPO_ROOT, 'actions', action);
}

export async function runAction(
  action: string,
  opts: RunActionOptions = {},
): Promise<RunActionResult> {
  const dir = actionDir(action);
  const ymlPath = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find(existsSync);
  if (!ymlPath) throw new Error(`runner harness: no action.yml in ${dir}`);
  const yml = parseYaml(readFileSync(ymlPath, 'utf8')) as ActionYaml;
  if (!yml.runs?.using?.startsWith('node') || !yml.runs.main)
    throw new Error(`runner harness: ${ymlPath} is not a node action (runs.using/main)`);
  const main = join(dir, yml.runs.main);
  if (!existsSync(main))
    throw new Error(`runner harness: ${main} does not exist; run \`npm run build\``);

  const runnerDir = tempDir('modelci-runner-');
  const temp = join(runnerDir, 'temp');
  const toolCache = join(runnerDir, 'tool-cache');
  const commandsDir = join(runnerDir, 'file-commands');
  const workspace = opts.cwd ?? join(runnerDir, 'workspace');
  for (const d of [temp, toolCache, commandsDir, workspace]) mkdirSync(d, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(commandsDir, 'set_output'),
    GITHUB_STEP_SUMMARY: join(commandsDir, 'step_summary'),
    GITHUB_ENV: join(commandsDir, 'set_env'),
    GITHUB_PATH: join(commandsDir, 'add_path'),
    GITHUB_STATE: join(commandsDir, 'save_state'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = join(runnerDir, 'event.json');
  const event = opts.event ?? {};
  writeFileSync(eventPath, JSON.stringify(event));

  const repository = opts.repository ?? 'octo-org/models';
  const apiUrl = opts.apiUrl ?? 'http://127.0.0.1:9';
  const serverUrl = opts.serverUrl ?? (opts.apiUrl ? opts.apiUrl : 'https://github.com');
  const ref = opts.ref ?? 'refs/heads/main';
  const eventName = opts.eventName ?? 'push';
  const github = {
    token: opts.token ?? ACTIONS_TOKEN,
    repository,
    repository_owner: repository.split('/')[0] ?? '',
    sha: opts.sha ?? '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    event_name: eventName,
    event,
    actor: opts.actor ?? 'octocat',
    triggering_actor: opts.actor ?? 'octocat',
    workflow: opts.workflow ?? 'CI',
    job: opts.job ?? 'test',
    run_id: opts.runId ?? '1658821493',
    run_number: '7',
    run_attempt: opts.runAttempt ?? '1',
    server_url: serverUrl,
    api_url: apiUrl,
    graphql_url: `${apiUrl}/graphql`,
    workspace,
    action_path: dir,
    base_ref: eventName.startsWith('pull_request') ? pullBranch(event, 'base') : '',
    head_ref: eventName.startsWith('pull_request') ? pullBranch(event, 'head') : '',
  };
  const runner = { temp, tool_cache: toolCache, os: 'Linux', arch: 'X64', name: 'harness' };

  const inputEnv: Record<string, string> = {};
  const declared = yml.inputs ?? {};
  for (const name of Object.keys(opts.inputs ?? {}))
    if (!(name in declared))
      throw new Error(
        `runner harness: input "${name}" is not declared in ${ymlPath} (declared: ${Object.keys(declared).join(', ')})`,
      );
  for (const [name, spec] of Object.entries(declared)) {
    const given = opts.inputs?.[name];
    const value =
      given ??
      (spec?.default === undefined
        ? undefined
        : evaluateTemplate(String(spec.default), { github, runner, env: opts.env ?? {} }));
    // The runner names inputs INPUT_<NAME>: spaces become `_`, upper-cased, dashes kept.
    if (value !== undefined) inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerDir,
    LANG: process.env.LANG ?? 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'run',
    GITHUB_ACTION_PATH: dir,
    GITHUB_ACTOR: github.actor,
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: github.triggering_actor,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_GRAPHQL_URL: github.graphql_url,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner,
    GITHUB_SHA: github.sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_REF_TYPE: github.ref_type,
    GITHUB_BASE_REF: github.base_ref,
    GITHUB_HEAD_REF: github.head_ref,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/ci.yml@${ref}`,
    GITHUB_JOB: github.job,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_NUMBER: github.run_number,
    GITHUB_RUN_ATTEMPT: github.run_attempt,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_OS: runner.os,
    RUNNER_ARCH: runner.arch,
    RUNNER_NAME: runner.name,
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...files,
    ...(opts.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...(opts.artifacts
      ? {
          ACTIONS_RUNTIME_TOKEN: opts.artifacts.runtimeToken,
          ACTIONS_RESULTS_URL: opts.artifacts.resultsUrl,
        }
      : {}),
    // Not set by GitHub: lets the action's client skip write spacing (see src/github/client.ts).
    ...(process.env.MODELCI_GITHUB_WRITE_SPACING
      ? { MODELCI_GITHUB_WRITE_SPACING: process.env.MODELCI_GITHUB_WRITE_SPACING }
      : {}),
    // The test run's temp directory (test/harness/global-setup.ts), so what an action leaves there
    // is found too.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...inputEnv,
    ...opts.env,
  };

  const { exitCode, timedOut, stdout, stderr } = await spawnNode(
    main,
    workspace,
    env,
    opts.timeoutMs ?? 60_000,
  );
  const commands = parseStdoutCommands(stdout);
  const read = (f: string) => readFileSync(f, 'utf8');
  const result: RunActionResult = {
    exitCode,
    timedOut,
    outputs: parseKeyValueFile(read(files.GITHUB_OUTPUT)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    annotations: commands.annotations,
    exportedEnv: parseKeyValueFile(read(files.GITHUB_ENV)),
    addedPath: read(files.GITHUB_PATH).split(/\r?\n/).filter(Boolean),
    state: parseKeyValueFile(read(files.GITHUB_STATE)),
    masks: commands.masks,
    stdout,
    stderr,
    runnerDir,
    env,
  };
  if (!opts.keepTemp) rmSync(runnerDir, { recursive: true, force: true });
  return result;
}

function pullBranch(event: object, side: 'base' | 'head'): string {
  const pr = (event as { pull_request?: Record<string, { ref?: string } | undefined> })
    .pull_request;
  return pr?.[side]?.ref ?? '';
}

function spawnNode(
  main: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ exitCode: number | null; timedOut: boolean; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [main], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code, timedOut, stdout, stderr });
    });
  });
}
