/** Git tags in GTO's format, so GTO users keep their tooling (`gto show`, `gto history`). */
export function versionTag(model: string, version: string): string {
  return `${model}@v${version}`;
}

/** GTO's deregistration tag for a deprecated version. */
export function deprecatedVersionTag(model: string, version: string): string {
  return `${model}@v${version}!`;
}

/** GTO numbers stage assignments per model and stage: `<model>#<stage>#<n>`. */
export function stageTag(model: string, stage: string, n: number): string {
  return `${model}#${stage}#${n}`;
}

/** The next assignment number given the existing tag names (assignments and unassignments count). */
export function nextStageNumber(model: string, stage: string, tags: string[]): number {
  const prefix = `${model}#${stage}`;
  let max = 0;
  for (const t of tags) {
    if (!t.startsWith(prefix)) continue;
    const m = /^(?:!)?#(\d+)$/.exec(t.slice(prefix.length));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}
