import { ModelciError } from '../core/errors.js';
import { inferTask } from '../core/evaluation/classes.js';
import { openCsv } from '../data/csv.js';
import { fingerprintFile } from '../data/fingerprint.js';
import { loadOnnxModel } from '../onnx/model.js';
import { evaluateOnCores } from '../parallel/bootstrap-task.js';
import { evaluationInputOf, evaluationReportOf } from './evaluate-report.js';
import type { EvaluateOptions, EvaluateResult } from './evaluate-options.js';
import { planSides, scanPredictions } from './evaluate-scan.js';

export type { EvaluateOptions, EvaluateResult } from './evaluate-options.js';

const DEFAULT_SMOKE_SAMPLES = 10;

export async function runEvaluate(opts: EvaluateOptions): Promise<EvaluateResult> {
  const candidate = await loadOnnxModel(opts.model);
  const baseline = opts.baseline ? await loadOnnxModel(opts.baseline) : undefined;
  const task = opts.task ?? inferTask(candidate);
  const source = await openCsv(opts.data);
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
    smokeCount: opts.smokeSamples ? (opts.smokeSamples.count ?? DEFAULT_SMOKE_SAMPLES) : 0,
  };
  const sides = planSides(baseline ? [candidate, baseline] : [candidate], source.columns, request);
  const scan = await scanPredictions(source, sides, request);
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
  const assembled = evaluationInputOf(scan, task, opts);
  warnings.push(...assembled.warnings);
  const result = await evaluateOnCores(assembled.input, opts.threads);
  const report = evaluationReportOf(
    scan,
    task,
    opts,
    assembled.input,
    result,
    await dataFingerprint,
  );
  if (!opts.smokeSamples) return { report, warnings };
  // Recorded by serve's own model loader, so the outputs are exactly what the server answers.
  const { recordSmokeSamples } = await import('./smoke-samples.js');
  const count = await recordSmokeSamples(opts.model, scan.smokeRequests, opts.smokeSamples.file);
  return { report, warnings, smokeSamples: { file: opts.smokeSamples.file, count } };
}
