import * as core from './core.js';
import { invokeValidate } from '../commands/invoke/validate.js';
import { verdictLine } from '../core/contract/report.js';
import { renderDataChecks } from '../core/report/data-checks.js';
import { validateSpec } from '../spec/commands/validate.js';
import { runCommandAction } from './runtime.js';

// The validate action: data against the contract -> outputs, job summary, annotations, a failed
// step when the data broke it.
await runCommandAction(validateSpec, async (parsed, inv) => {
  const { report, passed, reportFile } = await invokeValidate(parsed, inv);
  core.setOutput('passed', String(passed));
  core.setOutput('errors', String(report.errors));
  core.setOutput('warnings', String(report.warnings));
  core.setOutput('report', reportFile ?? '');
  await core.summary.addRaw(renderDataChecks(report), true).write();
  for (const v of report.violations.filter((x) => x.severity === 'warning').slice(0, 10))
    core.warning(
      `${v.dataset}${v.column !== undefined ? ` column ${JSON.stringify(v.column)}` : ''}: ${v.message}`,
    );
  const line = verdictLine(report);
  if (passed) core.info(line);
  else core.setFailed(line);
});
