import type { commentSpec } from '../../spec/commands/comment.js';
import type { Parsed } from '../../spec/option-spec.js';
import { ModelciError } from '../../core/errors.js';
import type { CheckRunResult } from '../../github/check-run.js';
import { checkRunTarget, publishCheckRun } from '../check-run.js';
import { runComment, type CommentResult } from '../comment.js';
import { repositoryOf } from '../github-access.js';
import { optionName, type Invocation } from '../invocation.js';

/** `modelci comment` and the comment action. Posts when a token is known, else prints. */
export async function invokeComment(
  { values: v, given }: Parsed<typeof commentSpec.options>,
  inv: Invocation,
): Promise<CommentResult & { checkRun: CheckRunResult | undefined }> {
  const repository = repositoryOf(inv, v.repository);
  // The CLI posts only to a PR it can name (--pr, or the run's event): a terminal with
  // GITHUB_TOKEN set for other tools should not comment by surprise.
  const post = inv.surface === 'action' || v.pr !== undefined || inv.env.pullRequest !== undefined;
  if (v.checkRun && v.report === undefined)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      `${optionName(inv, 'check-run')} needs ${optionName(inv, 'report')}`,
      {
        hint: 'The check run carries the gate verdict of an evaluation report',
      },
    );
  const target = v.checkRun ? await checkRunTarget(inv, true, v.repository) : undefined;
  const result = await runComment({
    base: v.base,
    head: v.head,
    ...(v.report !== undefined ? { report: v.report } : {}),
    ...(v.history !== undefined ? { history: v.history } : {}),
    ...(v.run !== undefined ? { run: v.run } : {}),
    ...(v.baseRun !== undefined ? { baseRun: v.baseRun } : {}),
    ...(given.has('fetch-runs') ? { fetchRuns: v.fetchRuns } : {}),
    processEnv: inv.processEnv,
    warn: inv.warn,
    ...(v.model !== undefined ? { model: v.model } : {}),
    config: v.config,
    configExplicit: given.has('config'),
    workflow: v.workflow ?? inv.env.workflow ?? 'modelci',
    ...(repository ? { repository } : {}),
    env: inv.env,
    post,
    ...(v.pr !== undefined ? { pr: v.pr } : {}),
    log: inv.log,
  });
  const checkRun =
    target && result.report
      ? await publishCheckRun(target, inv, result.report, result.summary)
      : undefined;
  return { ...result, checkRun };
}
