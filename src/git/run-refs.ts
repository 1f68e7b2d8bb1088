import { randomBytes } from 'node:crypto';
import { ModelciError } from '../core/errors.js';
import { parseRunCommitMessage, runCommitMessage } from '../core/runs/message.js';
import { storedRecord, type RunRecord } from '../core/runs/record.js';
import type { RunSummary } from '../core/runs/record.js';
import { runRecordProblem } from '../core/runs/validate.js';
import { parseRunRef, runRef, RUNS_REF_PREFIX } from '../core/runs/refs.js';
import { diffIndex, IndexEntry, type IndexDiff } from '../core/runs/listing-index.js';
import { runOrder } from '../core/runs/select.js';
import { catFileBatch } from './cat-file.js';
import { RunIndex } from './run-index.js';
import { Git, isPermissionDenied } from './git.js';
import { ACTIONS_BOT, type GitIdentity } from './identity.js';

/** A run as its ref holds it: the full record (run.json in the commit's tree). */
export interface StoredRun {
  ref: string;
  /** The commit the ref points at (annotations such as tags add commits on top of the first). */
  commit: string;
  record: RunRecord;
}

/** A run as listing reads it: the summary its commit message holds. */
export interface ListedRun {
  ref: string;
  commit: string;
  /** Read from the runs index when first used (see IndexEntry). */
  readonly record: RunSummary;
  /** `<started_at>\0<id>`: newest-first order without reading the record. */
  order: string;
}

/**
 * A listed run whose record is its index entry's summary, read when first asked for (a class:
 * ten thousand object literals with their own getter closures cost V8 far more).
 */
class IndexedRun implements ListedRun {
  readonly commit: string;
  readonly order: string;
  readonly #entry: IndexEntry;

  constructor(
    readonly ref: string,
    entry: IndexEntry,
  ) {
    this.commit = entry.commit;
    this.order = runOrder(entry.startedAt, entry.id);
    this.#entry = entry;
  }

  get entry(): IndexEntry {
    return this.#entry;
  }

  get record(): RunSummary {
    return this.#entry.summary;
  }
}

/**
 * A listed run's record as JSON: for a run from the index, its UTF-8 bytes as stored (neither
 * parsed nor decoded), else its text.
 */
export function listedRecordJson(run: ListedRun): string | Uint8Array {
  return run instanceof IndexedRun
    ? (run.entry.jsonBytes ?? run.entry.json)
    : JSON.stringify(run.record);
}

/** A ref under refs/modelci/runs/ that does not hold a run record: reported, never fatal. */
export interface RunRefProblem {
  ref: string;
  problem: string;
}

export interface RunListing {
  runs: ListedRun[];
  problems: RunRefProblem[];
}

/** What `fetch` did to the local run refs. */
export interface RunFetchResult {
  /** Runs that were not here before. */
  added: number;
  /** Runs whose remote ref moved ahead (tags, evaluations added elsewhere). */
  updated: number;
  unchanged: number;
  /** Local runs with annotations the remote lacks (or diverged): kept as they are. */
  kept: string[];
}

/**
 * Training runs kept in git: one commit per run under `refs/modelci/runs/<model>/<id>`, written
 * with plumbing (hash-object, mktree, commit-tree, update-ref): no branch, index or working tree
 * is touched, and a ref is only ever created where none exists, so concurrent writers cannot
 * overwrite each other. The commit's tree holds `run.json`; its message holds the same record
 * as one JSON line, which is what listing reads.
 */
export class RunStore {
  private readonly index: RunIndex;

  constructor(readonly git: Git) {
    this.index = new RunIndex(git);
  }

  static at(cwd: string, env?: NodeJS.ProcessEnv): RunStore {
    return new RunStore(new Git(cwd, env));
  }

  /**
   * Every run (of one model, when given), in ref order, plus the refs that are not runs. Reads the
   * run refs (names and commits only) and the runs index; only runs the index lacks at their
   * current commit are read from git, and the index is then brought up to date (best effort: a
   * clone that cannot write still lists correctly). With `summaries: false` the runs' records
   * are not loaded: call `load` with the runs whose records will be read (listing 10,000 runs
   * to print 50 loads 50).
   */
  async list(model?: string, o: { summaries?: boolean } = {}): Promise<RunListing> {
    const { listing } = await this.reconcile(model, 1, o.summaries !== false);
    if (o.summaries !== false) await this.load(listing.runs);
    return listing;
  }

