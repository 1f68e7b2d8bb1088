import { writeFileSync } from 'node:fs';
import { ModelciError } from '../../core/errors.js';
import type { Direction } from '../../core/report/direction.js';
import { compareRuns, type RunComparison } from '../../core/runs/compare.js';
import { checkTag } from '../../core/runs/record.js';
import {
  beyondModel,
  parseSort,
  parseThreshold,
  parseWhen,
  type RunFilter,
} from '../../core/runs/select.js';
import {
  listedRecordJson,
  type RunFetchResult,
  type RunRefProblem,
  type StoredRun,
} from '../../git/run-refs.js';
import type { runsSpec } from '../../spec/commands/runs.js';
import type { Parsed } from '../../spec/option-spec.js';
import type { Invocation } from '../invocation.js';
import { runStoreAt } from '../record-run.js';
import type { ImportedRun } from '../runs-import.js';
import {
  fetchRuns,
  gcRuns,
  listRuns,
  registeredRuns,
  resolveRuns,
  tagRun,
  type RunsGcResult,
  type RunsListResult,
  type RunsTagResult,
} from '../runs.js';

type Values = Parsed<typeof runsSpec.options>;

/** `runs list`: summaries (from the runs index); with --full and JSON, the full records too. */
export interface RunsListed extends RunsListResult {
  metrics: string[];
  precision?: number;
  /** The listed runs' full records (--full), in list order. */
  full?: StoredRun[];
}

export type RunsResult =
  | ({ subcommand: 'list' } & RunsListed)
  | { subcommand: 'show'; run: StoredRun }
  | { subcommand: 'compare'; comparison: RunComparison; precision?: number }
  | ({ subcommand: 'tag' } & RunsTagResult)
  | ({ subcommand: 'gc' } & RunsGcResult)
  | ({ subcommand: 'fetch'; remote: string } & RunFetchResult)
  | { subcommand: 'import'; runs: ImportedRun[] };

/** How many runs the `runs list` table shows unless --limit or --all says otherwise. */
export const TABLE_LIMIT = 50;

const FILTERS = ['model', 'branch', 'commit', 'tag', 'status', 'since', 'until', 'where'];
/** Options each subcommand reads (config and json: all); any other given is a usage error. */
const APPLIES: Record<string, readonly string[]> = {
  list: [...FILTERS, 'sort', 'limit', 'all', 'metric', 'output', 'full'],
  show: FILTERS,
  compare: FILTERS,
  tag: [...FILTERS, 'remove', 'note', 'push', 'remote'],
  gc: ['model', 'keep-last', 'older-than', 'dry-run', 'push', 'remote', 'registry'],
  fetch: ['model', 'remote'],
  import: ['model', 'from', 'stage', 'push', 'remote'],
};

function usage(message: string, hint?: string): ModelciError {
  return new ModelciError('USAGE', message, hint ? { hint } : {});
}

function filterOf(v: Values['values'], now: Date): RunFilter {
  return {
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.branch !== undefined ? { branch: v.branch } : {}),
    ...(v.commit !== undefined ? { commit: v.commit } : {}),
    ...(v.tag.length ? { tags: v.tag } : {}),
    ...(v.status !== undefined ? { status: v.status } : {}),
    ...(v.since !== undefined ? { since: parseWhen(v.since, now, '--since') } : {}),
    ...(v.until !== undefined ? { until: parseWhen(v.until, now, '--until') } : {}),
    ...(v.where.length ? { where: v.where.map((w) => parseThreshold(w, '--where')) } : {}),
  };
}

