import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { Git } from '../git/git.js';
import { ACTIONS_BOT as BOT } from '../git/identity.js';
import { recoverInterruptedChange } from './change-journal.js';

/** A checkout ready to receive a registry commit. */
export interface RegistryCheckout {
  git: Git;
  root: string;
  /** Absolute registry folder. */
  dir: string;
  /** Registry folder relative to the repo root (what gets staged). */
  relDir: string;
  branch: string;
  /** The checkout's git folder (the journal and scratch trees of registry changes live there). */
  gitDir: string;
  identity?: { name: string; email: string };
}

/**
 * Checks what a write needs before anything is written: a git checkout, a branch (not a detached
 * HEAD), the configured registry branch, and no uncommitted changes. A registry change that a
 * killed process left unfinished is finished or undone first (change-journal.ts).
 */
export async function openCheckout(
  registryDir: string,
  opts: { cwd?: string; branch?: string; env?: NodeJS.ProcessEnv; log?: (msg: string) => void },
): Promise<RegistryCheckout> {
  const cwd = opts.cwd ?? process.cwd();
  const dir = resolve(cwd, registryDir);
  // The registry folder may not exist yet: ask git from its nearest existing parent.
  let probe = dir;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  const root = await new Git(probe, opts.env).topLevel();
  const git = new Git(root, opts.env);
  const relDir = relative(root, dir) || '.';
  if (isAbsolute(relDir) || relDir === '..' || relDir.startsWith(`..${sep}`))
    throw new ModelciError(
      'INPUT',
      `the registry folder ${registryDir} is outside the git checkout ${root}`,
      {
        hint: 'Point --registry at a folder inside the repository',
      },
    );
  const dirs = await git.gitDirs();
  await recoverInterruptedChange(git, dirs, opts.log ?? (() => {}));
  const [branch, dirty, email, name] = await Promise.all([
    git.currentBranch(),
    git.dirtyFiles([relDir]),
    git.configValue('user.email'),
    git.configValue('user.name'),
  ]);
  if (!branch)
    throw new ModelciError('GIT', 'HEAD is detached: a registry commit needs a branch', {
      hint: `Check out the registry branch (${opts.branch ?? 'e.g. main'}), e.g. actions/checkout with \`ref: ${opts.branch ?? 'main'}\``,
    });
  if (opts.branch && branch !== opts.branch)
    throw new ModelciError(
      'GIT',
      `the registry branch is ${opts.branch} but ${branch} is checked out`,
      {
        hint: `Check out ${opts.branch} first (registry.branch in modelci.yaml)`,
      },
    );
  if (dirty.length) {
    const paths = dirty.map((l) => l.slice(3));
    const list = `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', ...' : ''}`;
    const inRegistry = paths.filter((p) => relDir === '.' || p.startsWith(`${relDir}/`));
    if (inRegistry.length)
      // Committing them by hand would make a registry change without its trailers and checks.
      throw new ModelciError('GIT', `the registry folder has uncommitted changes (${list})`, {
        hint: `Registry changes are made only by modelci commands, one commit each: restore the folder (git checkout -- ${relDir} && git clean -fd -- ${relDir}) unless you meant those edits`,
      });
    throw new ModelciError('GIT', `the worktree has uncommitted changes (${list})`, {
      hint: 'Commit or stash them first: the checkout moves to the registry commit',
    });
  }
  return {
    git,
    root,
    dir,
    relDir,
    branch,
    gitDir: dirs.gitDir,
    ...(email && name ? {} : { identity: BOT }),
  };
}
