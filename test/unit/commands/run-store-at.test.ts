// Where a run store is: train and evaluate ask git, and go on without a store where git sees no
// checkout (or refuses one); the runs commands take a `.git` above the folder as enough and let
// git say what is wrong when it is.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStoreAt } from '../../../src/commands/record-run.js';
import { tempDir } from '../../harness/temp.js';

describe('runStoreAt', () => {
  it('asks git unless told to assume: a checkout git will not use is no store for train', async () => {
    const repo = tempDir('modelci-store-at-');
    execFileSync('git', ['init', '--quiet', repo]);
    const sub = join(repo, 'project');
    mkdirSync(sub);
    expect(await runStoreAt(sub, process.env)).toBeDefined();
    // What a ceiling (or another owner without safe.directory) does: git sees no repository.
    const ceiling = { ...process.env, GIT_CEILING_DIRECTORIES: repo };
    expect(await runStoreAt(sub, ceiling)).toBeUndefined();
    const assumed = await runStoreAt(sub, ceiling, { assume: true });
    expect(assumed).toBeDefined();
    await expect(assumed!.list()).rejects.toThrow(/not a git repository/i);
    expect(await runStoreAt(tempDir('modelci-no-git-'), process.env, { assume: true })).toBe(
      undefined,
    );
  });
});
