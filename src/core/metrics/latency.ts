/** Latency percentiles (ms) over per-batch or per-row timings, numpy 'linear' percentiles. */
import { Xoshiro128 } from '../stats/prng.js';
import { percentileInterval } from '../stats/bootstrap.js';
import { quantilesOfSorted, sortedFinite } from '../stats/quantile.js';
import type { MetricValue } from '../report/evaluation-report.js';

export const LATENCY_METRICS = ['latency_p50', 'latency_p95'] as const;

/**
 * p50 and p95 with a bootstrap interval over the timings themselves (they are not per row, so
 * they get their own draws from a stream derived from the seed).
 */
export function latencyMetrics(
  timings: readonly number[],
  boot: { resamples: number; seed: number; confidence: number },
  stream: number,
): Record<string, MetricValue> {
  const sorted = sortedFinite(timings);
  if (sorted.length === 0) return {};
  const [p50, p95] = quantilesOfSorted(sorted, [0.5, 0.95]) as [number, number];
  const out: Record<string, MetricValue> = {
    latency_p50: { value: p50, timings: sorted.length },
    latency_p95: { value: p95, timings: sorted.length },
  };
  if (boot.resamples > 0 && sorted.length > 1) {
    const rng = new Xoshiro128((boot.seed + stream) % Number.MAX_SAFE_INTEGER);
    const m = sorted.length;
    const draw = new Float64Array(m);
    const v50 = new Float64Array(boot.resamples);
    const v95 = new Float64Array(boot.resamples);
    for (let b = 0; b < boot.resamples; b++) {
      for (let i = 0; i < m; i++) draw[i] = sorted[rng.nextInt(m)] as number;
      draw.sort();
      const [a, c] = quantilesOfSorted(draw, [0.5, 0.95]) as [number, number];
      v50[b] = a;
      v95[b] = c;
    }
    const ci50 = percentileInterval(v50, boot.confidence);
    const ci95 = percentileInterval(v95, boot.confidence);
    if (ci50) out.latency_p50!.ci = ci50;
    if (ci95) out.latency_p95!.ci = ci95;
  }
  return out;
}
