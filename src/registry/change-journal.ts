import { randomBytes } from 'node:crypto';
import {
  type Dirent,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ModelciError } from '../core/errors.js';
import type { Git } from '../git/git.js';
import type { TagRef } from './unpushed-tags.js';

/**
 * The journal of the registry change running in a checkout (`<git dir>/modelci/change.json`):
 * who runs it, from which commit, and, once its commit exists, where the checkout moves. It is
 * created exclusively (one change per checkout at a time) and removed when the change ends. A
 * process killed at any point leaves it behind, and the next registry command finishes or undoes
 * the change from it (recoverInterruptedChange) before doing anything else.
 */
export interface ChangeRecord {
  pid: number;
  host: string;
  /** e.g. `register churn`. */
  command: string;
  /** ms since the epoch: locks newer than this belong to the change. */
  started: number;
  /** Marks every git process of the change (in its environment), so leftovers can be found. */
  token: string;
  branch: string;
  /** The checkout's HEAD when the change started. */
  from: string;
  /**
   * `building`: nothing left the scratch tree; `pushing`: the commit (`target`) is being pushed, the
   * checkout untouched; `applying`: the commit exists (and is pushed), the checkout moves to it.
   */
  phase: 'building' | 'pushing' | 'applying';
  /** Phase `applying`: the commit the checkout moves to and the tags to create there. */
  target?: string;
  tags?: TagRef[];
  pushed?: boolean;
}

/** The environment variable that marks a change's git processes. */
export const CHANGE_TOKEN_ENV = 'MODELCI_REGISTRY_CHANGE';

function journalDir(gitDir: string): string {
  return join(gitDir, 'modelci');
}

function journalFile(gitDir: string): string {
  return join(journalDir(gitDir), 'change.json');
}

export class ChangeJournal {
  private constructor(
    private readonly gitDir: string,
    readonly record: ChangeRecord,
  ) {}

