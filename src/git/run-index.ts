import {
  RUN_INDEX_PREFIX,
  SUMMARIES_HEAD,
  SUMMARIES_TAIL,
  keysText,
  parseKeys,
  shardFileKind,
  shardFiles,
  shardOf,
  summariesText,
  type IndexEntries,
  type IndexEntry,
  type ShardSource,
} from '../core/runs/listing-index.js';
import { CatFile, catFileBatch } from './cat-file.js';
import type { Git } from './git.js';

/** The blobs of one shard's two files. */
interface ShardBlobs {
  keys: string;
  summaries: string;
}

/** One model's index as read: its entries and each whole shard's blobs (reused when unchanged). */
export interface ReadIndex {
  commit: string;
  entries: IndexEntries;
  shards: Map<string, ShardBlobs>;
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
 * 256 shards, each a keys file and a summaries file (see core/runs/listing-index.ts). It is never
 * pushed: every clone keeps its own, rebuilt from the run refs when it is missing or stale.
 */
export class RunIndex {
  /** Where each entry read here finds its summary: its shard's summaries blob. */
  private readonly summariesOf = new WeakMap<IndexEntry, string>();

  constructor(private readonly git: Git) {}

  static ref(model: string): string {
    return `${RUN_INDEX_PREFIX}${model}`;
  }

  /**
   * Every model's index (or `model`'s) as its ref holds it now, keys only: the refs with one
   * `for-each-ref`, then one `git cat-file --batch` for the trees and then the keys files (by
   * blob id: git resolves `<commit>:<path>` names far slower than ids), each parsed as it
   * arrives. A shard whose keys cannot be read is left out: its runs are read from their commits.
   * With `summaries`, the summaries files come in the same conversation (a listing that will read
   * every record: --json, --all, filters), while the refs are still being listed.
   */
  async read(model?: string, o: { summaries?: boolean } = {}): Promise<Map<string, ReadIndex>> {
    const out = await this.git.run([
      'for-each-ref',
      '--format=%(refname) %(objectname)',
      model ? RunIndex.ref(model) : RUN_INDEX_PREFIX,
    ]);
    const result = new Map<string, ReadIndex>();
    for (const line of out.split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space < 0) continue;
      const m = line.slice(RUN_INDEX_PREFIX.length, space);
      result.set(m, { commit: line.slice(space + 1), entries: new Map(), shards: new Map() });
    }
    if (!result.size) return result;
    const models = [...result.keys()];
    const cat = CatFile.open(this.git);
    try {
      const trees = await cat.read(models.map((m) => `${result.get(m)!.commit}^{tree}`));
      const specs: { model: string; index: ReadIndex; shard: string; blobs: ShardBlobs }[] = [];
      models.forEach((m, i) => {
        const tree = trees[i];
        if (!tree || tree.type !== 'tree') return;
        const shards = new Map<string, Partial<ShardBlobs>>();
        for (const [file, blob] of treeEntries(tree.body, tree.sha.length / 2)) {
          const f = shardFileKind(file);
          if (f) shards.set(f.shard, { ...shards.get(f.shard), [f.kind]: blob });
        }
        for (const [shard, b] of shards)
          if (b.keys && b.summaries)
            specs.push({ model: m, index: result.get(m)!, shard, blobs: b as ShardBlobs });
      });
      // With summaries, each shard's summaries file follows its keys in the same request.
      const shardEntries: IndexEntry[][] = specs.map(() => []);
      const asked = specs.map((s) => s.blobs.keys);
      if (o.summaries) asked.push(...specs.map((s) => s.blobs.summaries));
      await cat.read(asked, (i, obj) => {
        if (!obj || obj.type !== 'blob') return;
        if (i >= specs.length) {
          attachSummaries(obj.body, shardEntries[i - specs.length]!);
          return;
        }
        const s = specs[i]!;
        const entries = parseKeys(obj.body.toString('utf8'), s.model);
        if (!entries) return;
        s.index.shards.set(s.shard, s.blobs);
        shardEntries[i] = entries;
        for (const e of entries) {
          s.index.entries.set(e.id, e);
          this.summariesOf.set(e, s.blobs.summaries);
        }
      });
    } finally {
      await cat.close();
    }
    return result;
  }

  /**
   * Loads the summaries of `entries` (read here) from their shards' summaries files, one `git
   * cat-file --batch` for all; returns the entries it could not load (a summaries file that does
   * not hold the run at that commit): the caller reads those from their commits.
   */
  async load(entries: Iterable<IndexEntry>): Promise<IndexEntry[]> {
    const byBlob = new Map<string, IndexEntry[]>();
    const missing: IndexEntry[] = [];
    for (const e of entries) {
      if (e.loaded) continue;
      const blob = this.summariesOf.get(e);
      if (!blob) missing.push(e);
      else if (byBlob.has(blob)) byBlob.get(blob)!.push(e);
      else byBlob.set(blob, [e]);
    }
    const blobs = [...byBlob.keys()];
    await catFileBatch(this.git, blobs, (i, o) => {
      if (o && o.type === 'blob') attachSummaries(o.body, byBlob.get(blobs[i]!)!);
    });
    for (const es of byBlob.values()) for (const e of es) if (!e.loaded) missing.push(e);
    return missing;
  }

