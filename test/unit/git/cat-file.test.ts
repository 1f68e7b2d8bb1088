// `git cat-file --batch` as a conversation, on real git: objects parsed from the pipe's chunks as
// they arrive, whatever their sizes (one object over many 64 KiB chunks, many in one), missing
// names, request after request in one process, and a reader that throws.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatFile, catFileBatch } from '../../../src/git/cat-file.js';
import { Git } from '../../../src/git/git.js';
import { tempDir } from '../../harness/temp.js';

let repo: string;
beforeEach(() => {
  repo = tempDir('modelci-cat-file-');
  execFileSync('git', ['init', '--quiet', repo]);
});

function blob(content: Buffer | string): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: content })
    .toString()
    .trim();
}

describe('CatFile', () => {
  it('reads objects of every size in order, straight from the pipe, with missing names undefined', async () => {
    // Sizes around the pipe's 64 KiB chunks: empty, tiny, one byte either side, several chunks.
    const contents = [0, 1, 100, 65_535, 65_536, 65_537, 300_001, 7].map((n) => randomBytes(n));
    const ids = contents.map(blob);
    const specs = [ids[0]!, 'f'.repeat(40), ...ids.slice(1), 'HEAD:missing.txt'];
    const seen: number[] = [];
    const objects = await catFileBatch(new Git(repo), specs, (i) => seen.push(i));
    expect(seen).toEqual(specs.map((_, i) => i));
    expect(objects[1]).toBeUndefined();
    expect(objects.at(-1)).toBeUndefined();
    const found = [objects[0], ...objects.slice(2, -1)];
    found.forEach((o, i) => {
      expect(o!.type).toBe('blob');
      expect(o!.sha).toBe(ids[i]);
      expect(Buffer.compare(o!.body, contents[i]!)).toBe(0);
    });
  });

  it('answers request after request in one process, and fails what is asked after git is gone', async () => {
    const a = blob('a\n');
    const tree = execFileSync('git', ['mktree'], { cwd: repo, input: `100644 blob ${a}\ta.txt\n` })
      .toString()
      .trim();
    const cat = CatFile.open(new Git(repo));
    const [t] = await cat.read([tree]);
    expect(t!.type).toBe('tree');
    const [b] = await cat.read([a]);
    expect(b!.body.toString()).toBe('a\n');
    expect(await cat.read([])).toEqual([]);
    await cat.close();
    await expect(cat.read([a])).rejects.toThrow();
  });

  it('a reader that throws fails its own request; the next request still gets its own objects', async () => {
    const ids = ['one', 'two', 'three'].map((s) => blob(s));
    const cat = CatFile.open(new Git(repo));
    try {
      const failing = cat.read(ids, (i) => {
        if (i === 0) throw new Error('bad shard');
      });
      const next = cat.read([ids[2]!]);
      await expect(failing).rejects.toThrow('bad shard');
      expect((await next)[0]!.body.toString()).toBe('three');
    } finally {
      await cat.close();
    }
  });

  it('outside a repository: git says why', async () => {
    await expect(catFileBatch(new Git(tempDir('modelci-not-git-')), ['HEAD'])).rejects.toThrow(
      /not a git repository/i,
    );
  });
});