/** `modelci runs <subcommand>`. */
export async function invokeRuns(
  { values: v, given, positionals }: Values,
  inv: Invocation,
  now: Date = new Date(),
): Promise<RunsResult> {
  const [sub, ...args] = positionals;
  const applies = sub ? APPLIES[sub] : undefined;
  if (!sub || !applies)
    throw usage(
      sub ? `unknown runs command "${sub}"` : 'runs needs a subcommand',
      'Use list, show, compare, tag, gc, fetch or import',
    );
  for (const name of given)
    if (name !== 'config' && name !== 'json' && !applies.includes(name))
      throw usage(`--${name} does not apply to runs ${sub}`);
  // Every runs command fails when git does: a `.git` is enough to start (git says what is wrong).
  const store = await runStoreAt(inv.env.workspace, inv.processEnv, { assume: true });
  if (!store)
    throw new ModelciError('GIT', `${inv.env.workspace} is not a git checkout`, {
      hint: 'Run modelci runs inside a clone of the repository the runs were pushed to',
    });
  const filter = filterOf(v, now);
  // A terminal gets the newest (or best) 50, as `gh run list` gives 20: ten thousand lines scroll
  // past unread, and only the runs shown have their summaries read. JSON is for programs: every
  // match unless --limit.
  const table = !v.json && v.output === undefined;
  const limit = v.limit ?? (table && !v.all ? TABLE_LIMIT : undefined);
  // The listing starts before the configuration is read: git works while node loads and checks
  // it. When every record will be read (no limit, a filter, a sort), the summaries come with the
  // keys, while the refs are still being listed.
  const everyRecord =
    limit === undefined || v.sort !== undefined || beyondModel(filter).readsRecords;
  const listing = sub === 'list' ? store.list(filter.model, { summaries: everyRecord }) : undefined;
  listing?.catch(() => undefined);
  // The configuration's reader (yaml and the schema validator, ~70 ms to load) comes in while
  // git lists: runs list is a command people wait for.
  const { loadConfig } = await import('../../config/load.js');
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const models = loaded.config.models;
  const directions: Record<string, Direction> = {
    ...loaded.config.metrics?.directions,
    ...(v.model ? models[v.model]?.metrics?.directions : {}),
  };
  const primary = [
    ...new Set(
      Object.entries(models)
        .filter(([name]) => v.model === undefined || name === v.model)
        .map(([, m]) => m.primary_metric)
        .filter((m): m is string => Boolean(m)),
    ),
  ];
  const precision = loaded.config.comment?.precision ?? loaded.config.metrics?.precision;
  const needs = (n: number, what: string) => {
    if (args.length < n) throw usage(`runs ${sub} needs ${what}`);
  };

  switch (sub) {
    case 'list': {
      if (args.length) throw usage(`unexpected argument "${args[0]}"`);
      const sort = v.sort !== undefined ? parseSort(v.sort, '--sort') : undefined;
      if (v.all && v.limit !== undefined) throw usage('--all and --limit contradict each other');
      const result = await listRuns(store, {
        filter,
        ...(listing ? { listing } : {}),
        ...(sort ? { sort } : {}),
        ...(limit !== undefined ? { limit } : {}),
        directions,
      });
      const metrics = v.metric.length
        ? v.metric
        : [
            ...new Set([
              ...(sort ? [sort.metric] : []),
              ...(filter.where ?? []).map((w) => w.metric),
              ...primary,
            ]),
          ];
      const listed: RunsListed = {
        ...result,
        metrics,
        ...(precision !== undefined ? { precision } : {}),
      };
      if (v.full && !(v.json || v.output !== undefined))
        throw usage('--full needs --json or --output', 'The table shows summaries only');
      if (v.full) {
        // Whole records: read them (one git process) only for the runs listed.
        const full = await store.full(result.runs);
        listed.full = full.filter((r): r is StoredRun => 'record' in r);
        listed.problems = [
          ...result.problems,
          ...full.filter((r): r is RunRefProblem => !('record' in r)),
        ];
      }
      if (v.output !== undefined) writeFileSync(v.output, listJson(listed));
      return { subcommand: 'list', ...listed };
    }
    case 'show': {
      needs(1, 'a run (an id, a prefix of one, or latest)');
      if (args.length > 1) throw usage(`unexpected argument "${args[1]}"`);
      const [run] = await resolveRuns(store, args, filter);
      return { subcommand: 'show', run: run! };
    }
    case 'compare': {
      needs(2, 'two or more runs');
      const runs = await resolveRuns(store, args, filter);
      return {
        subcommand: 'compare',
        comparison: compareRuns(
          runs.map((r) => r.record),
          { directions, first: primary },
        ),
        ...(precision !== undefined ? { precision } : {}),
      };
    }
    case 'tag': {
      needs(2, 'a run and at least one tag');
      const [name, ...tags] = args;
      tags.forEach(checkTag);
      const [run] = await resolveRuns(store, [name!], filter);
      return {
        subcommand: 'tag',
        ...(await tagRun(store, run!, {
          tags,
          remove: v.remove,
          ...(v.note !== undefined ? { note: v.note } : {}),
          push: v.push,
          remote: v.remote,
        })),
      };
    }
    case 'gc': {
      if (args.length) throw usage(`unexpected argument "${args[0]}"`);
      const { registrySettings } = await import('../../registry/settings.js');
      const dir = v.registry ?? registrySettings(loaded.config.registry).path;
      const registered = await registeredRuns(dir);
      for (const p of registered.problems) inv.warn(`a registry record could not be read: ${p}`);
      return {
        subcommand: 'gc',
        ...(await gcRuns(store, {
          ...(v.model !== undefined ? { model: v.model } : {}),
          keepLast: v.keepLast,
          before: parseWhen(v.olderThan, now, '--older-than'),
          registered: registered.ids,
          dryRun: v.dryRun,
          ...(v.push ? { remote: v.remote } : {}),
        })),
      };
    }
    case 'import': {
      needs(1, 'a DVC project or an MLflow run (or experiment) folder');
      if (args.length > 1) throw usage(`unexpected argument "${args[1]}"`);
      if (v.model === undefined)
        throw usage(
          'runs import needs --model',
          'Name the model (a key of models in modelci.yaml) the runs trained',
        );
      return {
        subcommand: 'import',
        ...(await (
          await import('../runs-import.js')
        ).importRuns(store, {
          path: args[0]!,
          model: v.model,
          ...(v.from !== undefined ? { format: v.from } : {}),
          ...(v.stage !== undefined ? { stage: v.stage } : {}),
          push: v.push,
          remote: v.remote,
          env: inv.env,
          log: inv.log,
          warn: inv.warn,
        })),
      };
    }
    default: {
      if (args.length) throw usage(`unexpected argument "${args[0]}"`);
      return { subcommand: 'fetch', ...(await fetchRuns(store, v.remote, v.model)) };
    }
  }
}

