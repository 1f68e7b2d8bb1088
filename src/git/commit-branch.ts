import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelciError } from '../core/errors.js';

/**
 * Commits files on top of a remote base branch and force-pushes them to another branch, through
 * git plumbing (a private index, hash-object, commit-tree): the caller's work tree, index and HEAD
 * are never touched, so an action can run this inside the workflow's checkout.
 */
export interface CommitBranchOptions {
  /** A git repository whose `remote` is the target (e.g. the workflow checkout). */
  cwd: string;
  remote?: string;
  base: string;
  branch: string;
  files: Record<string, string>;
  message: string;
  author: { name: string; email: string };
}

export type CommitBranchResult = { action: 'created' | 'updated' | 'unchanged'; sha: string };

function git(
  cwd: string,
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: { ...process.env, ...opts.env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) {
          reject(
            new ModelciError(
              'GIT',
              `git ${args[0]} failed: ${stderr.trim().split('\n').slice(-2).join(' ') || err.message}`,
              {
                hint: 'The step needs a checkout (actions/checkout) with push access to the repository',
              },
            ),
          );
        } else resolve(stdout.trim());
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

async function remoteSha(cwd: string, remote: string, branch: string): Promise<string | undefined> {
  const out = await git(cwd, ['ls-remote', remote, `refs/heads/${branch}`]);
  return out ? out.split(/\s+/)[0] : undefined;
}

export async function commitBranch(o: CommitBranchOptions): Promise<CommitBranchResult> {
  const remote = o.remote ?? 'origin';
  await git(o.cwd, [
    'fetch',
    '--quiet',
    '--no-tags',
    remote,
    `+refs/heads/${o.base}:refs/modelci/base`,
  ]);
  const baseSha = await git(o.cwd, ['rev-parse', 'refs/modelci/base^{commit}']);
  const tmp = mkdtempSync(join(tmpdir(), 'modelci-index-'));
  const env = { GIT_INDEX_FILE: join(tmp, 'index') };
  try {
    await git(o.cwd, ['read-tree', baseSha], { env });
    for (const [path, content] of Object.entries(o.files)) {
      const blob = await git(o.cwd, ['hash-object', '-w', '--stdin'], { input: content });
      await git(o.cwd, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
    }
    const tree = await git(o.cwd, ['write-tree'], { env });
    const existing = await remoteSha(o.cwd, remote, o.branch);
    if (existing) {
      await git(o.cwd, [
        'fetch',
        '--quiet',
        '--no-tags',
        remote,
        `+refs/heads/${o.branch}:refs/modelci/branch`,
      ]);
      const [oldTree, oldParent] = (
        await git(o.cwd, ['log', '-1', '--format=%T %P', 'refs/modelci/branch'])
      ).split(' ');
      // Same content on the same base: leave the branch (and its PR) alone.
      if (oldTree === tree && oldParent === baseSha) return { action: 'unchanged', sha: existing };
    }
    const sha = await git(o.cwd, ['commit-tree', tree, '-p', baseSha, '-F', '-'], {
      input: o.message,
      env: {
        GIT_AUTHOR_NAME: o.author.name,
        GIT_AUTHOR_EMAIL: o.author.email,
        GIT_COMMITTER_NAME: o.author.name,
        GIT_COMMITTER_EMAIL: o.author.email,
      },
    });
    // The branch is ours alone: each run replaces it with one commit on the current base.
    await git(o.cwd, ['push', '--quiet', '--force', remote, `${sha}:refs/heads/${o.branch}`]);
    return { action: existing ? 'updated' : 'created', sha };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
