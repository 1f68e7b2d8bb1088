import type { RunSummary } from './record.js';
import { runHeaderProblem } from './validate.js';

// The runs index: per model, the summary of every run keyed by id with the commit it was read
// from. A run's commit id names its content, so an entry whose commit is the one its ref points
// at now is exactly what reading that commit would give: listing reads the index and only the
// runs whose ref moved (or is new), never every commit. The index is a cache; the refs decide.

export const RUN_INDEX_SCHEMA = 'modelci/runs-index@1';

/** One model's index is one ref (outside refs/modelci/runs/, which holds runs only). */
export const RUN_INDEX_PREFIX = 'refs/modelci/runs-index/';

/** What the index keeps of one run. */
export interface IndexEntry {
  /** The run commit the summary was read from. */
  commit: string;
  summary: RunSummary;
}

/** Entries by run id. */
export type IndexEntries = Map<string, IndexEntry>;

/**
 * The shard (`00`..`ff`) a run id lives in: 256 files, so recording one run among 10,000
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

export function shardFile(shard: string): string {
  return `${shard}.json`;
}

/** A shard file's text: its entries sorted by id, one line each (diffs and reads stay small). */
export function shardText(entries: readonly IndexEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.summary.id < b.summary.id ? -1 : 1));
  return `{"schema":${JSON.stringify(RUN_INDEX_SCHEMA)},"runs":[\n${sorted.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

/**
 * The entries of a shard of `model`'s index; undefined when the text is not a shard this version
 * writes (another schema, not JSON, a malformed entry): the caller reads those runs from git.
 */
export function parseShard(text: string, model: string): IndexEntry[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const d = data as { schema?: unknown; runs?: unknown };
  if (d?.schema !== RUN_INDEX_SCHEMA || !Array.isArray(d.runs)) return undefined;
  for (const e of d.runs as Partial<IndexEntry>[])
    if (
      typeof e?.commit !== 'string' ||
      runHeaderProblem(e.summary) !== undefined ||
      e.summary!.model_name !== model
    )
      return undefined;
  return d.runs as IndexEntry[];
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
