/**
 * Regression metrics as scikit-learn 1.2: rmse = sqrt(mean_squared_error), mae, r2 (constant
 * y_true: 1 if perfect else 0, sklearn's force_finite), mape (mean |e| / max(|y|, eps), eps =
 * float64 machine epsilon, a fraction not a percentage).
 */
import { WeightGather, take, type MetricEngine } from './engine.js';
import { REGRESSION_METRICS } from './names.js';

const EPS = 2.220446049250313e-16;

export function regressionEngine(
  yTrue: Float64Array,
  predicted: Float64Array,
  rows: Uint32Array | null = null,
): MetricEngine {
  const y = take(yTrue, rows);
  const yhat = take(predicted, rows);
  const n = y.length;
  const gather = new WeightGather(rows, n);
  return {
    names: REGRESSION_METRICS,
    size: n,
    compute(counts, out) {
      const w = gather.of(counts);
      let total = 0;
      let sse = 0;
      let sae = 0;
      let sape = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        const wi = w[i] as number;
        if (wi === 0) continue;
        const yi = y[i] as number;
        const e = (yhat[i] as number) - yi;
        const ae = Math.abs(e);
        total += wi;
        sse += wi * e * e;
        sae += wi * ae;
        sape += (wi * ae) / Math.max(Math.abs(yi), EPS);
        sy += wi * yi;
      }
      if (total === 0) {
        out.fill(NaN, 0, 4);
        return;
      }
      const mean = sy / total;
      let sst = 0;
      for (let i = 0; i < n; i++) {
        const wi = w[i] as number;
        if (wi !== 0) sst += wi * ((y[i] as number) - mean) ** 2;
      }
      out[0] = Math.sqrt(sse / total);
      out[1] = sae / total;
      out[2] = sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst;
      out[3] = sape / total;
    },
  };
}