  /** Loads the records of listed runs (see list); runs already loaded cost nothing. */
  async load(runs: readonly ListedRun[]): Promise<void> {
    await this.loadEntries(
      runs.flatMap((r) => (r instanceof IndexedRun && !r.entry.loaded ? [r.entry] : [])),
    );
  }

  /** Loads summaries from the index, and those it does not hold as expected from their commits. */
  private async loadEntries(entries: IndexEntry[]): Promise<void> {
    if (!entries.length) return;
    const missing = await this.index.load(entries);
    if (!missing.length) return;
    // An entry's ref is its model's and id's (no name check: the ref exists, whatever its name).
    const read = await this.readSummaries(
      new Map(missing.map((e) => [`${RUNS_REF_PREFIX}${e.model}/${e.id}`, e.commit])),
    );
    const byId = new Map(read.runs.map((r) => [r.summary.id, r.summary]));
    for (const e of missing) {
      const summary = byId.get(e.id);
      if (!summary)
        throw new ModelciError('GIT', `run ${e.model}/${e.id} could not be read from git`, {
          hint: `List the runs again; if this repeats, delete the runs index: git update-ref -d ${RunIndex.ref(e.model)}`,
        });
      e.load(summary);
    }
  }

  /**
   * Brings the index of `model` (or every model) up to date after a write; a writer that races
   * another for the index reads again and retries, so the index ends up covering both.
   */
  async refreshIndex(model?: string): Promise<void> {
    try {
      await this.reconcile(model, 5, false);
    } catch {
      // The index is a cache: the next listing rebuilds what this one could not write.
    }
  }

