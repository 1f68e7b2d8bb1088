import { ModelciError } from '../errors.js';
import { metricDirection, type Direction } from '../report/direction.js';
import { runMetric } from './metrics.js';
import { parseRunRef } from './refs.js';
import type { RunStatus } from './record.js';
import type { RunHeader } from './record.js';

/** Anything that carries a run (a listed run's summary, a stored run's full record). */
export interface HasRecord {
  record: RunHeader;
  /** runOrder of the record, when the carrier knows it without reading the record. */
  order?: string;
  /** The run's ref (`refs/modelci/runs/<model>/<id>`): its names without reading the record. */
  ref?: string;
}

/** A run's model and id: from its ref when it has one (the record is then not read). */
function namesOf(run: HasRecord): { model: string; id: string } {
  const names = run.ref !== undefined ? parseRunRef(run.ref) : undefined;
  return names ?? { model: run.record.model_name, id: run.record.id };
}

/** A key whose code-unit order is newest last: the start time, then the id. */
export function runOrder(startedAt: string, id: string): string {
  return `${startedAt}\0${id}`;
}

/** Newest first (by start time, then id). */
export function newestFirst<T extends HasRecord>(runs: readonly T[]): T[] {
  // Code-unit order, not localeCompare: ISO times and ids sort the same either way, and the
  // locale-aware compare made sorting 10,000 runs cost tens of milliseconds. The key comes from
  // the listing when it has one: a listed run's record is read only when something needs it.
  const keyed = runs.map((run) => ({
    run,
    key: run.order ?? runOrder(run.record.started_at, run.record.id),
  }));
  keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return keyed.map((k) => k.run);
}

/**
 * One run named by a user: `latest` (the newest of `runs`), a full id, `<model>/<id>`, or a
 * unique prefix of an id (at least 4 characters) or its random part (`a1b2c3`).
 */
export function resolveRun<T extends HasRecord>(runs: readonly T[], text: string): T {
  const hint =
    'List the runs with `modelci runs list`; `modelci runs fetch` brings the remote ones';
  if (text === 'latest') {
    const newest = newestFirst(runs)[0];
    if (!newest)
      throw new ModelciError('INPUT', 'there are no runs to take the latest of', { hint });
    return newest;
  }
  const slash = text.lastIndexOf('/');
  const model = slash > 0 ? text.slice(0, slash) : undefined;
  const id = slash > 0 ? text.slice(slash + 1) : text;
  const named = runs.map((run) => ({ run, ...namesOf(run) }));
  const pool = model ? named.filter((r) => r.model === model) : named;
  const exact = pool.filter((r) => r.id === id);
  if (exact.length === 1) return exact[0]!.run;
  const matches =
    exact.length > 1
      ? exact
      : id.length >= 4
        ? pool.filter((r) => r.id.startsWith(id) || r.id.endsWith(`-${id}`))
        : [];
  if (matches.length === 1) return matches[0]!.run;
  if (matches.length > 1)
    throw new ModelciError(
      'INPUT',
      `run "${text}" is ambiguous: ${matches
        .slice(0, 5)
        .map((r) => `${r.model}/${r.id}`)
        .join(', ')}${matches.length > 5 ? `, … (${matches.length})` : ''}`,
      { hint: 'Give more of the id, or <model>/<id>' },
    );
  throw new ModelciError('INPUT', `no run "${text}"`, { hint });
}

export type ThresholdOp = '>=' | '<=' | '>' | '<' | '=' | '!=';

/** `accuracy>=0.9`: a metric filter of `runs list --where`. */
export interface Threshold {
  metric: string;
  op: ThresholdOp;
  value: number;
}

/** Parses `<metric><op><number>`; `what` names the option in the error. */
export function parseThreshold(text: string, what: string): Threshold {
  const m = /^\s*([^<>=!\s]+)\s*(>=|<=|!=|==|=|>|<)\s*(\S+)\s*$/.exec(text);
  const value = m ? Number(m[3]) : NaN;
  if (!m || !Number.isFinite(value))
    throw new ModelciError('INPUT', `${what}: "${text}" is not <metric><op><number>`, {
      hint: 'Write e.g. accuracy>=0.9 or log_loss<0.3 (operators >= <= > < = !=)',
    });
  return { metric: m[1]!, op: (m[2] === '==' ? '=' : m[2]) as ThresholdOp, value };
}

function holds(x: number, t: Threshold): boolean {
  switch (t.op) {
    case '>=':
      return x >= t.value;
    case '<=':
      return x <= t.value;
    case '>':
      return x > t.value;
    case '<':
      return x < t.value;
    case '=':
      return x === t.value;
    case '!=':
      return x !== t.value;
  }
}

