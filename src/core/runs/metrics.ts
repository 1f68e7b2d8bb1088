import { flattenMetrics } from '../report/flatten.js';
import type { RunRecord } from './record.js';

/** Where a run's metric came from: the attached evaluation (holdout, with intervals) or training. */
export type MetricSource = 'evaluation' | 'training';

export interface RunMetric {
  value: number;
  source: MetricSource;
  ci?: [number, number];
}

/**
 * A run's numeric metrics by name: the evaluation's (holdout, with intervals) and the trainer's
 * (flattened: `eval.auc`, `per_class[0].f1`). A bare name reads the evaluation first, then
 * training; `eval.<name>` and `train.<name>` pick one side when both have it.
 */
export function runMetrics(record: RunRecord): Map<string, RunMetric> {
  const out = new Map<string, RunMetric>();
  const training = new Map<string, RunMetric>();
  for (const [k, v] of flattenMetrics(record.metrics ?? {}))
    if (typeof v === 'number' && Number.isFinite(v))
      training.set(k, { value: v, source: 'training' });
  const evaluation = new Map<string, RunMetric>();
  for (const [k, m] of Object.entries(record.evaluation?.metrics ?? {}))
    if (typeof m?.value === 'number' && Number.isFinite(m.value))
      evaluation.set(k, {
        value: m.value,
        source: 'evaluation',
        ...(Array.isArray(m.ci) && m.ci.length === 2 ? { ci: m.ci } : {}),
      });
  for (const [k, m] of training) out.set(k, m);
  for (const [k, m] of evaluation) out.set(k, m);
  for (const [k, m] of training) if (!out.has(`train.${k}`)) out.set(`train.${k}`, m);
  for (const [k, m] of evaluation) if (!out.has(`eval.${k}`)) out.set(`eval.${k}`, m);
  return out;
}

/** One metric of a run (see runMetrics), or undefined. */
export function runMetric(record: RunRecord, key: string): RunMetric | undefined {
  return runMetrics(record).get(key);
}
