// Temporary folders for tests. Each is removed after its test file (test/harness/setup.ts), and
// test/harness/global-setup.ts fails the run when anything is left in the temp directory.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder `<tmpdir>/<prefix>XXXXXX`, removed when the test file ends. */
export function tempDir(prefix = 'modelci-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far (setup.ts calls it after each test file). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}
