import { join } from 'node:path';
import { ModelciError } from '../core/errors.js';
import type { Git } from '../git/git.js';
import { pushWithRetry, type PushRetryPolicy } from '../git/push-retry.js';
import { ScratchTree } from '../git/scratch-tree.js';
import { ChangeJournal, CHANGE_TOKEN_ENV, createTagRef } from './change-journal.js';
import type { RegistryCheckout } from './checkout.js';
import { tagsToCarry, unpushedTags, type TagRef } from './unpushed-tags.js';

/** A GTO tag to create with the change; on `target` (default: the change's own commit). */
export interface PlannedTag {
  name: string;
  message: string;
  target?: string;
}

/** What one attempt decided to write. */
export interface WritePlan<R> {
  /** Files written under the plan's registry folder; only they are committed. */
  files: string[];
  message: string;
  tags: PlannedTag[];
  result: R;
}

/** What a plan sees: the registry as of `base`, in a scratch folder it may write to. */
export interface PlanContext {
  /** The registry folder in the scratch tree (only the change's model folders are there). */
  dir: string;
  /** The commit the change builds on. */
  base: string;
  /** The repository, for reading history and tags (never its work tree). */
  git: Git;
  attempt: number;
}

export interface TransactionOptions<R> {
  checkout: RegistryCheckout;
  /** e.g. `register churn`: names the change in the journal and in recovery messages. */
  command: string;
  /** Model folders the plan reads and writes (materialized in the scratch tree, artifacts aside). */
  models: string[];
  push: boolean;
  remote: string;
  retry: PushRetryPolicy;
  /** Tag globs to learn from the remote before numbering GTO tags (when pushing). */
  tagGlobs?: string[];
  /** Reads the registry as it is at `base`, writes files, says what to commit; re-run after a lost race. */
  plan: (ctx: PlanContext) => Promise<WritePlan<R> | { noop: R }>;
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

interface Outcome<R> {
  result: R;
  commit?: string;
  /** Where the checkout ends: the new commit, or the remote's tip it built on. */
  target: string;
  /** The plan's own tags. */
  tags: TagRef[];
  /** Tags of earlier local changes pushed along (some moved to their replayed commits). */
  carried: TagRef[];
  pushed: boolean;
}

/**
 * One registry change as one commit, built beside the checkout (a private index and a scratch
 * folder holding only the model's records), pushed with the race rules when asked, and only then
 * moved into the checkout: a process killed at any point leaves the checkout as it was, or with
 * the finished change once its commit existed (the journal lets the next run finish it).
 *
 * A rejected push (someone pushed first) fetches, rebuilds on the new tip and re-plans: a version
 * number taken meanwhile is re-allocated, a moved stage re-evaluated. Local commits that were never
 * pushed (an earlier run without --push) go along, replayed on the new tip when needed.
 */
export async function commitRegistryChange<R>(
  opts: TransactionOptions<R>,
): Promise<TransactionResult<R>> {
  const { checkout, remote } = opts;
  const branch = checkout.branch;
  const head = await checkout.git.head();
  const journal = ChangeJournal.begin(checkout.gitDir, {
    command: opts.command,
    branch,
    from: head,
  });
  // Every git process of the change carries the journal's token, so leftovers can be found.
  const git = checkout.git.withEnv({ [CHANGE_TOKEN_ENV]: journal.record.token });
  let applying = false;
  try {
    const tracking = `${remote}/${branch}`;
    let base = head;
    /** Local commits replayed onto the remote's tip after a lost race: old -> new. */
    let replayed = new Map<string, string>();
    let localTags: Awaited<ReturnType<typeof unpushedTags>> = [];
    const syncTags = async () => {
      if (!opts.tagGlobs?.length) return;
      await fetchTags(git, remote, opts.tagGlobs);
      localTags = await unpushedTags(git, remote, opts.tagGlobs);
    };
    if (opts.push) {
      // Behind the remote (e.g. an earlier run pushed and was killed before moving the checkout):
      // build on the remote's tip instead of losing the race once.
      const tip = await git.revParse(tracking);
      if (tip && tip !== head && (await git.isAncestor(head, tip))) base = tip;
      await syncTags();
    }
    const carry = (tip: string) => tagsToCarry(git, localTags, tip, replayed, checkout.identity);
    const tagSpecs = (tags: TagRef[]) => tags.map((t) => `${t.object}:refs/tags/${t.name}`);
    const attempt = async (n: number): Promise<{ done: Outcome<R> } | 'rejected'> => {
      const scratch = await ScratchTree.create({
        repo: git,
        gitDir: checkout.gitDir,
        root: journal.scratchRoot(n),
        base,
        paths: opts.models.map((m) => joinPath(checkout.relDir, m)),
        // Artifacts of the git store can be large and no plan reads them.
        skip: (p) => /\/artifacts\//.test(p.slice(joinPath(checkout.relDir, '').length)),
      });
      try {
        const plan = await opts.plan({
          dir: join(scratch.dir, checkout.relDir),
          base,
          git,
          attempt: n,
        });
        if ('noop' in plan) {
          // Nothing new, but local commits (and their tags) nobody pushed yet still go (a re-run
          // after a kill, or after a run without --push).
          const carried = opts.push ? await carry(base) : [];
          if (opts.push && ((await unpushed(git, tracking, base)) || carried.length)) {
            const refspecs = [`${base}:refs/heads/${branch}`, ...tagSpecs(carried)];
            if ((await git.push(remote, refspecs)) === 'rejected') return 'rejected';
            return { done: { result: plan.noop, target: base, tags: [], carried, pushed: true } };
          }
          return {
            done: { result: plan.noop, target: base, tags: [], carried: [], pushed: false },
          };
        }
        const commit = await scratch.commit(plan.files, plan.message, checkout.identity);
        const tags: { name: string; object: string }[] = [];
        for (const t of plan.tags)
          tags.push({
            name: t.name,
            object: await git.tagObject(t.name, t.message, t.target ?? commit, checkout.identity),
          });
        const carried = opts.push ? await carry(commit) : [];
        if (opts.push) {
          journal.pushing(commit);
          const refspecs = [`${commit}:refs/heads/${branch}`, ...tagSpecs([...tags, ...carried])];
          if ((await git.push(remote, refspecs)) === 'rejected') return 'rejected';
        }
        return {
          done: { result: plan.result, commit, target: commit, tags, carried, pushed: opts.push },
        };
      } finally {
        scratch.dispose();
      }
    };
    const { value, attempts } = await pushWithRetry({
      policy: opts.retry,
      attempt,
      refresh: async () => {
        await git.fetch(remote, branch);
        await syncTags();
        ({ onto: base, replayed } = await replayLocalCommits(
          git,
          head,
          (await git.revParse(tracking))!,
          checkout.identity,
        ));
      },
      target: branch,
      hint: 'Run again, or raise registry.push_attempts',
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      ...(opts.random ? { random: opts.random } : {}),
    });
    const tagRefs = [...value.tags, ...value.carried];
    if (value.target !== head || tagRefs.length) {
      // From here on the change is finished, not undone: a kill leaves the journal to say so.
      journal.applying(value.target, tagRefs, value.pushed);
      applying = true;
      await moveCheckout(git, branch, head, value.target);
      for (const t of tagRefs) await createTagRef(git, t);
    }
    journal.end();
    return {
      result: value.result,
      ...(value.commit ? { commit: value.commit } : {}),
      pushed: value.pushed,
      attempts,
      tags: value.tags.map((t) => t.name),
    };
  } catch (e) {
    // Before the commit existed nothing in the checkout changed: the journal goes with the change.
    // After, it stays so the next run finishes moving the checkout.
    if (!applying) journal.end();
    else if (e instanceof ModelciError)
      throw new ModelciError(e.code, e.message, {
        ...e.where,
        hint: `${e.hint ? `${e.hint}. ` : ''}The change is committed; the next registry command finishes moving the checkout to it`,
      });
    throw e;
  }
}

function joinPath(relDir: string, sub: string): string {
  const dir = relDir.split('\\').join('/');
  return dir === '.' ? sub : `${dir}/${sub}`;
}

async function fetchTags(git: Git, remote: string, globs: string[]): Promise<void> {
  const r = await git.exec([
    'fetch',
    '--quiet',
    '--no-tags',
    remote,
    ...globs.map((g) => `+refs/tags/${g}:refs/tags/${g}`),
  ]);
  if (r.code !== 0)
    throw new ModelciError('GIT', `git fetch of the model's tags failed: ${r.stderr.trim()}`);
}

/** Whether `base` holds commits the remote branch does not (or the branch does not exist there). */
async function unpushed(git: Git, tracking: string, base: string): Promise<boolean> {
  const tip = await git.revParse(tracking);
  return !tip || (tip !== base && (await git.isAncestor(tip, base)));
}

/**
 * The commit to build on after a lost race: the remote's new tip, with the checkout's own commits
 * that it lacks replayed on top (merge-tree, no work tree), as a rebase would; and which commit
 * each replayed one became (their GTO tags move with them).
 */
async function replayLocalCommits(
  git: Git,
  head: string,
  tip: string,
  identity: { name: string; email: string } | undefined,
): Promise<{ onto: string; replayed: Map<string, string> }> {
  const replayed = new Map<string, string>();
  if (await git.isAncestor(head, tip)) return { onto: tip, replayed };
  const local = (await git.run(['rev-list', '--reverse', '--topo-order', `${tip}..${head}`]))
    .split('\n')
    .filter(Boolean);
  let onto = tip;
  for (const c of local) {
    const r = await git.exec(['merge-tree', '--write-tree', '--no-messages', tip, c]);
    const tree = r.stdout.split('\n')[0]!.trim();
    if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(tree))
      throw new ModelciError('GIT', `cannot rebase local commits onto the remote: they conflict`, {
        hint: 'Push or drop your local commits first, then run again',
      });
    const [author, email, date, message] = (
      await git.run(['log', '-1', '--format=%an%x00%ae%x00%aI%x00%B', c])
    ).split('\0');
    const id = identity
      ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
      : [];
    onto = (
      await git
        .withEnv({ GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date })
        .run([...id, 'commit-tree', tree, '-p', onto, '-F', '-'], message)
    ).trim();
    replayed.set(c, onto);
  }
  return { onto, replayed };
}

/** Moves the checkout's branch, index and files from `from` to `to` (`reset --keep`). */
async function moveCheckout(git: Git, branch: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  const [current, head] = await Promise.all([git.currentBranch(), git.head()]);
  if (current !== branch || head !== from)
    throw new ModelciError(
      'GIT',
      `the checkout moved while the registry change ran (now ${current ?? 'detached'} at ${head.slice(0, 12)})`,
      { hint: `The change is ${to.slice(0, 12)}; run \`git reset --keep ${to}\` to take it` },
    );
  await git.run(['reset', '--quiet', '--keep', to]);
}
