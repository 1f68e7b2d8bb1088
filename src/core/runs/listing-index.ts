import { ModelciError } from '../errors.js';
import type { RunSummary } from './record.js';
import { runHeaderProblem } from './validate.js';

// The runs index: per model, the summary of every run keyed by id with the commit it was read
// from. A run's commit id names its content, so an entry whose commit is the one its ref points
// at now is exactly what reading that commit would give: listing reads the index and only the
// runs whose ref moved (or is new), never every commit. The index is a cache; the refs decide.
//
// Each of 256 shards is two files: `<shard>.keys` (each run's commit, id and start time: what
// listing matches refs by and sorts on, ~90 bytes a run) and `<shard>.json` (the summaries, read
// only for the runs a listing shows or filters). Listing 10,000 runs and printing the newest 50
// reads ~0.9 MB of keys and ~50 summary shards, not ~8 MB of summaries.

export const RUN_INDEX_SCHEMA = 'modelci/runs-index@2';

/** One model's index is one ref (outside refs/modelci/runs/, which holds runs only). */
export const RUN_INDEX_PREFIX = 'refs/modelci/runs-index/';

/** Where shard lines' summaries are read from (the shard's bytes, kept as git gave them). */
export interface ShardSource {
  /** The text between two byte offsets. */
  text(start: number, end: number): string;
  /** The bytes between two offsets (a view, not a copy). */
  bytes(start: number, end: number): Uint8Array;
}

/**
 * What the index keeps of one run: the commit its summary was read from, its id and start time,
 * and the summary, which a reader loads (git/run-index.ts) and parses only when asked for.
 */
export class IndexEntry {
  private parsed: RunSummary | undefined;
  private text: string | undefined;
  private source: ShardSource | undefined;
  private start = 0;
  private end = 0;

  private constructor(
    readonly commit: string,
    readonly id: string,
    readonly startedAt: string,
    readonly model: string,
  ) {}

  /** An entry for a summary read from its run's commit. */
  static of(commit: string, summary: RunSummary): IndexEntry {
    const e = new IndexEntry(commit, summary.id, summary.started_at, summary.model_name);
    e.parsed = summary;
    return e;
  }

  /** An entry as a keys file holds it: its summary is loaded later (`attach` or `load`). */
  static key(commit: string, id: string, startedAt: string, model: string): IndexEntry {
    return new IndexEntry(commit, id, startedAt, model);
  }

  /** Whether the summary is here (parsed, or its text known). */
  get loaded(): boolean {
    return this.parsed !== undefined || this.text !== undefined || this.source !== undefined;
  }

  /** The summary's JSON lies between two offsets of `source`. */
  attach(source: ShardSource, start: number, end: number): void {
    this.source = source;
    this.start = start;
    this.end = end;
  }

  /** The summary as read from the run's commit (the index did not have it). */
  load(summary: RunSummary): void {
    this.parsed = summary;
  }

  get summary(): RunSummary {
    if (!this.parsed) {
      const text = this.json;
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch {
        v = undefined;
      }
      const s = v as RunSummary;
      const problem =
        v === undefined
          ? 'not JSON'
          : (runHeaderProblem(v) ??
            (s.model_name !== this.model || s.id !== this.id || s.started_at !== this.startedAt
              ? 'its summary is of another run'
              : undefined));
      // git checks every object's bytes and this version wrote them: a summary that does not
      // read back was edited by hand.
      if (problem)
        throw new ModelciError(
          'GIT',
          `the runs index of ${this.model} is damaged (run ${this.id}: ${problem})`,
          {
            hint: `Delete it and list again (it is rebuilt): git update-ref -d ${RUN_INDEX_PREFIX}${this.model}`,
          },
        );
      this.parsed = s;
    }
    return this.parsed;
  }

  /** The summary's JSON as the summaries file holds it (UTF-8), when it was read from one. */
  get jsonBytes(): Uint8Array | undefined {
    return this.text === undefined && this.source
      ? this.source.bytes(this.start, this.end)
      : undefined;
  }

  /** The summary's JSON text (what the summaries file holds). */
  get json(): string {
    if (this.text === undefined) {
      if (this.source) this.text = this.source.text(this.start, this.end);
      else if (this.parsed) this.text = JSON.stringify(this.parsed);
      // Reading a summary before loading it is a bug in the caller, not bad input.
      else throw new Error(`the summary of run ${this.id} was not loaded`);
    }
    return this.text;
  }
}

