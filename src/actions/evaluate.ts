import * as core from './core.js';
import { invokeEvaluate } from '../commands/invoke/evaluate.js';
import { renderDataChecks } from '../core/report/data-checks.js';
import { createActionsCache } from '../github/actions-cache.js';
import { configureOnnxRuntimeInstall } from '../onnx/runtime.js';
import { evaluateSpec } from '../spec/commands/evaluate.js';
import { runCommandAction } from './runtime.js';

await runCommandAction(evaluateSpec, async (parsed, inv) => {
  configureOnnxRuntimeInstall({ cache: createActionsCache(), log: (l) => core.info(l) });
  const r = await invokeEvaluate(parsed, inv, {
    // The step stops on a data error: the report of the checks is what the summary shows.
    async onDataChecksFailed(report) {
      await core.summary.addRaw(renderDataChecks(report), true).write();
    },
  });
  if (r.smokeSamples) {
    core.info(`${r.smokeSamples.count} smoke samples recorded in ${r.smokeSamples.file}`);
    core.setOutput('smoke-samples', r.smokeSamples.file);
  }
  core.setOutput('report', r.reportFile ?? '');
  core.setOutput('passed', String(r.passed));
  if (r.checkRun) core.setOutput('check-run-id', String(r.checkRun.id));
  if (r.run) core.setOutput('run-id', r.run.id);
  await core.summary.addRaw(r.markdown, true).write();
  if (!r.passed) {
    const failed = r.report.gates!.results.filter((g) => !g.passed).map((g) => g.reason);
    const text = `gates failed for ${r.report.model_name}: ${failed.join('; ')}`;
    if (parsed.values.failOnGates) core.setFailed(text);
    else core.warning(text);
  }
});
