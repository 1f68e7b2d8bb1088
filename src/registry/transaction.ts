import { ModelciError } from '../core/errors.js';
import type { Git } from '../git/git.js';

/** What one attempt decided to write; null when there is nothing to do (already in place). */
export interface WritePlan<R> {
  /** Files were written under `paths`; commit them with this message. */
  message: string;
  /** Annotated tags to create on the commit (GTO format). */
  tags: { name: string; message: string }[];
  result: R;
  /** The files written (absolute), so only they are staged: cheaper than scanning a large registry. */
  files?: string[];
}

export interface RetryPolicy {
  attempts: number;
  /** First backoff in ms; doubles each attempt, jittered ×0.5–1.5, capped at maxMs. */
  baseMs: number;
  maxMs: number;
}

export interface TransactionOptions<R> {
  git: Git;
  /** Paths (relative to the repo root) the plan writes; only these are staged. */
  paths: string[];
  push: boolean;
  remote: string;
  branch: string;
  retry: RetryPolicy;
  identity?: { name: string; email: string };
  /** Reads the registry as it is now, writes files, says what to commit; re-run after each lost race. */
  plan: (attempt: number) => Promise<WritePlan<R> | { noop: R }>;
  log?: (msg: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface TransactionResult<R> {
  result: R;
  /** The registry commit, when one was made. */
  commit?: string;
  pushed: boolean;
  attempts: number;
  tags: string[];
}

/** Retry settings from the environment (tests shorten the backoff), else the defaults. */
export function retryPolicy(attempts: number, env: NodeJS.ProcessEnv): RetryPolicy {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    attempts: num(env.MODELCI_PUSH_ATTEMPTS, attempts),
    baseMs: num(env.MODELCI_RETRY_BASE_MS, 500),
    maxMs: num(env.MODELCI_RETRY_MAX_MS, 8000),
  };
}

/**
 * One registry change as one commit, pushed with the race rules: a rejected push drops the local
 * commit, fetches, rebases, and re-plans from the new state (a taken version is re-allocated, a
 * moved stage re-evaluated), with jittered exponential backoff, a bounded number of times. Any
 * failure leaves the checkout as it was (nothing written).
 */
export async function commitRegistryChange<R>(
  opts: TransactionOptions<R>,
): Promise<TransactionResult<R>> {
  const { git } = opts;
  const log = opts.log ?? (() => {});
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  let base = await git.head();
  // In CI the checkout usually equals the remote branch: then a lost race just moves to its new tip.
  const tracking = `${opts.remote}/${opts.branch}`;
  let even = opts.push && (await git.revParse(tracking)) === base;
  for (let attempt = 1; attempt <= opts.retry.attempts; attempt++) {
    const made: string[] = [];
    try {
      const plan = await opts.plan(attempt);
      if ('noop' in plan) {
        await undo(git, base, made, opts.paths);
        return { result: plan.noop, pushed: false, attempts: attempt, tags: [] };
      }
      await git.add(plan.files ?? opts.paths);
      const commit = await git.commit(plan.message, opts.identity);
      for (const t of plan.tags) {
        await git.tag(t.name, t.message, opts.identity);
        made.push(t.name);
      }
      if (!opts.push)
        return { result: plan.result, commit, pushed: false, attempts: attempt, tags: made };
      const refspecs = [`HEAD:refs/heads/${opts.branch}`, ...made.map((t) => `refs/tags/${t}`)];
      if ((await git.push(opts.remote, refspecs)) === 'pushed')
        return { result: plan.result, commit, pushed: true, attempts: attempt, tags: made };
      log(
        `push rejected (attempt ${attempt}/${opts.retry.attempts}): someone else pushed first; fetching and re-checking`,
      );
    } catch (e) {
      await undo(git, base, made, opts.paths);
      throw e;
    }
    for (const t of made) await git.deleteTag(t);
    try {
      if (attempt === opts.retry.attempts) {
        await git.resetHard(base);
        break;
      }
      // Wait first, then fetch: the state we re-plan from should be as fresh as possible.
      const delay =
        Math.min(opts.retry.maxMs, opts.retry.baseMs * 2 ** (attempt - 1)) * (0.5 + random());
      await sleep(Math.round(delay));
      await git.fetch(opts.remote, opts.branch);
      // Tag numbers (GTO stage tags) are allocated from the tags we know: learn the new ones.
      if (made.length) await git.fetchTags(opts.remote);
      if (even) await git.resetHard(tracking);
      else {
        await git.resetHard(base);
        if (!(await git.rebase(tracking)))
          throw new ModelciError(
            'GIT',
            `cannot rebase ${opts.branch} onto ${tracking}: local commits conflict`,
            { hint: 'Push or drop your local commits first, then run again' },
          );
      }
      base = await git.head();
      even = (await git.revParse(tracking)) === base;
    } catch (e) {
      await git.resetHard(base);
      throw e;
    }
  }
  throw new ModelciError(
    'GIT',
    `gave up after ${opts.retry.attempts} push attempts: other writers kept pushing to ${opts.branch} first`,
    {
      hint: 'Run again, or raise registry.push_attempts',
    },
  );
}

async function undo(git: Git, base: string, tags: string[], paths: string[]): Promise<void> {
  for (const t of tags) await git.deleteTag(t);
  await git.resetHard(base);
  // The registry paths were clean when we started, so anything untracked there is ours.
  await git.clean(paths);
}