  private async reconcile(
    model: string | undefined,
    attempts: number,
    summaries: boolean,
  ): Promise<{ listing: RunListing; indexed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      // The refs and the index's keys at once: over 10,000 loose refs for-each-ref is the
      // longest step, and the keys (~0.9 MB) are read and parsed meanwhile.
      const [refs, indexes] = await Promise.all([
        this.git.run([
          'for-each-ref',
          '--format=%(refname) %(objectname)',
          model ? `${RUNS_REF_PREFIX}${model}/` : RUNS_REF_PREFIX,
        ]),
        this.index.read(model, { summaries }),
      ]);
      const { byModel, problems } = splitRefs(refs);
      const runs: ListedRun[] = [];
      const stale: { model: string; diff: IndexDiff }[] = [];
      const unread = new Map<string, string>();
      for (const [m, byId] of byModel) {
        const diff = diffIndex(byId, indexes.get(m)?.entries ?? new Map());
        for (const e of diff.fresh) runs.push(new IndexedRun(byId.get(e.id)!.ref, e));
        for (const [ref, commit] of diff.unread) unread.set(ref, commit);
        if (diff.unread.size || diff.gone.length || !indexes.has(m)) stale.push({ model: m, diff });
      }
      const read = await this.readSummaries(unread);
      const readEntries = read.runs.map((r) => IndexEntry.of(r.commit, r.summary));
      read.runs.forEach((r, i) => runs.push(new IndexedRun(r.ref, readEntries[i]!)));
      problems.push(...read.problems);
      runs.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
      problems.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
      const listing = { runs, problems };
      let raced = false;
      for (const { model: m, diff } of stale) {
        // A ref one level too deep (`<model>/x/<id>`) names no model an index ref could hold.
        if (m.includes('/')) continue;
        const entries = [...diff.fresh, ...readEntries.filter((e) => e.model === m)];
        const changed = [...diff.gone, ...[...diff.unread.keys()].map((r) => parseRunRef(r)!.id)];
        try {
          const written = await this.index.write(m, entries, changed, indexes.get(m), (es) =>
            this.loadEntries(es),
          );
          if (!written) raced = true;
        } catch {
          // Read-only clone, full disk: listing stays correct without the index.
        }
      }
      if (!raced || attempt >= attempts) return { listing, indexed: !raced };
    }
  }

  /** Summaries of runs read from their commits' messages (one `git cat-file --batch`). */
  private async readSummaries(refs: Map<string, string>): Promise<{
    runs: { ref: string; commit: string; summary: RunSummary }[];
    problems: RunRefProblem[];
  }> {
    const list = [...refs];
    const objects = await catFileBatch(
      this.git,
      list.map(([, commit]) => commit),
    );
    const runs: { ref: string; commit: string; summary: RunSummary }[] = [];
    const problems: RunRefProblem[] = [];
    list.forEach(([ref, commit], i) => {
      const o = objects[i];
      const names = parseRunRef(ref)!;
      if (!o) return problems.push({ ref, problem: 'its object is missing' });
      if (o.type !== 'commit')
        return problems.push({ ref, problem: `points at a ${o.type}, not a run commit` });
      const text = o.body.toString('utf8');
      const start = text.indexOf('\n\n');
      const parsed = parseRunCommitMessage(start < 0 ? '' : text.slice(start + 2));
      if (!parsed.summary) return problems.push({ ref, problem: parsed.problem });
      if (parsed.summary.id !== names.id || parsed.summary.model_name !== names.model)
        return problems.push({
          ref,
          problem: `holds run ${parsed.summary.model_name}/${parsed.summary.id}, not ${names.model}/${names.id}`,
        });
      runs.push({ ref, commit, summary: parsed.summary });
    });
    return { runs, problems };
  }

  /** One run's full record by its ref; undefined when the ref does not exist. */
  async read(ref: string): Promise<StoredRun | RunRefProblem | undefined> {
    const r = await this.git.exec(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (r.code !== 0) {
      const exists = await this.git.exec(['rev-parse', '--verify', '--quiet', ref]);
      return exists.code === 0 ? { ref, problem: 'the ref does not point at a commit' } : undefined;
    }
    const [full] = await this.full([{ ref, commit: r.stdout.trim() }]);
    return full;
  }

  /**
   * The full records (run.json) of listed runs, read with one `git cat-file --batch`, in order; a
   * run whose tree holds no valid run.json is a problem.
   */
  async full(
    runs: readonly { ref: string; commit: string }[],
  ): Promise<(StoredRun | RunRefProblem)[]> {
    const objects = await catFileBatch(
      this.git,
      runs.map((x) => `${x.commit}:run.json`),
    );
    return runs.map((run, i) => {
      const o = objects[i];
      if (!o) return { ref: run.ref, problem: 'its commit holds no run.json' };
      let data: unknown;
      try {
        data = JSON.parse(o.body.toString('utf8'));
      } catch (e) {
        return { ref: run.ref, problem: `run.json is not JSON (${(e as Error).message})` };
      }
      const problem = o.type !== 'blob' ? 'run.json is not a file' : runRecordProblem(data);
      return problem
        ? { ref: run.ref, problem }
        : { ref: run.ref, commit: run.commit, record: data as RunRecord };
    });
  }

  /** Full records of listed runs; the first that cannot be read is an error naming its ref. */
  async fullOrFail(runs: readonly { ref: string; commit: string }[]): Promise<StoredRun[]> {
    return (await this.full(runs)).map((r) => {
      if ('record' in r) return r;
      throw new ModelciError('GIT', `${r.ref}: ${r.problem}`, {
        hint: 'The ref is not a run modelci wrote; remove it with git update-ref -d',
      });
    });
  }

  /** Who commits: the repository's configured user, else the GitHub Actions bot. */
  async identity(): Promise<GitIdentity> {
    const [name, email] = await Promise.all([
      this.git.configValue('user.name'),
      this.git.configValue('user.email'),
    ]);
    return name && email ? { name, email } : ACTIONS_BOT;
  }

  /**
   * Writes a new run's commit and creates its ref (refusing to replace one: ids carry a random
   * part, so this only fails for a real collision). Returns the ref and commit.
   */
  async create(record: RunRecord): Promise<StoredRun> {
    const ref = runRef(record.model_name, record.id);
    const stored = storedRecord(record);
    const commit = await this.commit(stored, undefined, record.finished_at);
    const r = await this.git.exec(['update-ref', ref, commit, '']);
    if (r.code !== 0)
      throw new ModelciError('GIT', `run ${record.id} already exists (${ref})`, {
        hint: 'Run ids carry a random part; record the run again',
      });
    await this.refreshIndex(record.model_name);
    return { ref, commit, record: stored };
  }

  /**
   * Changes a run (tags, note, an attached evaluation): a new commit on top of the ref's commit,
   * the ref moved only if nobody moved it meanwhile (compare-and-swap). The first commit stays
   * in the ref's history, so what was recorded at training time is never lost.
   */
  async update(
    run: StoredRun,
    record: RunRecord,
    what: string,
    /** Where the local ref must point now (default, `run.commit`). */
    expected = run.commit,
  ): Promise<StoredRun> {
    const stored = storedRecord(record);
    const commit = await this.commit(stored, run.commit, undefined, what);
    const r = await this.git.exec(['update-ref', run.ref, commit, expected]);
    if (r.code !== 0)
      throw new ModelciError('GIT', `run ${record.id} changed while it was being updated`, {
        hint: 'Run the command again',
      });
    await this.refreshIndex(record.model_name);
    return { ref: run.ref, commit, record: stored };
  }

  /** Points the local ref at `run.commit` (the remote's version), if it is still at `expected`. */
  async adopt(run: StoredRun, expected: string): Promise<StoredRun> {
    if (run.commit === expected) return run;
    const r = await this.git.exec(['update-ref', run.ref, run.commit, expected]);
    if (r.code !== 0)
      throw new ModelciError('GIT', `run ${run.record.id} changed while it was being updated`, {
        hint: 'Run the command again',
      });
    await this.refreshIndex(run.record.model_name);
    return run;
  }

  private async commit(
    record: RunRecord,
    parent: string | undefined,
    date: string | undefined,
    what?: string,
  ): Promise<string> {
    const blob = (
      await this.git.run(['hash-object', '-w', '--stdin'], JSON.stringify(record, null, 2) + '\n')
    ).trim();
    const tree = (await this.git.run(['mktree'], `100644 blob ${blob}\trun.json\n`)).trim();
    const id = await this.identity();
    const env = {
      GIT_AUTHOR_NAME: id.name,
      GIT_AUTHOR_EMAIL: id.email,
      GIT_COMMITTER_NAME: id.name,
      GIT_COMMITTER_EMAIL: id.email,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    };
    return (
      await this.git
        .withEnv(env)
        .run(
          ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'],
          runCommitMessage(record, what),
        )
    ).trim();
  }

  /**
   * Pushes run refs to `remote`. New runs are new refs; an updated run is a fast-forward of its
   * ref. Returns the refs the remote refused because it moved first.
   */
  async push(remote: string, runs: StoredRun[]): Promise<'pushed' | 'rejected'> {
    if (!runs.length) return 'pushed';
    return this.git.push(
      remote,
      runs.map((r) => `${r.commit}:${r.ref}`),
    );
  }

  /** The run as `remote` has it now (undefined when the remote has no such ref). */
  async remoteRun(remote: string, ref: string): Promise<StoredRun | RunRefProblem | undefined> {
    const scratch = `refs/modelci/fetch-${process.pid}-${randomBytes(3).toString('hex')}/run`;
    const r = await this.git.exec(['fetch', '--quiet', '--no-tags', remote, `+${ref}:${scratch}`]);
    if (r.code !== 0) {
      if (/couldn't find remote ref/i.test(r.stderr)) return undefined;
      throw new ModelciError(
        'GIT',
        `git fetch of ${ref} from ${remote} failed: ${lastLine(r.stderr)}`,
      );
    }
    try {
      const run = await this.read(scratch);
      return run ? { ...run, ref } : undefined;
    } finally {
      await this.git.exec(['update-ref', '-d', scratch]);
    }
  }

  /**
   * Brings the remote's runs here. A ref that moved ahead on the remote moves here too; a local
   * ref that is ahead of the remote (an annotation not pushed yet) or diverged is kept.
   */
  async fetch(remote: string, model?: string): Promise<RunFetchResult> {
    const scratch = `refs/modelci/fetch-${process.pid}-${randomBytes(3).toString('hex')}/`;
    const from = model ? `${RUNS_REF_PREFIX}${model}/` : RUNS_REF_PREFIX;
    const r = await this.git.exec([
      'fetch',
      '--quiet',
      '--no-tags',
      remote,
      `+${from}*:${scratch}*`,
    ]);
    if (r.code !== 0)
      throw new ModelciError(
        'GIT',
        `git fetch of the runs from ${remote} failed: ${lastLine(r.stderr)}`,
        {
          hint: `Check that the remote "${remote}" exists and can be read`,
        },
      );
    try {
      const fetched = await this.refs(scratch);
      const local = await this.refs(from);
      const result: RunFetchResult = { added: 0, updated: 0, unchanged: 0, kept: [] };
      const updates: string[] = [];
      for (const [rest, sha] of fetched) {
        const ref = `${from}${rest}`;
        const mine = local.get(rest);
        if (mine === sha) result.unchanged++;
        else if (mine === undefined) {
          updates.push(`create ${ref} ${sha}`);
          result.added++;
        } else if (await this.isAncestor(mine, sha)) {
          updates.push(`update ${ref} ${sha} ${mine}`);
          result.updated++;
        } else result.kept.push(ref);
      }
      if (updates.length) {
        await this.git.run(['update-ref', '--stdin'], updates.join('\n') + '\n');
        // The fetch reads the new runs once, so the first listing after it does not.
        await this.refreshIndex(model);
      }
      return result;
    } finally {
      const left = await this.refs(scratch);
      if (left.size)
        await this.git.run(
          ['update-ref', '--stdin'],
          [...left.keys()].map((k) => `delete ${scratch}${k}`).join('\n') + '\n',
        );
    }
  }

  /**
   * Deletes run refs here, in one transaction that fails if any of them moved meanwhile; with
   * `remote`, also there, each only if it is still at the commit deleted here (a run someone tagged
   * meanwhile stays). Returns the refs the remote kept.
   */
  async delete(
    runs: readonly { ref: string; commit: string }[],
    remote?: string,
  ): Promise<string[]> {
    if (!runs.length) return [];
    const r = await this.git.exec(
      ['update-ref', '--stdin'],
      runs.map((x) => `delete ${x.ref} ${x.commit}`).join('\n') + '\n',
    );
    if (r.code !== 0)
      throw new ModelciError(
        'GIT',
        `runs changed while they were being removed: ${lastLine(r.stderr)}`,
        {
          hint: 'Run the command again',
        },
      );
    for (const m of new Set(runs.map((x) => parseRunRef(x.ref)?.model)))
      if (m) await this.refreshIndex(m);
    if (!remote) return [];
    const refused: string[] = [];
    // A few hundred refs per push keep the command line short.
    for (let i = 0; i < runs.length; i += 200) {
      const batch = runs.slice(i, i + 200);
      const res = await this.git.exec([
        'push',
        '--porcelain',
        ...batch.map((x) => `--force-with-lease=${x.ref}:${x.commit}`),
        remote,
        ...batch.map((x) => `:${x.ref}`),
      ]);
      if (res.code !== 0 && isPermissionDenied(`${res.stdout}\n${res.stderr}`))
        throw new ModelciError(
          'GIT',
          `deleting runs on ${remote} was denied: ${lastLine(res.stderr)}`,
          {
            hint: 'The job needs `permissions: contents: write`',
          },
        );
      for (const line of res.stdout.split('\n'))
        if (line.startsWith('!\t')) refused.push(line.split('\t')[1]!.replace(/^:/, ''));
      if (res.code !== 0 && !refused.length)
        throw new ModelciError('GIT', `deleting runs on ${remote} failed: ${lastLine(res.stderr)}`);
    }
    return refused;
  }

  private async refs(prefix: string): Promise<Map<string, string>> {
    const out = await this.git.run(['for-each-ref', '--format=%(refname) %(objectname)', prefix]);
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const [ref, sha] = line.split(' ');
      map.set(ref!.slice(prefix.length), sha!);
    }
    return map;
  }

  private async isAncestor(a: string, b: string): Promise<boolean> {
    return (await this.git.exec(['merge-base', '--is-ancestor', a, b])).code === 0;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'no output';
}

/** The run refs of `for-each-ref` output by model and id, the index commits, and stray refs. */
function splitRefs(out: string): {
  byModel: Map<string, Map<string, { ref: string; commit: string }>>;
  problems: RunRefProblem[];
} {
  const byModel = new Map<string, Map<string, { ref: string; commit: string }>>();
  const problems: RunRefProblem[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const space = line.lastIndexOf(' ');
    const ref = line.slice(0, space);
    const commit = line.slice(space + 1);
    const names = parseRunRef(ref);
    if (!names) {
      problems.push({ ref, problem: 'not a run ref (refs/modelci/runs/<model>/<id>)' });
      continue;
    }
    const ids = byModel.get(names.model) ?? new Map<string, { ref: string; commit: string }>();
    byModel.set(names.model, ids.set(names.id, { ref, commit }));
  }
  return { byModel, problems };
}
