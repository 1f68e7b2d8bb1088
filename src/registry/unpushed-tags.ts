import { ModelciError } from '../core/errors.js';
import type { Git } from '../git/git.js';

/** A GTO tag a registry change pushes: its name and tag object (`replaces`: the one it moves). */
export interface TagRef {
  name: string;
  object: string;
  /** The tag object the local ref held before, when a replayed commit moved the tag. */
  replaces?: string;
}

interface LocalTag {
  name: string;
  object: string;
  /** The commit it names (annotated tags peeled). */
  target: string;
}

/**
 * The model's tags this checkout made that the remote lacks: those of registry changes run without
 * `--push` (a version tag on a local registration commit, stage tags of a local promotion). They go
 * with the next push, or GTO on the remote never sees those versions and stages.
 */
export async function unpushedTags(git: Git, remote: string, globs: string[]): Promise<LocalTag[]> {
  const refs = globs.map((g) => `refs/tags/${g}`);
  const listed = await git.exec(['ls-remote', '--tags', '--refs', remote, ...refs]);
  if (listed.code !== 0)
    throw new ModelciError(
      'GIT',
      `git ls-remote of the model's tags failed: ${listed.stderr.trim()}`,
    );
  const onRemote = new Set(
    listed.stdout
      .split('\n')
      .map((l) => l.split('\t')[1]?.replace(/^refs\/tags\//, ''))
      .filter(Boolean),
  );
  const local = await git.run([
    'for-each-ref',
    '--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)',
    ...refs,
  ]);
  return (
    local
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\0'))
      // Annotated tags only: GTO skips lightweight ones, and modelci makes none.
      .filter(([name, type]) => type === 'tag' && !onRemote.has(name!))
      .map(([name, , object, peeled]) => ({ name: name!, object: object!, target: peeled! }))
  );
}

/**
 * Which of `tags` go with a push of `tip`: a tag on a commit the push carries goes as it is; a tag
 * on a local commit that was replayed onto the remote's tip (`replayed`: old -> new commit) is made
 * again on the replayed commit, with its message; a tag on a commit the push leaves out stays local.
 */
export async function tagsToCarry(
  git: Git,
  tags: LocalTag[],
  tip: string,
  replayed: ReadonlyMap<string, string>,
  identity: { name: string; email: string } | undefined,
): Promise<TagRef[]> {
  const out: TagRef[] = [];
  for (const t of tags) {
    if (await git.isAncestor(t.target, tip)) out.push({ name: t.name, object: t.object });
    else {
      const moved = replayed.get(t.target);
      if (moved === undefined || !(await git.isAncestor(moved, tip))) continue;
      const message = (await git.run(['cat-file', 'tag', t.object]))
        .split('\n\n')
        .slice(1)
        .join('\n\n');
      out.push({
        name: t.name,
        object: await git.tagObject(t.name, message.trimEnd(), moved, identity),
        replaces: t.object,
      });
    }
  }
  return out;
}
