import { ModelciError } from '../errors.js';

/** Model and stage names become folder and file names: this pattern keeps them inside the registry. */
export const NAME_RE = /^[a-z0-9][a-z0-9._-]*$/;
const SEMVER_RE = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

export function isValidName(name: string): boolean {
  return NAME_RE.test(name) && name.length <= 100 && !name.includes('..');
}

export function checkName(name: string, what: 'model' | 'stage' = 'model'): string {
  if (!isValidName(name))
    throw new ModelciError('INPUT', `invalid ${what} name "${name.slice(0, 80)}"`, {
      hint: 'Use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit (no "..")',
    });
  return name;
}

/** `1.2.3` (a leading `v` is accepted and dropped); undefined when it is not plain semver. */
export function parseSemver(text: string): SemVer | undefined {
  const m = SEMVER_RE.exec(text.startsWith('v') ? text.slice(1) : text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

export function checkVersion(text: string): string {
  const v = parseSemver(text);
  if (!v)
    throw new ModelciError('INPUT', `invalid version "${text.slice(0, 80)}"`, {
      hint: 'Use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.4.0',
    });
  return formatSemver(v);
}

export function formatSemver(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function compareSemver(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function compareVersions(a: string, b: string): number {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return compareSemver(pa, pb);
}

/** Versions sorted oldest first; anything that is not semver is left out. */
export function sortVersions(versions: Iterable<string>): string[] {
  return [...versions].filter((v) => parseSemver(v)).sort(compareVersions);
}

export type Bump = 'major' | 'minor' | 'patch';

export function bumpVersion(from: string | undefined, bump: Bump): string {
  const v = (from && parseSemver(from)) || { major: 0, minor: 0, patch: 0 };
  if (bump === 'major') return formatSemver({ major: v.major + 1, minor: 0, patch: 0 });
  if (bump === 'minor') return formatSemver({ major: v.major, minor: v.minor + 1, patch: 0 });
  return formatSemver({ major: v.major, minor: v.minor, patch: v.patch + 1 });
}
