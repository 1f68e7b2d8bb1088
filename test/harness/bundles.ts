// Tests of what ships run the built bundles; a missing one is a failure, never a skip.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The absolute path of a built file (e.g. `dist/cli/index.js`); throws when it was not built. */
export function builtBundle(path: string): string {
  const file = resolve(ROOT, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return file;
}
