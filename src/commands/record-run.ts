import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeError } from '../core/errors.js';
import type { RunCi, RunRecord } from '../core/runs/record.js';
import { newestFirst } from '../core/runs/select.js';
import { Git } from '../git/git.js';
import { RunStore, type StoredRun } from '../git/run-refs.js';
import type { RunEnvironment } from '../github/run-environment.js';

/** Where a recorded run is: its ref and commit here, and whether it went to the remote. */
export interface RecordedRun {
  id: string;
  ref: string;
  commit: string;
  pushed: boolean;
}

/**
 * Whether runs go to the remote when nobody said: on a runner's `push` and `schedule` events (the
 * base branch's history others compare with), never from a fork (its code is untrusted and its
 * token cannot write), and never from a terminal.
 */
export function autoPush(env: RunEnvironment): boolean {
  return (env.eventName === 'push' || env.eventName === 'schedule') && !env.fork;
}

/** What the workflow run says about a training run. */
export function ciOf(env: RunEnvironment): RunCi | undefined {
  if (!env.onRunner && !env.runUrl) return undefined;
  const ci: RunCi = {
    ...(env.eventName ? { event: env.eventName } : {}),
    ...(env.runUrl ? { run_url: env.runUrl } : {}),
    ...(env.pullRequest ? { pull_request: env.pullRequest } : {}),
    ...(env.headSha && env.headSha !== env.sha ? { head_sha: env.headSha } : {}),
    ...(env.actor ? { actor: env.actor } : {}),
  };
  return Object.keys(ci).length ? ci : undefined;
}

/**
 * The run store of the checkout at `cwd`, or undefined when git does not see a checkout there
 * (none, or one it refuses: another owner without safe.directory, GIT_CEILING_DIRECTORIES).
 * `assume`: a `.git` above the folder is enough, without starting git (a process costs ~15 ms,
 * and `runs list` is a command people wait for); for commands where git failing later is an
 * error anyway, never for train or evaluate, which go on without a store.
 */
export async function runStoreAt(
  cwd: string,
  env?: NodeJS.ProcessEnv,
  o: { assume?: boolean } = {},
): Promise<RunStore | undefined> {
  const git = new Git(cwd, env);
  if (o.assume && !(env ?? process.env).GIT_DIR && hasDotGit(cwd)) return new RunStore(git);
  const r = await git.exec(['rev-parse', '--git-dir']);
  return r.code === 0 ? new RunStore(git) : undefined;
}

function hasDotGit(cwd: string): boolean {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/**
 * The run a new run follows: the newest earlier run of the model on the same branch, else on the
 * branch a pull request goes into. Undefined when there is none (or no git).
 */
export async function defaultParent(
  store: RunStore | undefined,
  model: string,
  branch: string | undefined,
  baseBranch: string | undefined,
): Promise<string | undefined> {
  if (!store) return undefined;
  const { runs } = await store.list(model);
  const newest = (b: string | undefined) =>
    b === undefined ? undefined : newestFirst(runs.filter((r) => r.record.code.branch === b))[0];
  return (newest(branch) ?? newest(baseBranch))?.record.id;
}

export interface RecordRunOptions {
  store: RunStore;
  /** true / false as the user said; undefined: autoPush. */
  push: boolean | undefined;
  remote: string;
  env: RunEnvironment;
  log: (line: string) => void;
  warn: (line: string) => void;
}

/**
 * Keeps a run in git (one new ref) and, when asked or by the event's default, pushes it. A push
 * the user asked for that fails is an error; an automatic one is a warning (the run stays here).
 */
export async function recordRun(record: RunRecord, o: RecordRunOptions): Promise<RecordedRun> {
  const stored: StoredRun = await o.store.create(record);
  o.log(`recorded run ${record.id} as ${stored.ref}`);
  const push = o.push ?? autoPush(o.env);
  let pushed = false;
  if (push) {
    try {
      const r = await o.store.push(o.remote, [stored]);
      if (r === 'rejected') throw new Error(`${o.remote} refused ${stored.ref}`);
      pushed = true;
      o.log(`pushed ${stored.ref} to ${o.remote}`);
    } catch (e) {
      if (o.push) throw e;
      o.warn(`run ${record.id} was recorded here but not pushed: ${describeError(e)}`);
    }
  }
  return { id: record.id, ref: stored.ref, commit: stored.commit, pushed };
}
