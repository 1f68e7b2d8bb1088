import type { Git } from './git.js';

/** One object as `git cat-file --batch` answers: its id, type and bytes; undefined when missing. */
export interface BatchObject {
  sha: string;
  type: string;
  body: Buffer;
}

/**
 * Reads objects named by `specs` (`<sha>`, `<commit>:<path>`) with one `git cat-file --batch`,
 * in order; a name git cannot resolve is undefined.
 */
export async function catFileBatch(
  git: Git,
  specs: readonly string[],
): Promise<(BatchObject | undefined)[]> {
  if (!specs.length) return [];
  const out = await git.runBuffer(['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  const result: (BatchObject | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
    if (!m) {
      // `<spec> missing` (or ambiguous): a header line and nothing else.
      result.push(undefined);
      continue;
    }
    const size = Number(m[3]);
    result.push({ sha: m[1]!, type: m[2]!, body: out.subarray(at, at + size) });
    at += size + 1;
  }
  return result;
}
