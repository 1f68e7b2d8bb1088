// Bootstrap and metric speed. `npm run bench -- bootstrap`. Prints Markdown; times are CPU time.
// 1) 1,000 percentile-bootstrap resamples on 100k binary rows, all 14 metrics (candidate only, and
//    candidate + baseline with paired differences); floor: drawing the same resample counts alone.
// 2) All metrics on 1M rows (one evaluation, no resamples); floor: sorting 1M doubles
//    (Float64Array.prototype.sort), since AUC needs one sort of the scores; regression metrics vs
//    one pass summing squared errors.
import { evaluatePredictions } from '../src/core/evaluation/evaluate.js';
import type { EvaluationInput, Predictions } from '../src/core/evaluation/types.js';
import { drawPoissonWeights } from '../src/core/stats/bootstrap.js';
import { Xoshiro128 } from '../src/core/stats/prng.js';

function binary(n: number, seed: number): { y: Int32Array; model: (skill: number) => Predictions } {
  const g = new Xoshiro128(seed);
  const u = () => g.nextUint32() / 2 ** 32;
  const y = Int32Array.from({ length: n }, () => (u() < 0.3 ? 1 : 0));
  const model = (skill: number): Predictions => {
    const proba = new Float64Array(2 * n);
    const label = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p1 = Math.min(1, Math.max(0, (y[i] ? skill : 1 - skill) + (u() - 0.5) * 0.8));
      proba[2 * i] = 1 - p1;
      proba[2 * i + 1] = p1;
      label[i] = p1 >= 0.5 ? 1 : 0;
    }
    return { kind: 'classification', classes: [0, 1], label, proba };
  };
  return { y, model };
}

/** Best CPU time (user + system, ms) of `runs` runs: the machine is shared, wall time is noise. */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

const s = (ms: number) => (ms < 100 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const out: string[] = ['| measurement | CPU time | ratio to floor |', '|---|---|---|'];

{
  const n = 100_000;
  const B = 1000;
  const { y, model } = binary(n, 1);
  const cand = model(0.7);
  const base = model(0.65);
  const input: EvaluationInput = {
    task: 'binary',
    yTrue: y,
    candidate: cand,
    bootstrap: { resamples: B, seed: 42, confidence: 0.95 },
  };
  const floor = best(2, () => {
    const rng = new Xoshiro128(42);
    const weights = new Uint8Array(n);
    for (let b = 0; b < B; b++) drawPoissonWeights(rng, weights);
  });
  const one = best(2, () => evaluatePredictions(input));
  const paired = best(1, () => evaluatePredictions({ ...input, baseline: base }));
  const sliced = best(1, () =>
    evaluatePredictions({
      ...input,
      baseline: base,
      slices: { seg: Array.from({ length: n }, (_, i) => `s${i % 5}`) },
    }),
  );
  out.push(`| draw 1,000 resamples of 100k rows: Poisson weights (floor) | ${s(floor)} | 1.00 |`);
  out.push(
    `| 1,000 resamples × 100k rows, 14 metrics, candidate | ${s(one)} | ${(one / floor).toFixed(2)} |`,
  );
  out.push(
    `| same + baseline (paired deltas, McNemar) | ${s(paired)} | ${(paired / floor).toFixed(2)} |`,
  );
  out.push(
    `| same + 5 slices (each with candidate + baseline) | ${s(sliced)} | ${(sliced / floor).toFixed(2)} |`,
  );
}

{
  const n = 1_000_000;
  const { y, model } = binary(n, 2);
  const cand = model(0.7);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = (cand as { proba: Float64Array }).proba[2 * i + 1]!;
  const floor = best(3, () => scores.slice().sort());
  const input: EvaluationInput = {
    task: 'binary',
    yTrue: y,
    candidate: cand,
    bootstrap: { resamples: 0, seed: 0, confidence: 0.95 },
  };
  const metrics = best(3, () => evaluatePredictions(input));
  out.push(`| sort 1M doubles (floor) | ${s(floor)} | 1.00 |`);
  out.push(
    `| all 14 binary metrics on 1M rows | ${s(metrics)} | ${(metrics / floor).toFixed(2)} |`,
  );
  const yr = Float64Array.from(scores, (v) => v * 3 + 1);
  const reg: EvaluationInput = {
    task: 'regression',
    yTrue: yr,
    candidate: { kind: 'regression', value: yr.map((v, i) => v + (i % 7) / 10) },
    bootstrap: { resamples: 0, seed: 0, confidence: 0.95 },
  };
  const predicted = reg.candidate.kind === 'regression' ? reg.candidate.value : yr;
  const pass = best(5, () => {
    let sse = 0;
    for (let i = 0; i < n; i++) sse += (predicted[i]! - yr[i]!) ** 2;
    if (sse === 42) console.log('');
  });
  const regression = best(3, () => evaluatePredictions(reg));
  out.push(`| one pass over y and ŷ, 1M rows (floor: sum of squared errors) | ${s(pass)} | 1.00 |`);
  out.push(
    `| rmse, mae, r2, mape on 1M rows | ${s(regression)} | ${(regression / pass).toFixed(2)} |`,
  );
}

console.log(out.join('\n'));
