import * as core from './core.js';
import type { StageChangeResult } from '../commands/promote.js';

/** The outputs and job summary of a stage move (promote and rollback actions). */
export async function reportStageChange(r: StageChangeResult, verb: string): Promise<void> {
  core.setOutput('version', r.version);
  core.setOutput('previous', r.previous ?? '');
  core.setOutput('status', r.status);
  core.setOutput('commit', r.commit ?? '');
  core.setOutput('pull-request-number', r.pullRequest ? String(r.pullRequest.number) : '');
  core.setOutput('pull-request-url', r.pullRequest?.url ?? '');
  const what =
    r.status === 'unchanged'
      ? `${r.stage} already holds ${r.model} ${r.version}`
      : r.pullRequest
        ? `promotion pull request #${r.pullRequest.number} ${r.pullRequest.action}: ${r.pullRequest.url}`
        : `${verb} ${r.model} ${r.version} to ${r.stage} (was ${r.previous ?? 'empty'})`;
  core.info(what);
  await core.summary.addHeading(`${r.model} → ${r.stage}`, 3).addRaw(what).write();
}
