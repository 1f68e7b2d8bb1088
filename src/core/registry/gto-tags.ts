/**
 * Git tags in GTO's format (iterative/gto: gto/constants.py, gto/tag.py), so GTO users keep their
 * tooling (`gto show`, `gto history`). GTO reads a stage or deregistration tag as an event of the
 * version registered at the tag's commit, so every tag of a version goes on the commit that
 * registered it; and it numbers tags per model (artifact), whatever their stage.
 */

/** GTO's name grammar (`name` in gto/constants.py): models and stages must match it. */
export const GTO_NAME_PATTERN = '[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?';
const GTO_NAME_RE = new RegExp(`^${GTO_NAME_PATTERN}$`);
const SEMVER =
  '(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?';
/** `tag_re` of gto/constants.py (artifact names with a `dir=` prefix included). */
const TAG_RE = new RegExp(
  `^(?<artifact>(?:[a-zA-Z0-9-_./]+=)?${GTO_NAME_PATTERN})(?:(?:(?:#(?<stage>${GTO_NAME_PATTERN})|@(?<version>v${SEMVER}))(?<cancel>!?))|@(?:deprecated|created))(?:#(?<counter>[0-9]+))?$`,
);

export function isGtoName(name: string): boolean {
  return GTO_NAME_RE.test(name);
}

/** Why `registry.tags: true` cannot use this name, or undefined when it can. */
export function gtoNameProblem(name: string, what: 'model' | 'stage'): string | undefined {
  if (isGtoName(name)) return undefined;
  return `${what} name "${name.slice(0, 80)}" is outside GTO's tag grammar ${GTO_NAME_PATTERN} (letters, digits, "-" and "_", starting and ending with a letter or digit; no "."), which registry.tags: true needs`;
}

export function versionTag(model: string, version: string): string {
  return `${model}@v${version}`;
}

/** GTO's deregistration of a version: modelci writes it when a version is deprecated. */
export function deprecatedVersionTag(model: string, version: string): string {
  return `${model}@v${version}!`;
}

/** GTO's stage assignment, numbered per model. */
export function stageTag(model: string, stage: string, n: number): string {
  return `${model}#${stage}#${n}`;
}

/** GTO's stage unassignment: the version that leaves the stage. */
export function unassignTag(model: string, stage: string, n: number): string {
  return `${model}#${stage}!#${n}`;
}

/**
 * The next tag number for the model, as GTO's `name_tag` counts: one more than the highest number on
 * any tag of that model (any stage, assignments and unassignments alike).
 */
export function nextTagNumber(model: string, tags: string[]): number {
  let max = 0;
  for (const t of tags) {
    const m = TAG_RE.exec(t);
    const counter = m?.groups?.counter;
    if (m && counter && m.groups!.artifact!.replace(/=/g, ':') === model)
      max = Math.max(max, Number(counter));
  }
  return max + 1;
}
