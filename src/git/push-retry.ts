import { ModelciError } from '../core/errors.js';

/**
 * The one push-retry policy (registry writes and the gitops deploy target): a push that another
 * writer beat is rebuilt on the new tip and tried again, after a jittered exponential backoff, a
 * bounded number of times. Only a rejected push is retried; any other failure (permissions, network,
 * a conflict) ends the loop at once.
 */
export interface PushRetryPolicy {
  attempts: number;
  /** First backoff in ms; doubles each attempt, jittered ×0.5–1.5, capped at maxMs. */
  baseMs: number;
  maxMs: number;
}

/** The defaults, with the environment's overrides (tests shorten the backoff). */
export function pushRetryPolicy(attempts: number, env: NodeJS.ProcessEnv): PushRetryPolicy {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    attempts: num(env.MODELCI_PUSH_ATTEMPTS, attempts),
    baseMs: num(env.MODELCI_RETRY_BASE_MS, 500),
    maxMs: num(env.MODELCI_RETRY_MAX_MS, 8000),
  };
}

/** The wait before attempt `attempt + 1`. */
export function backoffMs(policy: PushRetryPolicy, attempt: number, random: () => number): number {
  return Math.round(Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1)) * (0.5 + random()));
}

/** One attempt's outcome: done (pushed, or nothing to push), or beaten by another writer. */
export type PushAttempt<T> = { done: T } | 'rejected';

export interface PushWithRetryOptions<T> {
  policy: PushRetryPolicy;
  /** Builds on the current tip and pushes; `rejected` when someone else pushed first. */
  attempt: (n: number) => Promise<PushAttempt<T>>;
  /** After a rejection and the backoff: fetch the new tip so the next attempt builds on it. */
  refresh: (n: number) => Promise<void>;
  /** Where the pushes go, for the log and the give-up message (e.g. `main`). */
  target: string;
  /** What to do when every attempt lost. */
  hint: string;
  log?: (msg: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export async function pushWithRetry<T>(
  opts: PushWithRetryOptions<T>,
): Promise<{ value: T; attempts: number }> {
  const { policy } = opts;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  for (let n = 1; n <= policy.attempts; n++) {
    const r = await opts.attempt(n);
    if (r !== 'rejected') return { value: r.done, attempts: n };
    opts.log?.(
      `push rejected (attempt ${n}/${policy.attempts}): someone else pushed to ${opts.target} first; fetching and trying again`,
    );
    if (n === policy.attempts) break;
    // Wait first, then fetch: the state the next attempt builds on should be as fresh as possible.
    await sleep(backoffMs(policy, n, random));
    await opts.refresh(n);
  }
  throw new ModelciError(
    'GIT',
    `gave up after ${policy.attempts} push attempts: other writers kept pushing to ${opts.target} first`,
    { hint: opts.hint },
  );
}
