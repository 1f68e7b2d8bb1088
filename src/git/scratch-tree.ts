import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Git } from './git.js';

/**
 * A commit built beside the user's checkout, never in it: a private index (GIT_INDEX_FILE) read from
 * a base commit, and a scratch folder holding only the paths the change reads and writes. The
 * checkout's work tree, index and HEAD are untouched, so a process killed at any point leaves
 * nothing half-written in it (src/git/commit-branch.ts does the same for retraining branches).
 */
export class ScratchTree {
  /** The scratch work tree: repository-relative paths resolve under it. */
  readonly dir: string;
  private readonly git: Git;

  private constructor(
    private readonly root: string,
    readonly base: string,
    repo: Git,
    gitDir: string,
  ) {
    this.dir = join(root, 'tree');
    this.git = repo.withEnv(
      { GIT_DIR: gitDir, GIT_WORK_TREE: this.dir, GIT_INDEX_FILE: join(root, 'index') },
      this.dir,
    );
  }

  /**
   * Reads `base` into a private index and writes the files under `paths` (repository-relative
   * folders) into `root`/tree, except those `skip` names (e.g. large artifacts nobody reads).
   */
  static async create(opts: {
    repo: Git;
    gitDir: string;
    root: string;
    base: string;
    paths: string[];
    skip?: (path: string) => boolean;
  }): Promise<ScratchTree> {
    mkdirSync(join(opts.root, 'tree'), { recursive: true });
    const t = new ScratchTree(opts.root, opts.base, opts.repo, opts.gitDir);
    await t.git.run(['read-tree', opts.base]);
    const listed = (await t.git.run(['ls-files', '-z', '--', ...opts.paths]))
      .split('\0')
      .filter((p) => p && !opts.skip?.(p));
    if (listed.length)
      await t.git.run(['checkout-index', '-f', '-z', '--stdin'], listed.join('\0') + '\0');
    return t;
  }

  /** Repository-relative `/`-separated path of a file under the scratch tree. */
  pathOf(file: string): string {
    return relative(this.dir, file).split(sep).join('/');
  }

  /**
   * Commits `files` (absolute paths under `dir`; a missing file is a deletion) on top of `base`, with
   * the rest of the tree as in `base`. Returns the new commit; no ref moves.
   */
  async commit(
    files: string[],
    message: string,
    identity?: { name: string; email: string },
  ): Promise<string> {
    await this.git.run(['add', '-A', '--', ...files.map((f) => this.pathOf(f))]);
    const tree = (await this.git.run(['write-tree'])).trim();
    const id = identity
      ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
      : [];
    return (
      await this.git.run([...id, 'commit-tree', tree, '-p', this.base, '-F', '-'], message)
    ).trim();
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
