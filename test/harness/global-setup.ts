// Gives the test run its own temp directory (TMPDIR, inherited by workers and the processes they
// start) and fails the run when a test leaves anything in it: tests clean up after themselves.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// tsx keeps its compile cache in <tmpdir>/tsx-<uid> on purpose (tests start the CLI through tsx).
const EXPECTED = /^tsx-\d+$/;

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'modelci-vitest-'));
  process.env.TMPDIR = dir;
  return () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    const left = readdirSync(dir).filter((name) => !EXPECTED.test(name));
    rmSync(dir, { recursive: true, force: true });
    if (!left.length) return;
    // A thrown error here is printed but leaves the exit code at 0.
    console.error(
      `\nFAIL tests left ${left.length} entries in the temp directory (use tempDir from test/harness/temp.ts, or clean up in afterEach/afterAll): ${left.sort().join(', ')}\n`,
    );
    process.exitCode = 1;
  };
}
