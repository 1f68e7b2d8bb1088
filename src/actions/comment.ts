import * as core from './core.js';
import { invokeComment } from '../commands/invoke/comment.js';
import { commentSpec } from '../spec/commands/comment.js';
import { runCommandAction } from './runtime.js';

await runCommandAction(commentSpec, async (parsed, inv) => {
  const result = await invokeComment(parsed, inv);
  core.setOutput('regressions', String(result.regressions));
  core.setOutput('comment-id', result.commentId === undefined ? '' : String(result.commentId));
  core.setOutput('comment-url', result.commentUrl ?? '');
  if (result.checkRun) core.setOutput('check-run-id', String(result.checkRun.id));
  if (result.warning) core.warning(result.warning);
  else if (result.commentUrl) core.info(`${result.action} ${result.commentUrl}`);
  else if (result.action === 'printed')
    core.warning('input "token" is empty: the report is in the job summary only');
  if (inv.env.files.stepSummary) await core.summary.addRaw(result.summary).write();
  else core.info(result.markdown);
});
