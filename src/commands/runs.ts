import { existsSync } from 'node:fs';
import { describeError, ModelciError } from '../core/errors.js';
import { collectRuns, type KeptBecause } from '../core/runs/gc.js';
import { checkTag, type RunRecord } from '../core/runs/record.js';
import type { RunFilter, RunSort } from '../core/runs/select.js';
import { beyondModel, filterRuns, newestFirst, resolveRun, sortRuns } from '../core/runs/select.js';
import type { Direction } from '../core/report/direction.js';
import type {
  ListedRun,
  RunFetchResult,
  RunListing,
  RunRefProblem,
  RunStore,
  StoredRun,
} from '../git/run-refs.js';

/** `runs list`: the runs that pass the filters, sorted, and the refs that are not runs. */
export interface RunsListResult {
  runs: ListedRun[];
  /** How many runs passed the filters before `limit`. */
  matched: number;
  problems: RunRefProblem[];
}

export async function listRuns(
  store: RunStore,
  o: {
    filter: RunFilter;
    sort?: RunSort;
    limit?: number;
    directions?: Record<string, Direction>;
    /** The store's listing (without summaries), when the caller started it earlier. */
    listing?: Promise<RunListing>;
  },
): Promise<RunsListResult> {
  const { runs, problems } = await (o.listing ?? store.list(o.filter.model, { summaries: false }));
  const { filter, readsRecords } = beyondModel(o.filter);
  // Newest first needs no record; filters and a metric sort read every one.
  if (o.sort || readsRecords) await store.load(runs);
  const matched = filterRuns(runs, filter);
  const sorted = o.sort ? sortRuns(matched, o.sort, o.directions) : newestFirst(matched);
  const shown = o.limit !== undefined ? sorted.slice(0, o.limit) : sorted;
  await store.load(shown);
  return { runs: shown, matched: matched.length, problems };
}

/**
 * Runs named by the user (ids, prefixes, `latest` among the filtered runs), in the order given,
 * with their full records.
 */
export async function resolveRuns(
  store: RunStore,
  names: readonly string[],
  filter: RunFilter,
): Promise<StoredRun[]> {
  // Names resolve from the refs; only a filter reads the summaries.
  const criteria = beyondModel(filter);
  const { runs } = await store.list(filter.model, { summaries: criteria.readsRecords });
  const pool = filterRuns(runs, criteria.filter);
  return store.fullOrFail(names.map((n) => resolveRun(n === 'latest' ? pool : runs, n)));
}

export interface RunsTagResult {
  run: StoredRun;
  added: string[];
  removed: string[];
  /** `unchanged` when the run already had (or lacked) the tags and note. */
  status: 'updated' | 'unchanged';
  pushed: boolean;
}

/** How a record changes: tags added or removed, the note set. */
function retag(
  r: RunRecord,
  tags: readonly string[],
  remove: boolean,
  note: string | undefined,
): RunRecord {
  const next = remove
    ? r.tags.filter((t) => !tags.includes(t))
    : [...new Set([...r.tags, ...tags])];
  return { ...r, tags: next, ...(note !== undefined ? { note } : {}) };
}

/** What changeRun did. */
export interface ChangedRun {
  run: StoredRun;
  /** The record differs from what the ref held (here, or on the remote after a race). */
  changed: boolean;
  pushed: boolean;
}

/**
 * Changes a run's record: a new commit on its ref (skipped when `change` leaves it as it was). With
 * `push`, the ref goes to the remote too; when someone changed the run there first, the change is
 * made again on top of theirs, up to 5 times, so neither side's change is lost.
 */
export async function changeRun(
  store: RunStore,
  run: StoredRun,
  change: (r: RunRecord) => RunRecord,
  what: string,
  o: { push: boolean; remote: string },
): Promise<ChangedRun> {
  let current = run;
  let expected = run.commit;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const next = change(current.record);
    const changed = JSON.stringify(next) !== JSON.stringify(current.record);
    const updated = changed
      ? await store.update(current, next, what, expected)
      : await store.adopt(current, expected);
    const done = (pushed: boolean): ChangedRun => ({
      run: updated,
      changed: updated.commit !== run.commit,
      pushed,
    });
    if (!o.push) return done(false);
    if ((await store.push(o.remote, [updated])) === 'pushed') return done(true);
    // The remote moved first: redo the change on top of its version of the run.
    const theirs = await store.remoteRun(o.remote, run.ref);
    if (!theirs || !('record' in theirs))
      throw new ModelciError('GIT', `${o.remote} refused ${run.ref} and holds no run there`);
    expected = updated.commit;
    current = theirs;
  }
  throw new ModelciError('GIT', `${o.remote} kept changing ${run.ref}; gave up after 5 attempts`, {
    hint: 'Run the command again',
  });
}

/** Tags a run (or removes tags, or sets its note); see changeRun for `push`. */
export async function tagRun(
  store: RunStore,
  run: StoredRun,
  o: { tags: string[]; remove: boolean; note?: string; push: boolean; remote: string },
): Promise<RunsTagResult> {
  o.tags.forEach(checkTag);
  const before = run.record.tags;
  const r = await changeRun(
    store,
    run,
    (rec) => retag(rec, o.tags, o.remove, o.note),
    o.remove ? 'untagged' : 'tagged',
    o,
  );
  return {
    run: r.run,
    added: r.run.record.tags.filter((t) => !before.includes(t)),
    removed: before.filter((t) => !r.run.record.tags.includes(t)),
    status: r.changed ? 'updated' : 'unchanged',
    pushed: r.pushed,
  };
}

/** Run ids that registered versions name (lineage.run), with the records that could not be read. */
export async function registeredRuns(
  dir: string,
): Promise<{ ids: Set<string>; problems: string[] }> {
  const ids = new Set<string>();
  const problems: string[] = [];
  if (!existsSync(dir)) return { ids, problems };
  // Loaded here, not with the module: listing runs never reads the registry.
  const { openRegistry } = await import('../registry/registry.js');
  const reg = openRegistry(dir);
  for (const model of reg.listModels())
    for (const v of reg.listVersions(model)) {
      try {
        const run = reg.getVersion(model, v).lineage.run;
        if (run) ids.add(run);
      } catch (e) {
        problems.push(describeError(e));
      }
    }
  return { ids, problems };
}

export interface RunsGcResult {
  removed: ListedRun[];
  kept: { run: ListedRun; because: KeptBecause }[];
  dryRun: boolean;
  /** Refs the remote kept because they moved there (with push). */
  refusedByRemote: string[];
}

/** Removes old runs (see collectRuns); with `remote`, there too. */
export async function gcRuns(
  store: RunStore,
  o: {
    model?: string;
    keepLast: number;
    before: string;
    registered: ReadonlySet<string>;
    dryRun: boolean;
    remote?: string;
  },
): Promise<RunsGcResult> {
  const { runs } = await store.list(o.model);
  const { remove, keep } = collectRuns(runs, {
    keepLast: o.keepLast,
    before: o.before,
    registered: o.registered,
  });
  const refusedByRemote = o.dryRun ? [] : await store.delete(remove, o.remote);
  return { removed: remove, kept: keep, dryRun: o.dryRun, refusedByRemote };
}

export async function fetchRuns(
  store: RunStore,
  remote: string,
  model?: string,
): Promise<RunFetchResult & { remote: string }> {
  return { remote, ...(await store.fetch(remote, model)) };
}
