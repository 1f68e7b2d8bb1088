import * as core from './core.js';
import { invokeDrift } from '../commands/invoke/drift.js';
import { driftSpec } from '../spec/commands/drift.js';
import { runCommandAction } from './runtime.js';
import { driftReason } from '../core/drift/retrain-request.js';

// The drift action: inputs -> drift check, report files, artifact, retraining PR -> outputs.
await runCommandAction(driftSpec, async (parsed, inv) => {
  const result = await invokeDrift(parsed, inv, {
    async afterCheck(r) {
      const { json } = r;
      core.setOutput('drifted', String(json.drifted));
      core.setOutput('dataset-drifted', String(json.dataset_drifted));
      core.setOutput('share', String(json.share));
      core.setOutput(
        'performance-drifted',
        json.performance ? String(json.performance.drifted) : 'not-checked',
      );
      core.setOutput(
        'data-checks',
        json.data_checks ? (json.data_checks.passed ? 'passed' : 'failed') : 'not-checked',
      );
      core.setOutput('schema-break', (json.schema_break ?? []).join(','));
      core.setOutput('report', r.markdownFile ?? '');
      core.setOutput('json', r.jsonFile ?? '');
      if (r.artifact) core.setOutput('artifact', r.artifact);
      if (json.empty_current)
        core.warning(
          `The current window (${parsed.values.current}) is empty: no rows to compare${parsed.values.retrain ? ', no retraining pull request' : ''}.`,
        );
      for (const p of json.problems) core.warning(p);
      await core.summary.addRaw(r.markdown, true).write();
      core.info(driftReason(json));
    },
  });
  if (!result.retrain) {
    core.setOutput('retrain', 'disabled');
    return;
  }
  core.setOutput('retrain', result.retrain.action);
  if (result.retrain.pullNumber !== undefined)
    core.setOutput('pull-request', String(result.retrain.pullNumber));
});