  /**
   * Writes `model`'s index holding `entries` (every run of the model), reusing the blobs of
   * shards no run of `changed` falls in, and moves the ref only if it is still at the commit
   * `previous` was read from (none: the ref must not exist). False when another writer moved it
   * first. `load` brings the summaries of the entries a rewritten shard holds.
   */
  async write(
    model: string,
    entries: readonly IndexEntry[],
    changed: Iterable<string>,
    previous: ReadIndex | undefined,
    load: (entries: IndexEntry[]) => Promise<void>,
  ): Promise<boolean> {
    const dirty = new Set<string>();
    for (const id of changed) dirty.add(shardOf(id));
    const byShard = new Map<string, IndexEntry[]>();
    for (const e of entries) {
      const s = shardOf(e.id);
      if (byShard.has(s)) byShard.get(s)!.push(e);
      else byShard.set(s, [e]);
    }
    const files = new Map<string, string>();
    const toWrite: string[] = [];
    for (const shard of byShard.keys()) {
      const kept = previous?.shards.get(shard);
      if (kept && !dirty.has(shard)) {
        const names = shardFiles(shard);
        files.set(names.keys, kept.keys);
        files.set(names.summaries, kept.summaries);
      } else toWrite.push(shard);
    }
    if (toWrite.length) {
      await load(toWrite.flatMap((s) => byShard.get(s)!));
      const texts = toWrite.flatMap((s) => {
        const names = shardFiles(s);
        return [
          { file: names.keys, text: keysText(byShard.get(s)!) },
          { file: names.summaries, text: summariesText(byShard.get(s)!) },
        ];
      });
      const stream = texts
        .map(
          ({ text }, i) =>
            `blob\nmark :${i + 1}\ndata ${Buffer.byteLength(text)}\n${text}\nget-mark :${i + 1}\n`,
        )
        .join('');
      const shas = (await this.git.run(['fast-import', '--quiet'], stream)).trim().split('\n');
      texts.forEach(({ file }, i) => files.set(file, shas[i]!));
    }
    const tree = (
      await this.git.run(
        ['mktree'],
        [...files.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([file, sha]) => `100644 blob ${sha}\t${file}\n`)
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

/** Attaches to each of `entries` its summary in a summaries file, when the file holds it at its commit. */
function attachSummaries(body: Buffer, entries: readonly IndexEntry[]): void {
  const lines = parseSummaries(body);
  if (!lines) return;
  const source = new BufferSource(body);
  for (const e of entries) {
    const l = lines.get(e.id);
    if (l && l.commit === e.commit) e.attach(source, l.start, l.end);
  }
}

/** A summaries file's bytes as git gave them (a view of the pipe's chunk: no copy, off the heap). */
class BufferSource implements ShardSource {
  constructor(private readonly body: Buffer) {}
  text(start: number, end: number): string {
    return this.body.toString('utf8', start, end);
  }
  bytes(start: number, end: number): Uint8Array {
    return this.body.subarray(start, end);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Where each run's summary lies in a summaries file (core/runs/listing-index.ts, summariesText),
 * by id, with the commit it was read from; undefined when the bytes are not a summaries file
 * this version writes. Only each line's two leading strings are read: a summary is checked
 * against its run when parsed.
 */
export function parseSummaries(
  body: Buffer,
): Map<string, { commit: string; start: number; end: number }> | undefined {
  const head = SUMMARIES_HEAD.length;
  const end = body.length - SUMMARIES_TAIL.length;
  if (
    end < head ||
    body.toString('latin1', 0, head) !== SUMMARIES_HEAD ||
    body.toString('latin1', end) !== SUMMARIES_TAIL
  )
    return undefined;
  const lines = new Map<string, { commit: string; start: number; end: number }>();
  // `"<text>",` from `at` (at the opening quote): the offset of the closing quote, or -1.
  const field = (at: number): number => {
    if (body[at] !== QUOTE) return -1;
    const q = body.indexOf(QUOTE, at + 1);
    return q > 0 && body[q + 1] === COMMA ? q : -1;
  };
  for (let at = head; at < end;) {
    let nl = body.indexOf(0x0a, at);
    if (nl < 0 || nl > end) nl = end;
    // `[...]` and, unless it is the last line, a comma.
    const close = nl < end ? nl - 2 : nl - 1;
    if (body[at] !== 0x5b || body[close] !== 0x5d || (nl < end && body[nl - 1] !== COMMA))
      return undefined;
    const q1 = field(at + 1);
    const q2 = q1 < 0 ? -1 : field(q1 + 2);
    if (q2 < 0 || q2 + 2 >= close) return undefined;
    lines.set(body.toString('latin1', q1 + 3, q2), {
      commit: body.toString('latin1', at + 2, q1),
      start: q2 + 2,
      end: close,
    });
    at = nl + 1;
  }
  return lines;
}
