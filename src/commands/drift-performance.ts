import type { ModelConfig } from '../config/schema/index.js';
import type { DriftConfig } from '../config/schema/drift.js';
import { ModelciError } from '../core/errors.js';
import type { PerformanceSpec, PerformanceTask } from '../core/profile/performance-profile.js';

/**
 * Which columns hold the label, the prediction and the score for performance drift: CLI flags
 * first, then `drift.performance`, then the model's `data.label` and task. Performance is checked
 * only when asked for (a flag, or a `drift.performance` section, even an empty one).
 */
export interface PerformanceFlags {
  label?: string;
  prediction?: string;
  score?: string;
  task?: string;
}

/** The prediction log's column for a model output named `label` (the built-in trainers' name). */
export const DEFAULT_PREDICTION_COLUMN = '_out.label';
const TASKS: readonly PerformanceTask[] = ['binary', 'multiclass', 'regression'];

export function performanceSpecFor(
  drift: DriftConfig,
  model: ModelConfig,
  flags: PerformanceFlags = {},
): PerformanceSpec | undefined {
  const perf = drift.performance;
  const asked = perf !== undefined || Object.values(flags).some((v) => v !== undefined);
  if (!asked) return undefined;
  const label = flags.label ?? perf?.label ?? model.data?.label;
  if (!label)
    throw new ModelciError('CONFIG', 'performance drift needs the label column', {
      path: 'drift.performance.label',
      hint: 'Set drift.performance.label or models.<model>.data.label, or pass --label',
    });
  if (flags.task !== undefined && !(TASKS as readonly string[]).includes(flags.task))
    throw new ModelciError('USAGE', `unknown task "${flags.task}"`, {
      path: '--task',
      hint: `Use one of ${TASKS.join(', ')}`,
    });
  const score = flags.score ?? perf?.score;
  const prediction =
    flags.prediction ?? perf?.prediction ?? (score ? undefined : DEFAULT_PREDICTION_COLUMN);
  const task =
    (flags.task as PerformanceTask | undefined) ??
    perf?.task ??
    model.task ??
    (score ? 'binary' : 'multiclass');
  const spec: PerformanceSpec = { task, label };
  if (prediction) spec.prediction = prediction;
  if (score) spec.score = score;
  if (perf?.positive !== undefined) spec.positive = String(perf.positive);
  if (perf?.threshold !== undefined) spec.threshold = perf.threshold;
  return spec;
}
