import type { MetricValue } from '../report/evaluation-report.js';
import type { RunRecord } from '../runs/record.js';
import type { RunEntry } from './types.js';

/**
 * A training run as the site shows it (`modelci train` keeps one commit per run under
 * `refs/modelci/runs/<model>/<id>`). Metrics: the attached evaluation's, which carry intervals,
 * else the trainer's own numbers. The version is the registered one whose artifact is the run's
 * model (same sha256): that is how a version traces back to the run that trained it.
 */
export function runEntry(record: RunRecord, versionOf: ReadonlyMap<string, string>): RunEntry {
  const metrics: Record<string, MetricValue> = record.evaluation
    ? { ...record.evaluation.metrics }
    : Object.fromEntries(
        Object.entries(record.metrics ?? {})
          .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
          .map(([k, v]) => [k, { value: v }]),
      );
  const version = record.model ? versionOf.get(record.model.sha256) : undefined;
  return {
    id: record.id,
    created_at: record.started_at,
    status: record.status,
    ...(record.failure ? { failure: record.failure } : {}),
    ...(record.code.commit ? { commit: record.code.commit } : {}),
    ...(record.code.branch ? { branch: record.code.branch } : {}),
    params: record.params,
    ...(Object.keys(metrics).length ? { metrics } : {}),
    ...(version ? { version } : {}),
    ...(record.ci?.run_url ? { url: record.ci.run_url } : {}),
    ...(record.tags.length ? { tags: record.tags } : {}),
  };
}

/** Newest first: run ids start with their UTC start time, so ids sort by time. */
export function newestRunsFirst(runs: RunEntry[]): RunEntry[] {
  return [...runs].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