  /** Starts a change: fails when another live process is changing this checkout's registry. */
  static begin(
    gitDir: string,
    data: Pick<ChangeRecord, 'command' | 'branch' | 'from'>,
  ): ChangeJournal {
    mkdirSync(journalDir(gitDir), { recursive: true });
    const record: ChangeRecord = {
      pid: process.pid,
      host: hostname(),
      started: Date.now(),
      token: randomBytes(8).toString('hex'),
      phase: 'building',
      ...data,
    };
    let fd: number;
    try {
      fd = openSync(journalFile(gitDir), 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readJournal(gitDir);
      throw new ModelciError(
        'GIT',
        `another registry change is running in this checkout${other ? ` (${other.command}, process ${other.pid})` : ''}`,
        { hint: 'Wait for it to finish, then run again' },
      );
    }
    try {
      writeSync(fd, JSON.stringify(record));
    } finally {
      closeSync(fd);
    }
    return new ChangeJournal(gitDir, record);
  }

  /** A fresh folder for one attempt's scratch tree, inside the git dir (never the work tree). */
  scratchRoot(attempt: number): string {
    return join(journalDir(this.gitDir), `scratch-${this.record.pid}-${attempt}`);
  }

  /** The commit is about to be pushed: the remote may have it after a kill. */
  pushing(target: string): void {
    this.write({ phase: 'pushing', target });
  }

  /** The change's commit exists (and is pushed, when pushing): from here on it is finished, not undone. */
  applying(target: string, tags: TagRef[], pushed: boolean): void {
    this.write({ phase: 'applying', target, tags, pushed });
  }

  private write(change: Partial<ChangeRecord>): void {
    Object.assign(this.record, change);
    const tmp = `${journalFile(this.gitDir)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.record));
    renameSync(tmp, journalFile(this.gitDir));
  }

  /** Removes the scratch folders and the journal: the change is over. */
  end(): void {
    removeScratch(this.gitDir, () => true);
    rmSync(journalFile(this.gitDir), { force: true });
  }
}

function readJournal(gitDir: string): ChangeRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(journalFile(gitDir), 'utf8')) as ChangeRecord;
    return typeof data.pid === 'number' && typeof data.from === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}

function removeScratch(gitDir: string, which: (pid: number) => boolean): void {
  const dir = journalDir(gitDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = /^scratch-(\d+)-\d+$/.exec(name);
    if (m && which(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Linux process state from /proc; undefined elsewhere or when it is gone. */
function procState(pid: number): string | undefined {
  try {
    // `pid (comm) S ...`: the state follows the last `)` (comm may hold spaces and parentheses).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote the journal still runs (a zombie does not). */
export function isRunning(pid: number, host: string): boolean {
  if (host !== hostname()) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return procState(pid) !== 'Z';
}

/** Processes (Linux) whose environment carries the change's token: its git commands still running. */
function leftoverProcesses(token: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
  const mark = `${CHANGE_TOKEN_ENV}=${token}\0`;
  const out: number[] = [];
  for (const p of pids) {
    try {
      if (readFileSync(`/proc/${p}/environ`, 'latin1').includes(mark) && procState(+p) !== 'Z')
        out.push(Number(p));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Git commands of the dead change may still run (a killed node process leaves its children): wait
 * for them, and stop them after a while, so that nothing of the old change runs beside the new one.
 */
async function settleLeftovers(token: string, log: (msg: string) => void): Promise<void> {
  const deadline = Date.now() + 30_000;
  let pids = leftoverProcesses(token);
  if (pids.length) log(`waiting for ${pids.length} git process(es) of the interrupted change`);
  while (pids.length && Date.now() < deadline) {
    await sleep(50);
    pids = leftoverProcesses(token);
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Git's lock files that appeared after the change started, in the places its commands lock: the
 * index, HEAD, ORIG_HEAD, refs and packed-refs. With the change's processes gone they are stale.
 */
function staleLocks(gitDir: string, commonDir: string, since: number): string[] {
  const found: string[] = [];
  const consider = (file: string) => {
    try {
      if (statSync(file).mtimeMs >= since - 1000) found.push(file);
    } catch {
      // no such lock
    }
  };
  for (const name of ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock', 'FETCH_HEAD.lock'])
    consider(join(gitDir, name));
  for (const name of ['packed-refs.lock', 'shallow.lock', 'config.lock'])
    consider(join(commonDir, name));
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.lock')) consider(p);
    }
  };
  walk(join(commonDir, 'refs'));
  return found;
}

/**
 * Finishes or undoes a registry change a killed process left in this checkout, and says what it
 * did. Before its commit existed (`building`), the checkout was never touched: only scratch folders
 * and git locks are cleared. Once its commit existed (`applying`), the checkout is moved to it, as
 * the change would have, provided nothing but the change's own paths differ.
 */
export async function recoverInterruptedChange(
  git: Git,
  dirs: { gitDir: string; commonDir: string },
  log: (msg: string) => void,
): Promise<void> {
  const file = journalFile(dirs.gitDir);
  if (!existsSync(file)) {
    // Scratch folders of changes that ended between their commit and their cleanup.
    removeScratch(dirs.gitDir, (pid) => !isRunning(pid, hostname()));
    return;
  }
  const rec = readJournal(dirs.gitDir);
  if (!rec) {
    // Killed between creating the journal and writing it: nothing else happened yet.
    unlinkSync(file);
    removeScratch(dirs.gitDir, (pid) => !isRunning(pid, hostname()));
    return;
  }
  if (isRunning(rec.pid, rec.host))
    throw new ModelciError(
      'GIT',
      `another registry change is running in this checkout (${rec.command}, process ${rec.pid})`,
      { hint: 'Wait for it to finish, then run again' },
    );
  const when = new Date(rec.started).toISOString();
  await settleLeftovers(rec.token, log);
  for (const lock of staleLocks(dirs.gitDir, dirs.commonDir, rec.started)) {
    rmSync(lock, { force: true });
    log(`removed ${lock}, left by the interrupted change`);
  }
  removeScratch(dirs.gitDir, (pid) => pid === rec.pid || !isRunning(pid, hostname()));
  if (rec.phase === 'applying' && rec.target) {
    await finishApply(git, rec);
    log(
      `an earlier registry change (${rec.command}, started ${when}) was interrupted after its commit ${rec.target.slice(0, 12)}${rec.pushed ? ' was pushed' : ' was made'}: the checkout now has it`,
    );
  } else if (rec.phase === 'pushing' && rec.target)
    log(
      `an earlier registry change (${rec.command}, started ${when}) was interrupted while pushing ${rec.target.slice(0, 12)}: the remote has it or not, and this run builds on what the remote has`,
    );
  else
    log(
      `an earlier registry change (${rec.command}, started ${when}) was interrupted before its commit existed: nothing of it was kept`,
    );
  unlinkSync(file);
}

/** Moves the checkout from `rec.from` to `rec.target` after an interruption, however far it got. */
async function finishApply(git: Git, rec: ChangeRecord): Promise<void> {
  const target = rec.target!;
  const [branch, head] = await Promise.all([git.currentBranch(), git.head()]);
  if (branch === rec.branch && (head === rec.from || head === target)) {
    // `reset --keep` was cut short: some files of the change written, the index or the branch not
    // yet. Only the change's own paths may differ; anything else is the user's and stops us.
    const changed = new Set(
      (await git.run(['diff', '--name-only', '-z', rec.from, target])).split('\0').filter(Boolean),
    );
    // Untracked files are left alone by `reset --hard` unless they stand where the change writes.
    const dirty = (await git.run(['status', '--porcelain', '-z', '--untracked-files=no']))
      .split('\0')
      .filter(Boolean)
      .map((l) => l.slice(3));
    const foreign = dirty.filter((p) => !changed.has(p));
    if (foreign.length)
      throw new ModelciError(
        'GIT',
        `an interrupted registry change (${rec.command}) left the checkout between ${rec.from.slice(0, 12)} and ${target.slice(0, 12)}, and other files changed since (${foreign.slice(0, 3).join(', ')})`,
        {
          hint: `Keep your changes elsewhere, then run \`git reset --keep ${target}\` (or \`git reset --hard ${target}\`) and run again`,
        },
      );
    if (head !== target || dirty.length) await git.run(['reset', '--quiet', '--hard', target]);
  }
  // Otherwise the checkout moved on since (e.g. a pull): the change is in it or on the remote.
  for (const t of rec.tags ?? []) await createTagRef(git, t);
}

/**
 * Points `refs/tags/<name>` at a tag object, unless a tag of that name already exists; a tag moved
 * to a replayed commit replaces the object it held (`replaces`), and only that one.
 */
export async function createTagRef(git: Git, t: TagRef): Promise<void> {
  const ref = `refs/tags/${t.name}`;
  // update-ref checks the old value: a ref already moved (a finished apply) is left as it is.
  if (t.replaces) {
    await git.exec(['update-ref', ref, t.object, t.replaces]);
    return;
  }
  if (await git.refExists(ref)) return;
  await git.run(['update-ref', ref, t.object, '']);
}
