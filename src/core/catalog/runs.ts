import type { MetricValue } from '../report/evaluation-report.js';
import type { RunEntry } from './types.js';

/**
 * A training run as the site shows it, from the record stored in a run commit (experiment
 * tracking keeps one commit per run under `refs/modelci/runs/<model>/<id>`). Lenient on purpose:
 * metrics may be plain numbers or `{value, ci}`, the time `created_at` or `started_at`, and the
 * code commit `commit` or `code.commit`; a ref without a readable record is shown as such.
 */
export function runEntry(id: string, record: unknown, fallback: { date?: string }): RunEntry {
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return {
      id,
      error: 'not a run record (expected a JSON object in run.json)',
      ...(fallback.date ? { created_at: fallback.date } : {}),
    };
  const r = record as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const code = r.code && typeof r.code === 'object' ? (r.code as Record<string, unknown>) : {};
  const metrics: Record<string, MetricValue> = {};
  if (r.metrics && typeof r.metrics === 'object')
    for (const [k, v] of Object.entries(r.metrics as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v)) metrics[k] = { value: v };
      else if (v && typeof v === 'object' && typeof (v as MetricValue).value === 'number') {
        const m = v as MetricValue;
        metrics[k] = {
          value: m.value,
          ...(Array.isArray(m.ci) && m.ci.length === 2 && m.ci.every((x) => typeof x === 'number')
            ? { ci: [m.ci[0], m.ci[1]] as [number, number] }
            : {}),
        };
      }
    }
  const created = str(r.created_at) ?? str(r.started_at) ?? fallback.date;
  const commit = str(r.commit) ?? str(code.commit);
  const branch = str(r.branch) ?? str(code.branch);
  const params =
    r.params && typeof r.params === 'object' && !Array.isArray(r.params)
      ? (r.params as Record<string, unknown>)
      : undefined;
  return {
    id: str(r.id) ?? id,
    ...(created ? { created_at: created } : {}),
    ...(str(r.status) ? { status: str(r.status)! } : {}),
    ...(commit ? { commit } : {}),
    ...(branch ? { branch } : {}),
    ...(params ? { params } : {}),
    ...(Object.keys(metrics).length ? { metrics } : {}),
    ...(str(r.version) ? { version: str(r.version)! } : {}),
    ...(str(r.run_url) ? { url: str(r.run_url)! } : {}),
  };
}