/**
 * What `runs list --json` prints (and `--output` writes): `{runs: [{ref, commit, record}],
 * matched, problems}`, each record the run's summary (what the table shows and the filters read)
 * or with --full its whole record. One run per line (jq reads it as any JSON; 10,000 runs are
 * 10,000 lines), a summary from the runs index copied as stored, not parsed and printed again.
 */
export function listJson(r: RunsListed): Buffer {
  const pieces: (string | Uint8Array)[] = ['{"runs":['];
  const runs = r.full
    ? r.full.map((x) => ({ ref: x.ref, commit: x.commit, record: JSON.stringify(x.record) }))
    : r.runs.map((x) => ({ ref: x.ref, commit: x.commit, record: listedRecordJson(x) }));
  runs.forEach((x, i) => {
    pieces.push(
      `${i ? '},' : ''}\n{"ref":${JSON.stringify(x.ref)},"commit":${JSON.stringify(x.commit)},"record":`,
      x.record,
    );
  });
  const problems = r.problems.map((p) => JSON.stringify(p));
  pieces.push(
    `${runs.length ? '}\n' : ''}],\n"matched":${r.matched},\n"problems":[${list(problems)}]}\n`,
  );
  // One buffer, filled in place: 10,000 runs are ~9 MB, and a string built and then encoded for
  // the pipe was two more copies of it.
  let total = 0;
  for (const p of pieces) total += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of pieces)
    if (typeof p === 'string') at += out.write(p, at);
    else {
      out.set(p, at);
      at += p.length;
    }
  return out;
}

function list(items: string[]): string {
  return items.length ? `\n${items.join(',\n')}\n` : '';
}