const DAY_MS = 86_400_000;

/**
 * A date filter as an ISO instant: an ISO date or date-time, or an age before `now` (`7d`, `12h`,
 * `2w`). `what` names the option in the error.
 */
export function parseWhen(text: string, now: Date, what: string): string {
  const rel = /^(\d+(?:\.\d+)?)\s*([hdw])$/.exec(text.trim());
  if (rel) {
    const unit = rel[2] === 'h' ? DAY_MS / 24 : rel[2] === 'd' ? DAY_MS : 7 * DAY_MS;
    return new Date(now.getTime() - Number(rel[1]) * unit).toISOString();
  }
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())
    ? Date.parse(text.trim().length === 10 ? `${text.trim()}T00:00:00Z` : text.trim())
    : NaN;
  if (!Number.isFinite(ms))
    throw new ModelciError('INPUT', `${what}: "${text}" is not a date`, {
      hint: 'Write an ISO date (2026-01-31), a date-time (2026-01-31T12:00:00Z) or an age (7d, 12h, 2w)',
    });
  return new Date(ms).toISOString();
}

export interface RunFilter {
  model?: string;
  branch?: string;
  /** A prefix of the code commit or of the commit under review. */
  commit?: string;
  /** Runs carrying every one of these tags. */
  tags?: readonly string[];
  status?: RunStatus;
  /** ISO instants: started at or after / before. */
  since?: string;
  until?: string;
  where?: readonly Threshold[];
}

/** The runs that pass every filter given. A metric threshold fails a run without that metric. */
/** Whether a filter sets any criterion. */
function hasCriteria(f: RunFilter): boolean {
  return Object.values(f).some((v) => v !== undefined);
}

/**
 * A filter for the runs a store listed for its model: the model left out (matching it again would
 * read every record), and whether what is left reads records at all.
 */
export function beyondModel(f: RunFilter): { filter: RunFilter; readsRecords: boolean } {
  const filter = { ...f, model: undefined };
  return { filter, readsRecords: hasCriteria(filter) };
}

export function filterRuns<T extends HasRecord>(runs: readonly T[], f: RunFilter): T[] {
  // No filter reads no record.
  if (!hasCriteria(f)) return [...runs];
  const commit = f.commit?.toLowerCase();
  return runs.filter(({ record: r }) => {
    if (f.model !== undefined && r.model_name !== f.model) return false;
    if (f.branch !== undefined && r.code.branch !== f.branch) return false;
    if (
      commit !== undefined &&
      !(r.code.commit?.startsWith(commit) || r.ci?.head_sha?.startsWith(commit))
    )
      return false;
    if (f.tags?.some((t) => !r.tags.includes(t))) return false;
    if (f.status !== undefined && r.status !== f.status) return false;
    if (f.since !== undefined && Date.parse(r.started_at) < Date.parse(f.since)) return false;
    if (f.until !== undefined && Date.parse(r.started_at) >= Date.parse(f.until)) return false;
    for (const t of f.where ?? []) {
      const m = runMetric(r, t.metric);
      if (m === undefined || !holds(m.value, t)) return false;
    }
    return true;
  });
}

/** `accuracy` (best first by its direction), `accuracy:asc`, `accuracy:desc`. */
export interface RunSort {
  metric: string;
  order?: 'asc' | 'desc';
}

export function parseSort(text: string, what: string): RunSort {
  const m = /^([^:]+?)(?::(asc|desc))?$/.exec(text.trim());
  if (!m)
    throw new ModelciError('INPUT', `${what}: "${text}" is not <metric>[:asc|:desc]`, {
      hint: 'Write e.g. roc_auc (best first) or log_loss:asc',
    });
  return { metric: m[1]!, ...(m[2] ? { order: m[2] as 'asc' | 'desc' } : {}) };
}

/**
 * Sorted by a metric: best first by its direction (configured, else known from its name; higher
 * when unknown) unless an order is given. Runs without the metric go last, newest first.
 */
export function sortRuns<T extends HasRecord>(
  runs: readonly T[],
  sort: RunSort,
  directions: Record<string, Direction> = {},
): T[] {
  const order =
    sort.order ?? (metricDirection(sort.metric, directions) === 'lower' ? 'asc' : 'desc');
  const sign = order === 'asc' ? 1 : -1;
  const keyed = newestFirst(runs).map((run, i) => ({
    run,
    i,
    v: runMetric(run.record, sort.metric)?.value,
  }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined)
      return (a.v === undefined ? 1 : 0) - (b.v === undefined ? 1 : 0) || a.i - b.i;
    return sign * (a.v - b.v) || a.i - b.i;
  });
  return keyed.map((k) => k.run);
}
