import { ModelciError } from '../core/errors.js';
import { inferTask } from '../core/evaluation/classes.js';
import { openTable } from '../data/open-table.js';
import { fingerprintFile } from '../data/fingerprint.js';
import { loadOnnxModel } from '../onnx/model.js';
import { evaluateOnCores } from '../parallel/bootstrap-task.js';
import { evaluationInputOf, evaluationReportOf } from './evaluate-report.js';
import type { LatencyProbe } from '../serve/latency-probe.js';
import type { EvaluateOptions, EvaluateResult } from './evaluate-options.js';
import { planSides, scanPredictions, type PredictionScan } from './evaluate-scan.js';

export type { EvaluateOptions, EvaluateResult } from './evaluate-options.js';

const DEFAULT_SMOKE_SAMPLES = 10;
const DEFAULT_LATENCY_REQUESTS = 100;

export async function runEvaluate(opts: EvaluateOptions): Promise<EvaluateResult> {
  const candidate = await loadOnnxModel(opts.model);
  const baseline = opts.baseline ? await loadOnnxModel(opts.baseline) : undefined;
  const task = opts.task ?? inferTask(candidate);
  const source = await openTable(opts.data);
  const dataFingerprint = fingerprintFile(opts.data);
  dataFingerprint.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
  if (!source.columns.includes(opts.label))
    throw new ModelciError('DATA', `no label column "${opts.label}"`, {
      file: opts.data,
      hint: `Columns are: ${source.columns.slice(0, 20).join(', ')}; pass the right one with --label`,
    });
  for (const s of opts.slices ?? [])
    if (!source.columns.includes(s))
      throw new ModelciError('DATA', `no slice column "${s}"`, {
        file: opts.data,
        hint: 'Fix evaluate.slices in modelci.yaml',
      });
  const request = {
    data: opts.data,
    label: opts.label,
    task,
    ...(opts.features ? { features: opts.features } : {}),
    ...(opts.slices ? { slices: opts.slices } : {}),
    ...(opts.dropInvalid ? { dropInvalid: opts.dropInvalid } : {}),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
  };
  const smokeCount = opts.smokeSamples ? (opts.smokeSamples.count ?? DEFAULT_SMOKE_SAMPLES) : 0;
  const latencyCount = opts.latencyRequests ?? DEFAULT_LATENCY_REQUESTS;
  const sides = planSides(baseline ? [candidate, baseline] : [candidate], source.columns, request);
  const scan = await scanPredictions(source, sides, {
    ...request,
    requestCount: Math.max(smokeCount, latencyCount),
  });
  if (scan.rows === 0)
    throw new ModelciError(
      'DATA',
      scan.dropped
        ? `no rows left after dropping ${scan.dropped} with missing values`
        : 'the data has no rows',
      { file: opts.data, hint: 'Evaluate on a holdout set with at least one complete row' },
    );
  const warnings: string[] = [];
  if (scan.dropped)
    warnings.push(
      `dropped ${scan.dropped} of ${scan.rows + scan.dropped} rows with missing or invalid values`,
    );
  const latency = latencyCount ? await measureLatency(scan, latencyCount, warnings) : undefined;
  const assembled = evaluationInputOf(scan, task, opts, latency);
  warnings.push(...assembled.warnings);
  const result = await evaluateOnCores(assembled.input, opts.threads);
  const report = evaluationReportOf(
    scan,
    task,
    opts,
    assembled.input,
    result,
    await dataFingerprint,
    latency,
  );
  if (!opts.smokeSamples) return { report, warnings };
  // Recorded by serve's own model loader, so the outputs are exactly what the server answers.
  const { recordSmokeSamples } = await import('./smoke-samples.js');
  const count = await recordSmokeSamples(
    opts.model,
    scan.sides[0]!.requests.slice(0, smokeCount),
    opts.smokeSamples.file,
  );
  return { report, warnings, smokeSamples: { file: opts.smokeSamples.file, count } };
}

/**
 * latency_p50/p95 as a client of serve sees them. After the scan, which checked every row, so the
 * requests are valid; a model serve cannot load (an output type it does not serve) costs the
 * latency metrics only, with a warning, not the evaluation.
 */
async function measureLatency(
  scan: PredictionScan,
  count: number,
  warnings: string[],
): Promise<LatencyProbe | undefined> {
  const { probeLatency } = await import(
    /* webpackChunkName: "latency-probe" */ '../serve/latency-probe.js'
  );
  try {
    return await probeLatency(
      scan.sides.map((s) => ({ file: s.model.file, requests: s.requests.slice(0, count) })),
    );
  } catch (e) {
    if (!(e instanceof ModelciError)) throw e;
    warnings.push(`latency not measured: ${e.format()}`);
    return undefined;
  }
}
