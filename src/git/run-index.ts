import {
  RUN_INDEX_PREFIX,
  parseShard,
  shardFile,
  shardOf,
  shardText,
  type IndexEntries,
  type IndexEntry,
} from '../core/runs/listing-index.js';
import { catFileBatch } from './cat-file.js';
import type { Git } from './git.js';

/** One model's index as read: its entries and the blob of each shard (unchanged shards are reused). */
export interface ReadIndex {
  commit: string;
  entries: IndexEntries;
  blobs: Map<string, string>;
}

// The index commits are a local cache, not history: the same identity and date every time.
const INDEX_ENV = {
  GIT_AUTHOR_NAME: 'modelci',
  GIT_AUTHOR_EMAIL: 'modelci@localhost',
  GIT_COMMITTER_NAME: 'modelci',
  GIT_COMMITTER_EMAIL: 'modelci@localhost',
  GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
};

/**
 * The runs index in git: `refs/modelci/runs-index/<model>` points at a commit whose tree holds
 * 256 shard files (`00.json`..`ff.json`) of run summaries (see core/runs/listing-index.ts). It is
 * never pushed: every clone keeps its own, rebuilt from the run refs when it is missing or stale.
 */
export class RunIndex {
  constructor(private readonly git: Git) {}

  static ref(model: string): string {
    return `${RUN_INDEX_PREFIX}${model}`;
  }

  /**
   * The entries of each model's index commit, reading only the shards the given run ids fall in:
   * the index trees with one `git cat-file --batch`, then the shards by blob id with another
   * (git resolves `<commit>:<path>` names far slower than ids). A shard that cannot be read is
   * left out: its runs are read from their commits.
   */
  async read(
    wanted: Map<string, { commit: string; ids: Iterable<string> }>,
  ): Promise<Map<string, ReadIndex>> {
    const models = [...wanted.keys()];
    const trees = await catFileBatch(
      this.git,
      models.map((m) => `${wanted.get(m)!.commit}^{tree}`),
    );
    const specs: { model: string; shard: string; blob: string }[] = [];
    models.forEach((model, i) => {
      const tree = trees[i];
      if (!tree || tree.type !== 'tree') return;
      const files = treeEntries(tree.body, tree.sha.length / 2);
      const shards = new Set<string>();
      for (const id of wanted.get(model)!.ids) shards.add(shardOf(id));
      for (const shard of [...shards].sort()) {
        const blob = files.get(shardFile(shard));
        if (blob) specs.push({ model, shard, blob });
      }
    });
    const objects = await catFileBatch(
      this.git,
      specs.map((s) => s.blob),
    );
    const result = new Map<string, ReadIndex>();
    for (const [model, { commit }] of wanted)
      result.set(model, { commit, entries: new Map(), blobs: new Map() });
    specs.forEach((s, i) => {
      const o = objects[i];
      if (!o || o.type !== 'blob') return;
      const entries = parseShard(o.body.toString('utf8'), s.model);
      if (!entries) return;
      const index = result.get(s.model)!;
      index.blobs.set(s.shard, o.sha);
      for (const e of entries) index.entries.set(e.summary.id, e);
    });
    return result;
  }

  /**
   * Writes `model`'s index holding `entries` (every run of the model), reusing the blobs of
   * shards no run of `changed` falls in, and moves the ref only if it is still at `expected`
   * (undefined: it must not exist). False when another writer moved it first.
   */
  async write(
    model: string,
    entries: readonly IndexEntry[],
    changed: Iterable<string>,
    previous: ReadIndex | undefined,
  ): Promise<boolean> {
    const dirty = new Set<string>();
    for (const id of changed) dirty.add(shardOf(id));
    // Shards of the previous index that were not read (no run of theirs is listed now) go too.
    const byShard = new Map<string, IndexEntry[]>();
    for (const e of entries) {
      const s = shardOf(e.summary.id);
      byShard.set(s, [...(byShard.get(s) ?? []), e]);
    }
    const blobs = new Map<string, string>();
    const toWrite: string[] = [];
    for (const shard of byShard.keys()) {
      const kept = previous?.blobs.get(shard);
      if (kept && !dirty.has(shard)) blobs.set(shard, kept);
      else toWrite.push(shard);
    }
    if (toWrite.length) {
      const texts = toWrite.map((s) => shardText(byShard.get(s)!));
      const stream = texts
        .map(
          (t, i) =>
            `blob\nmark :${i + 1}\ndata ${Buffer.byteLength(t)}\n${t}\nget-mark :${i + 1}\n`,
        )
        .join('');
      const shas = (await this.git.run(['fast-import', '--quiet'], stream)).trim().split('\n');
      toWrite.forEach((s, i) => blobs.set(s, shas[i]!));
    }
    const tree = (
      await this.git.run(
        ['mktree'],
        [...blobs.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([s, sha]) => `100644 blob ${sha}\t${shardFile(s)}\n`)
          .join(''),
      )
    ).trim();
    const commit = (
      await this.git
        .withEnv(INDEX_ENV)
        .run(['commit-tree', tree, '-m', `Runs index of ${model}: ${entries.length} runs`])
    ).trim();
    const r = await this.git.exec([
      'update-ref',
      RunIndex.ref(model),
      commit,
      previous?.commit ?? '',
    ]);
    return r.code === 0;
  }
}

/** A tree object's entries (name → object id): `<mode> <name>\0<id bytes>` one after another. */
function treeEntries(body: Buffer, idBytes: number): Map<string, string> {
  const files = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(32, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    files.set(
      body.subarray(space + 1, nul).toString('utf8'),
      body.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
    );
    at = nul + 1 + idBytes;
  }
  return files;
}
