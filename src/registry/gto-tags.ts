import { ModelciError } from '../core/errors.js';
import {
  deprecatedVersionTag,
  gtoNameProblem,
  nextTagNumber,
  stageTag,
  unassignTag,
  versionTag,
} from '../core/registry/gto-tags.js';
import type { Git } from '../git/git.js';
import type { PlannedTag } from './transaction.js';

/** The tag names GTO may read as the model's (fetched from the remote before numbering). */
export function modelTagGlobs(model: string): string[] {
  return [`${model}@*`, `${model}#*`];
}

/** Refuses a model or stage name GTO's tag grammar cannot hold, when tags are on. */
export function checkGtoNames(model: string, stage?: string): void {
  for (const [name, what] of [[model, 'model'], ...(stage ? [[stage, 'stage']] : [])] as [
    string,
    'model' | 'stage',
  ][]) {
    const problem = gtoNameProblem(name, what);
    if (problem)
      throw new ModelciError('CONFIG', problem, {
        hint: `Rename the ${what}, or set registry.tags: false`,
      });
  }
}

/**
 * The commit that registered `version` as of `base`: its version tag when that is in `base`'s
 * history, else the commit that added its record. GTO reads every tag of a version as an event of
 * this commit, so stage and deregistration tags go on it too.
 */
export async function registrationCommit(
  git: Git,
  opts: { base: string; relDir: string; model: string; version: string; remote?: string },
): Promise<string> {
  const tagged = await git.revParse(`refs/tags/${versionTag(opts.model, opts.version)}`);
  if (tagged && (await git.isAncestor(tagged, opts.base))) return tagged;
  const dir = opts.relDir.split('\\').join('/');
  const file = `${dir === '.' ? '' : `${dir}/`}${opts.model}/versions/${opts.version}.yaml`;
  const find = async () =>
    (await git.run(['log', '--diff-filter=A', '--format=%H', opts.base, '--', file]))
      .split('\n')
      .filter(Boolean)
      .pop();
  let commit = await find();
  if (!commit && opts.remote && (await git.isShallow())) {
    // A shallow CI checkout (fetch-depth: 1) lacks the history that holds it.
    await git.run(['fetch', '--quiet', '--unshallow', '--no-tags', opts.remote]);
    commit = await find();
  }
  if (!commit)
    throw new ModelciError(
      'REGISTRY',
      `cannot find the commit that registered ${opts.model} ${opts.version}: GTO tags go on it`,
      {
        hint: 'Fetch the full history (actions/checkout with fetch-depth: 0), or set registry.tags: false',
      },
    );
  return commit;
}

/**
 * Tags of a stage move in GTO's terms: the version leaving the stage is unassigned and the one
 * entering it assigned, both on their registration commits, numbered per model as GTO numbers them.
 * A version registered before tags were turned on gets its version tag first.
 */
export async function stageMoveTags(
  git: Git,
  opts: {
    base: string;
    relDir: string;
    model: string;
    stage: string;
    from: string | undefined;
    to: string;
    remote?: string;
  },
): Promise<PlannedTag[]> {
  const known = await git.tags(`${opts.model}[@#]*`);
  const out: PlannedTag[] = [];
  const commitOf = async (version: string) => {
    const commit = await registrationCommit(git, { ...opts, version });
    const name = versionTag(opts.model, version);
    if (!known.includes(name))
      out.push({ name, message: `Registering ${opts.model} version ${version}`, target: commit });
    return commit;
  };
  let n = nextTagNumber(opts.model, known);
  if (opts.from && opts.from !== opts.to)
    out.push({
      name: unassignTag(opts.model, opts.stage, n++),
      message: `Unassigning stage ${opts.stage} from ${opts.model} version ${opts.from}`,
      target: await commitOf(opts.from),
    });
  out.push({
    name: stageTag(opts.model, opts.stage, n),
    message: `Assigning stage ${opts.stage} to ${opts.model} version ${opts.to}`,
    target: await commitOf(opts.to),
  });
  return out;
}

/** GTO's deregistration of a deprecated version, on its registration commit. */
export async function deprecationTags(
  git: Git,
  opts: { base: string; relDir: string; model: string; version: string; remote?: string },
): Promise<PlannedTag[]> {
  const known = await git.tags(`${opts.model}[@#]*`);
  const commit = await registrationCommit(git, opts);
  const name = versionTag(opts.model, opts.version);
  return [
    ...(known.includes(name)
      ? []
      : [{ name, message: `Registering ${opts.model} version ${opts.version}`, target: commit }]),
    {
      name: deprecatedVersionTag(opts.model, opts.version),
      message: `Deprecating ${opts.model} version ${opts.version}`,
      target: commit,
    },
  ];
}
