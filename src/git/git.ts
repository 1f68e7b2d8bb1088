import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ModelciError } from '../core/errors.js';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Errors of git that mean the token cannot write: the job lacks `contents: write`. */
const PERMISSION_RE =
  /(The requested URL returned error: 403|Permission denied|permission to .* denied|HTTP 403|403 Forbidden|Write access to repository not granted)/i;
/** A push lost a race: someone else pushed first. */
const REJECTED_RE =
  /(\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|! \[remote rejected\].*(incorrect old value|failed to lock|stale info))/i;

export function isPermissionDenied(text: string): boolean {
  return PERMISSION_RE.test(text);
}

/**
 * A small typed wrapper over the `git` binary (execFile, never a shell) for one working tree.
 * Every call gets `-c core.quotepath=off` so paths print as they are.
 */
export class Git {
  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Runs git; resolves with the exit code instead of throwing. */
  async exec(args: string[], input?: string): Promise<GitResult> {
    const r = await this.spawn(args, input, 256 << 20);
    return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, code: r.code };
  }

  /** Runs git and returns stdout as bytes (object contents whose sizes git gives in bytes). */
  async runBuffer(args: string[], input?: string): Promise<Buffer> {
    const r = await this.spawn(args, input, 1 << 30);
    if (r.code !== 0) throw gitError(args, { stdout: '', stderr: r.stderr, code: r.code });
    return r.stdout;
  }

  /**
   * Starts git with pipes for a conversation (`cat-file --batch`: request, answer, request); the
   * caller reads, writes and ends it.
   */
  spawnStream(args: string[]): ChildProcessWithoutNullStreams {
    return spawn('git', ['-c', 'core.quotepath=off', ...args], {
      cwd: this.cwd,
      env: this.childEnv(),
    });
  }

  private childEnv(): NodeJS.ProcessEnv {
    // No optional locks: a `git status` killed mid-way must not leave index.lock behind.
    return { ...this.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
  }

  private spawn(
    args: string[],
    input: string | undefined,
    maxBuffer: number,
  ): Promise<{ stdout: Buffer; stderr: string; code: number }> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        ['-c', 'core.quotepath=off', ...args],
        {
          cwd: this.cwd,
          env: this.childEnv(),
          maxBuffer,
          encoding: 'buffer',
        },
        (err, stdout, stderr) => {
          if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'ENOENT')
              return reject(
                new ModelciError('GIT', 'git is not installed or not on PATH', {
                  hint: 'Install git',
                }),
              );
            return reject(err);
          }
          resolve({
            stdout,
            stderr: stderr.toString('utf8'),
            code: err ? ((err as { code?: number }).code ?? 1) : 0,
          });
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }

  /** The same repository with more environment (a commit's author and date, a private index, a marker). */
  withEnv(extra: NodeJS.ProcessEnv, cwd = this.cwd): Git {
    return new Git(cwd, { ...this.env, ...extra });
  }

  /** Runs git and returns stdout; a non-zero exit is a ModelciError quoting git. */
  async run(args: string[], input?: string): Promise<string> {
    const r = await this.exec(args, input);
    if (r.code !== 0) throw gitError(args, r);
    return r.stdout;
  }

  async topLevel(): Promise<string> {
    const r = await this.exec(['rev-parse', '--show-toplevel']);
    if (r.code !== 0)
      throw new ModelciError('GIT', `not a git repository: ${this.cwd}`, {
        hint: 'Run inside a checkout (actions/checkout) of the repository that holds the registry',
      });
    return r.stdout.trim();
  }

  /** The branch checked out, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const r = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  async head(): Promise<string> {
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }

  async revParse(ref: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** `git status --porcelain` lines: tracked changes anywhere, plus untracked files under `paths`. */
  async dirtyFiles(paths: string[]): Promise<string[]> {
    const tracked = await this.run(['status', '--porcelain', '--untracked-files=no']);
    const under = paths.length
      ? await this.run(['status', '--porcelain', '--untracked-files=all', '--', ...paths])
      : '';
    return [...new Set([...tracked.split('\n'), ...under.split('\n')].filter(Boolean))];
  }

  /** This checkout's git folder and the repository's common one (they differ in linked worktrees). */
  async gitDirs(): Promise<{ gitDir: string; commonDir: string }> {
    const [gitDir, commonDir] = (
      await this.run(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])
    ).split('\n');
    return { gitDir: gitDir!, commonDir: commonDir! };
  }

  async refExists(ref: string): Promise<boolean> {
    return (await this.exec(['rev-parse', '--verify', '--quiet', ref])).code === 0;
  }

  /** Whether `ancestor` is reachable from `descendant` (equal counts). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.exec(['merge-base', '--is-ancestor', ancestor, descendant])).code === 0;
  }

  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  async configValue(key: string): Promise<string | undefined> {
    const r = await this.exec(['config', '--get', key]);
    return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
  }

  async add(paths: string[]): Promise<void> {
    await this.run(['add', '-A', '--', ...paths]);
  }

  /** True when the index differs from HEAD under `paths`. */
  async hasStagedChanges(paths: string[]): Promise<boolean> {
    const r = await this.exec(['diff', '--cached', '--quiet', '--', ...paths]);
    return r.code === 1;
  }

  async commit(message: string, identity?: { name: string; email: string }): Promise<string> {
    const id = identity
      ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
      : [];
    await this.run([...id, 'commit', '--quiet', '--no-verify', '-F', '-'], message);
    return this.head();
  }

  async tag(
    name: string,
    message: string,
    identity?: { name: string; email: string },
  ): Promise<void> {
    const id = identity
      ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
      : [];
    await this.run([...id, 'tag', '-a', name, '-m', message]);
  }

  /**
   * Writes an annotated tag object for `target` without creating its ref: pushed by object id, and
   * given a ref locally only once the change it belongs to is complete.
   */
  async tagObject(
    name: string,
    message: string,
    target: string,
    identity?: { name: string; email: string },
  ): Promise<string> {
    const who = identity
      ? this.withEnv({ GIT_COMMITTER_NAME: identity.name, GIT_COMMITTER_EMAIL: identity.email })
      : this;
    const tagger = (await who.run(['var', 'GIT_COMMITTER_IDENT'])).trim();
    const text = `object ${target}\ntype commit\ntag ${name}\ntagger ${tagger}\n\n${message}\n`;
    return (await this.run(['mktag'], text)).trim();
  }

  async deleteTag(name: string): Promise<void> {
    await this.exec(['tag', '-d', name]);
  }

  async tags(pattern: string): Promise<string[]> {
    return (await this.run(['tag', '--list', pattern])).split('\n').filter(Boolean);
  }

  async resetHard(ref: string): Promise<void> {
    await this.run(['reset', '--quiet', '--hard', ref]);
  }

  /** Removes untracked files under `paths`. */
  async clean(paths: string[]): Promise<void> {
    await this.run(['clean', '-fdq', '--', ...paths]);
  }

  async fetch(remote: string, branch: string): Promise<void> {
    const r = await this.exec([
      'fetch',
      '--quiet',
      '--no-tags',
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
    ]);
    if (r.code !== 0) throw remoteError('fetch', r);
  }

  async fetchTags(remote: string): Promise<void> {
    await this.exec(['fetch', '--quiet', remote, '+refs/tags/*:refs/tags/*']);
  }

  /** Rebases the current branch onto `onto`; aborts and returns false on a conflict. */
  async rebase(onto: string): Promise<boolean> {
    const r = await this.exec(['rebase', '--quiet', onto]);
    if (r.code === 0) return true;
    await this.exec(['rebase', '--abort']);
    return false;
  }

  /**
   * Pushes refspecs atomically. `rejected` means someone else pushed first (fetch, rebase, retry);
   * a permission problem or any other refusal throws.
   */
  async push(
    remote: string,
    refspecs: string[],
    opts: { force?: boolean } = {},
  ): Promise<'pushed' | 'rejected'> {
    const r = await this.exec([
      'push',
      '--porcelain',
      '--atomic',
      ...(opts.force ? ['--force'] : []),
      remote,
      ...refspecs,
    ]);
    if (r.code === 0) return 'pushed';
    const text = `${r.stdout}\n${r.stderr}`;
    if (isPermissionDenied(text)) throw remoteError('push', r);
    if (REJECTED_RE.test(text)) return 'rejected';
    throw remoteError('push', r);
  }

  async log(args: string[]): Promise<string> {
    return this.run(['log', ...args]);
  }

  async remoteBranchHead(remote: string, branch: string): Promise<string | undefined> {
    const r = await this.exec(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
    if (r.code !== 0) throw remoteError('ls-remote', r);
    return r.stdout.split(/\s/)[0] || undefined;
  }
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').filter(Boolean).slice(-n).join(' | ').slice(0, 500);
}

function gitError(args: string[], r: GitResult): ModelciError {
  return new ModelciError('GIT', `git ${args[0]} failed: ${lastLines(r.stderr || r.stdout)}`);
}

/** Remote failures say what to do; a 403 means the workflow's token cannot write. */
function remoteError(what: string, r: GitResult): ModelciError {
  const text = `${r.stderr}\n${r.stdout}`;
  if (isPermissionDenied(text))
    return new ModelciError(
      'GIT',
      `git ${what} was denied: ${lastLines(r.stderr || r.stdout, 2)}`,
      {
        hint: 'The job needs `permissions: contents: write` (and a token that may push to the registry branch)',
      },
    );
  return new ModelciError('GIT', `git ${what} failed: ${lastLines(text)}`);
}
