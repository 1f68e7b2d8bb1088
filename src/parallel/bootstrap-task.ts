/**
 * Bootstrap resamples on every core: the main thread plans the evaluation and draws its share of
 * resamples while workers draw theirs from the same streams (resample b always uses the seed's
 * stream jumped b times), so the intervals equal the single-threaded ones exactly.
 */
import { bootstrapPlan, planEvaluation, summarizeEvaluation } from '../core/evaluation/evaluate.js';
import type { EvaluationInput, EvaluationResult } from '../core/evaluation/types.js';
import { splitResamples, type ResampleRange } from '../core/stats/bootstrap.js';
import { availableThreads, requestedThreads, runInWorker } from './threads.js';

/** What a worker needs: the rows and predictions, not gates, signatures or latencies. */
export interface BootstrapTask {
  task: 'bootstrap';
  input: EvaluationInput;
  range: ResampleRange;
}

/** Below this many row-resamples a worker's start-up costs more than it saves. */
const MIN_WORK_FOR_THREADS = 20_000_000;

export function bootstrapTask(t: BootstrapTask): Float64Array[] {
  return bootstrapPlan(planEvaluation(t.input), t.input, t.range);
}

/**
 * evaluatePredictions with the resamples split over threads: `threads` (or MODELCI_THREADS) when
 * given, else the cores when the work is large enough to pay for starting workers.
 */
export async function evaluateOnCores(
  input: EvaluationInput,
  threads?: number,
): Promise<EvaluationResult> {
  const plan = planEvaluation(input);
  const { resamples } = input.bootstrap;
  const asked = requestedThreads(threads);
  const large = resamples * input.yTrue.length >= MIN_WORK_FOR_THREADS;
  const parts = Math.min(asked ?? (large ? availableThreads() : 1), Math.max(1, resamples));
  if (parts <= 1) return summarizeEvaluation(plan, input, bootstrapPlan(plan, input));
  const [own, ...others] = splitResamples(resamples, parts);
  const shared: EvaluationInput = {
    task: input.task,
    yTrue: input.yTrue,
    candidate: input.candidate,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...(input.classes ? { classes: input.classes } : {}),
    ...(input.positiveClass !== undefined ? { positiveClass: input.positiveClass } : {}),
    ...(input.slices ? { slices: input.slices } : {}),
    bootstrap: input.bootstrap,
  };
  const pending = others.map((range) =>
    runInWorker<Float64Array[], BootstrapTask>({ task: 'bootstrap', input: shared, range }),
  );
  pending.forEach((p) => p.catch(() => undefined)); // awaited below
  const mine = bootstrapPlan(plan, input, own);
  const blocks = [mine, ...(await Promise.all(pending))];
  const merged = plan.engines.map((_, e) => {
    const out = new Float64Array(blocks.reduce((a, p) => a + p[e]!.length, 0));
    let at = 0;
    for (const p of blocks) {
      out.set(p[e]!, at);
      at += p[e]!.length;
    }
    return out;
  });
  return summarizeEvaluation(plan, input, merged);
}
