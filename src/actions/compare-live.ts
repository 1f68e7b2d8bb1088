import * as core from './core.js';
import { invokeCompareLive } from '../commands/invoke/compare-live.js';
import { compareLiveSpec } from '../spec/commands/compare-live.js';
import { runCommandAction } from './runtime.js';

// The compare-live action: prediction log (+ labels) -> report files, job summary, sticky comment.
await runCommandAction(compareLiveSpec, async (parsed, inv) => {
  const { report, markdown, posted } = await invokeCompareLive(parsed, inv);
  const verdict = (candidate: string) =>
    report.comparisons.find((c) => c.candidate === candidate)?.verdict ?? '';
  core.setOutput('report', parsed.values.report ?? '');
  core.setOutput('canary-verdict', verdict('canary'));
  core.setOutput('shadow-verdict', verdict('shadow'));
  core.setOutput('sample-ratio-mismatch', String(report.traffic.srm?.mismatch ?? false));
  core.setOutput(
    'shadow-agreement',
    report.shadow?.label_agreement === undefined ? '' : String(report.shadow.label_agreement),
  );
  core.setOutput('comment-url', posted && posted.action !== 'no-pr' ? posted.commentUrl : '');
  for (const p of report.problems) core.warning(p);
  if (posted?.action === 'no-pr') core.warning(posted.warning);
  if (inv.env.files.stepSummary) await core.summary.addRaw(markdown).write();
  else core.info(markdown);
});