/** Entries by run id. */
export type IndexEntries = Map<string, IndexEntry>;

/**
 * The shard (`00`..`ff`) a run id lives in: 256 of them, so recording one run among 10,000
 * rewrites ~40 summaries, not all of them. FNV-1a: stable, spread, no dependency.
 */
export function shardOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) & 0xff).toString(16).padStart(2, '0');
}

/** The two files of a shard in an index tree. */
export function shardFiles(shard: string): { keys: string; summaries: string } {
  return { keys: `${shard}.keys`, summaries: `${shard}.json` };
}

/** What a file of an index tree holds (`3f.keys` → shard 3f's keys); undefined for any other. */
export function shardFileKind(
  file: string,
): { shard: string; kind: 'keys' | 'summaries' } | undefined {
  const m = /^([0-9a-f]{2})\.(keys|json)$/.exec(file);
  return m ? { shard: m[1]!, kind: m[2] === 'keys' ? 'keys' : 'summaries' } : undefined;
}

const byId = (a: IndexEntry, b: IndexEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How a keys file begins: the schema on a line of its own. */
export const KEYS_HEAD = `${RUN_INDEX_SCHEMA}\n`;

/**
 * A keys file: after the schema line, one line per run sorted by id: `<commit> <id> <started_at
 * as a JSON string>`.
 */
export function keysText(entries: readonly IndexEntry[]): string {
  return (
    KEYS_HEAD +
    [...entries]
      .sort(byId)
      .map((e) => `${e.commit} ${e.id} ${JSON.stringify(e.startedAt)}\n`)
      .join('')
  );
}

/** The entries of a keys file of `model`'s index; undefined when it is not one this version writes. */
export function parseKeys(text: string, model: string): IndexEntry[] | undefined {
  if (!text.startsWith(KEYS_HEAD)) return undefined;
  const entries: IndexEntry[] = [];
  for (let at = KEYS_HEAD.length; at < text.length;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    const a = text.indexOf(' ', at);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (b < 0 || b > nl || text[b + 1] !== '"' || text[nl - 1] !== '"') return undefined;
    const quoted = text.slice(b + 1, nl);
    let startedAt: unknown = quoted.slice(1, -1);
    if (quoted.includes('\\'))
      try {
        startedAt = JSON.parse(quoted);
      } catch {
        return undefined;
      }
    if (typeof startedAt !== 'string') return undefined;
    entries.push(IndexEntry.key(text.slice(at, a), text.slice(a + 1, b), startedAt, model));
    at = nl + 1;
  }
  return entries;
}

/** How a summaries file begins and ends (see summariesText). */
export const SUMMARIES_HEAD = `{"schema":${JSON.stringify(RUN_INDEX_SCHEMA)},"runs":[\n`;
export const SUMMARIES_TAIL = '\n]}\n';

/**
 * A summaries file: a JSON document whose entries are one line each, sorted by id (diffs and
 * reads stay small): `["<commit>","<id>",<summary>]`. The two strings come first, so a reader
 * finds a run's line without parsing any summary (git/run-index.ts reads the bytes).
 */
export function summariesText(entries: readonly IndexEntry[]): string {
  const lines = [...entries]
    .sort(byId)
    .map((e) => `[${JSON.stringify(e.commit)},${JSON.stringify(e.id)},${e.json}]`);
  return `${SUMMARIES_HEAD}${lines.join(',\n')}${SUMMARIES_TAIL}`;
}

/** How the index of one model differs from its refs. */
export interface IndexDiff {
  /** Runs the index has at the commit their ref points at: listed from the index. */
  fresh: IndexEntry[];
  /** Refs (name → commit) the index lacks or has at another commit: read from git. */
  unread: Map<string, string>;
  /** Ids the index holds that no ref holds any more (removed, e.g. by gc). */
  gone: string[];
}

/**
 * Splits `refs` (ref → commit of one model's runs, by id) into what the index answers and what
 * must be read from git.
 */
export function diffIndex(
  refs: Map<string, { ref: string; commit: string }>,
  index: IndexEntries,
): IndexDiff {
  const fresh: IndexEntry[] = [];
  const unread = new Map<string, string>();
  for (const [id, { ref, commit }] of refs) {
    const e = index.get(id);
    if (e && e.commit === commit) fresh.push(e);
    else unread.set(ref, commit);
  }
  const gone = [...index.keys()].filter((id) => !refs.has(id));
  return { fresh, unread, gone };
}
