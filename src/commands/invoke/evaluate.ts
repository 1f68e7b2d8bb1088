import { renderEvaluationReport } from '../../core/report/evaluation-markdown.js';
import type { EvaluationReport } from '../../core/report/evaluation-report.js';
import type { CheckRunResult } from '../../github/check-run.js';
import { registryBaselineResolver } from '../registry-baseline.js';
import type { evaluateSpec } from '../../spec/commands/evaluate.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runEvaluate } from '../evaluate.js';
import { resolveEvaluateRequest } from '../evaluate-request.js';
import { checkRunTarget, publishCheckRun } from '../check-run.js';
import type { Invocation } from '../invocation.js';
import { writeOutputFile } from '../../data/output-file.js';
import { attachEvaluation, type AttachedEvaluation } from '../attach-evaluation.js';
import { runStoreAt } from '../record-run.js';
import type { ValidationReport } from '../../core/contract/report.js';
import { runDataGate } from '../data-gate.js';

export interface EvaluateInvocationResult {
  report: EvaluationReport;
  /** Every gate passed (or there are none). */
  passed: boolean;
  /** The report JSON file written, when asked. */
  reportFile: string | undefined;
  smokeSamples: { file: string; count: number } | undefined;
  /** The Markdown of the report (job summary, check run). */
  markdown: string;
  checkRun: CheckRunResult | undefined;
  /** The training run the evaluation was attached to. */
  run: AttachedEvaluation | undefined;
}

/** `modelci evaluate` and the evaluate action: the same options, the same work. */
export async function invokeEvaluate(
  { values: v, given }: Parsed<typeof evaluateSpec.options>,
  inv: Invocation,
  hooks: { onDataChecksFailed?: (report: ValidationReport) => Promise<void> } = {},
): Promise<EvaluateInvocationResult> {
  const configExplicit = given.has('config');
  const options = await resolveEvaluateRequest(
    {
      config: v.config,
      configExplicit,
      ...(v.model !== undefined ? { name: v.model } : {}),
      model: v.artifact,
      ...(v.data !== undefined ? { data: v.data } : {}),
      ...(v.label !== undefined ? { label: v.label } : {}),
      ...(v.task !== undefined ? { task: v.task } : {}),
      ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
      ...(v.features.length ? { features: v.features } : {}),
      ...(v.slices.length ? { slices: v.slices } : {}),
      ...(v.dropInvalid ? { dropInvalid: true } : {}),
      ...(v.resamples !== undefined ? { resamples: v.resamples } : {}),
      ...(v.seed !== undefined ? { seed: v.seed } : {}),
      ...(v.batchSize !== undefined ? { batchSize: v.batchSize } : {}),
    },
    registryBaselineResolver(configExplicit ? { config: v.config } : {}),
  );
  const target = v.checkRun
    ? await checkRunTarget(inv, given.has('check-run'), v.repository)
    : undefined;
  if (v.smokeSamples) options.smokeSamples = { file: v.smokeSamples, count: v.smokeCount };
  const dataChecks = await runDataGate(
    {
      step: 'evaluate',
      config: v.config,
      configExplicit,
      model: v.model,
      contract: v.contract,
      data: [options.data],
    },
    inv,
    hooks.onDataChecksFailed,
  );
  const { report, warnings, smokeSamples } = await inv.group('Evaluate', () =>
    runEvaluate(options),
  );
  if (dataChecks) report.data_checks = dataChecks;
  for (const w of warnings) inv.warn(w);
  if (v.report) writeOutputFile(v.report, JSON.stringify(report, null, 2) + '\n');
  const passed = report.gates?.passed ?? true;
  const markdown = renderEvaluationReport(report, { precision: 4 });
  const checkRun = target ? await publishCheckRun(target, inv, report, markdown) : undefined;
  const run = await attachEvaluation(report, {
    run: v.run,
    artifact: v.artifact,
    store: await runStoreAt(inv.env.workspace, inv.processEnv),
    push: given.has('push-run') ? v.pushRun : undefined,
    remote: 'origin',
    env: inv.env,
    now: new Date(),
    log: inv.log,
    warn: inv.warn,
  });
  return { report, passed, reportFile: v.report, smokeSamples, markdown, checkRun, run };
}
