import { flattenMetrics } from '../report/flatten.js';
import type { RunHeader } from './record.js';

/** Where a run's metric came from: the attached evaluation (holdout, with intervals) or training. */
export type MetricSource = 'evaluation' | 'training';

export interface RunMetric {
  value: number;
  source: MetricSource;
  ci?: [number, number];
}

/** A run's numeric metrics of one source: the evaluation's, or the trainer's flattened. */
export function metricsFrom(record: RunHeader, source: MetricSource): Map<string, RunMetric> {
  const out = new Map<string, RunMetric>();
  if (source === 'training') {
    for (const [k, v] of flattenMetrics(record.metrics ?? {}))
      if (typeof v === 'number' && Number.isFinite(v)) out.set(k, { value: v, source });
    return out;
  }
  for (const [k, m] of Object.entries(record.evaluation?.metrics ?? {}))
    if (typeof m?.value === 'number' && Number.isFinite(m.value))
      out.set(k, {
        value: m.value,
        source,
        ...('ci' in m && Array.isArray(m.ci) && m.ci.length === 2
          ? { ci: m.ci as [number, number] }
          : {}),
      });
  return out;
}

/**
 * A run's numeric metrics by the names users type: a bare name reads the evaluation (holdout,
 * with intervals) first, then training; `eval.<name>` and `train.<name>` pick one side.
 */
export function runMetrics(record: RunHeader): Map<string, RunMetric> {
  const training = metricsFrom(record, 'training');
  const evaluation = metricsFrom(record, 'evaluation');
  const out = new Map<string, RunMetric>([...training, ...evaluation]);
  for (const [k, m] of training) if (!out.has(`train.${k}`)) out.set(`train.${k}`, m);
  for (const [k, m] of evaluation) if (!out.has(`eval.${k}`)) out.set(`eval.${k}`, m);
  return out;
}

/** One metric of a run (see runMetrics), or undefined. */
export function runMetric(record: RunHeader, key: string): RunMetric | undefined {
  return runMetrics(record).get(key);
}
