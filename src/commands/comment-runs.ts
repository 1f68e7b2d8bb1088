import { existsSync } from 'node:fs';
import { describeError, ModelciError } from '../core/errors.js';
import type { Direction } from '../core/report/direction.js';
import type { ChartPoint } from '../core/report/history.js';
import {
  renderNoBaseRun,
  renderRunChanges,
  type BaselineRunLink,
} from '../core/runs/changes-markdown.js';
import { runMetric } from '../core/runs/metrics.js';
import type { RunRecord } from '../core/runs/record.js';
import { newestFirst, resolveRun } from '../core/runs/select.js';
import type { ListedRun, RunStore } from '../git/run-refs.js';
import type { RegisteredBaseline } from './registry-baseline.js';
import { readRunFile } from './training-run.js';

/** What the runs add to a PR comment: the "what changed" section and the base branch's history. */
export interface CommentRuns {
  head: RunRecord;
  base?: RunRecord;
  /** The Markdown section (or a note saying why there is nothing to compare with). */
  changes: string;
  /** The base branch's runs, oldest first: the metric history chart's points. */
  history: ListedRun[];
}

export interface CommentRunsOptions {
  /** This PR's run: the run.json `train` wrote, or a run id or prefix. */
  run: string;
  /** The run to compare with; default, the newest succeeded run of `baseBranch`. */
  baseRun?: string;
  /** The pull request's base branch. */
  baseBranch?: string;
  model: string;
  /** The registered version the PR's model was evaluated against: its run is linked too. */
  baseline?: RegisteredBaseline;
  store: RunStore | undefined;
  /** Fetch the model's runs from `origin` first (a checkout fetches branches only). */
  fetch: boolean;
  directions?: Record<string, Direction>;
  primaryMetric?: string;
  precision?: number;
  log: (line: string) => void;
  warn: (line: string) => void;
}

async function headRun(o: CommentRunsOptions, runs: ListedRun[]): Promise<RunRecord> {
  if (existsSync(o.run)) return readRunFile(o.run);
  if (!o.store)
    throw new ModelciError('INPUT', `run "${o.run}" cannot be looked up outside a git checkout`, {
      hint: 'Give the run.json that `modelci train` wrote',
    });
  return (await o.store.fullOrFail([resolveRun(runs, o.run)]))[0]!.record;
}

/** The baseline version's run as the comment links it: its record when it is here. */
async function baselineLink(
  o: CommentRunsOptions,
  runs: ListedRun[],
): Promise<BaselineRunLink | undefined> {
  const b = o.baseline;
  if (!b) return undefined;
  const link = { version: b.version, ...(b.stage ? { stage: b.stage } : {}), id: b.run };
  const listed = runs.find((r) => r.record.id === b.run);
  if (!listed || !o.store) return link;
  const [full] = await o.store.full([listed]);
  return full && 'record' in full
    ? { ...link, run: full.record }
    : { ...link, problem: full!.problem };
}

/**
 * Reads this PR's run and the base branch's runs (fetched from origin first when asked), and
 * renders what changed between the base branch's latest run and this one.
 */
export async function commentRuns(o: CommentRunsOptions): Promise<CommentRuns> {
  if (o.fetch && o.store) {
    try {
      const f = await o.store.fetch('origin', o.model);
      o.log(`fetched runs of ${o.model} from origin: ${f.added} new, ${f.updated} updated`);
    } catch (e) {
      o.warn(`runs not fetched from origin: ${describeError(e)}`);
    }
  }
  const runs = o.store ? (await o.store.list(o.model)).runs : [];
  const head = await headRun(o, runs);
  if (head.model_name !== o.model)
    throw new ModelciError(
      'INPUT',
      `run ${head.id} trained model "${head.model_name}", not "${o.model}"`,
      {
        hint: 'Give the run of the model the comment is about',
      },
    );
  const branch = o.baseBranch;
  const onBase = branch
    ? runs.filter(
        (r) =>
          r.record.code.branch === branch &&
          r.record.status === 'succeeded' &&
          r.record.id !== head.id,
      )
    : [];
  const history = newestFirst(onBase).reverse();
  const baseline = await baselineLink(o, runs);
  let baseListed: ListedRun | undefined;
  if (o.baseRun !== undefined) baseListed = resolveRun(runs, o.baseRun);
  else baseListed = history[history.length - 1];
  if (!baseListed) return { head, history, changes: renderNoBaseRun(head, branch, baseline) };
  const base = (await o.store!.fullOrFail([baseListed]))[0]!.record;
  return {
    head,
    base,
    history,
    changes: renderRunChanges(base, head, {
      ...(branch ? { baseBranch: branch } : {}),
      ...(o.directions ? { directions: o.directions } : {}),
      ...(o.primaryMetric ? { primaryMetric: o.primaryMetric } : {}),
      ...(o.precision !== undefined ? { precision: o.precision } : {}),
      ...(baseline ? { baseline } : {}),
    }),
  };
}

/** The chart's points from runs: the metric of each (evaluation first, then training). */
export function runHistoryPoints(runs: readonly ListedRun[], metric: string): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const r of runs) {
    const v = runMetric(r.record, metric)?.value;
    if (v !== undefined)
      points.push({
        label: r.record.code.commit?.slice(0, 7) ?? r.record.id.slice(0, 15),
        value: v,
      });
  }
  return points;
}
