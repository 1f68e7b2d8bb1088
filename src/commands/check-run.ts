import { describeError, ModelciError } from '../core/errors.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import type { GitHubClient } from '../github/client.js';
import { writeCheckRun, type CheckRunResult } from '../github/check-run.js';
import type { Repository } from '../github/run-environment.js';
import { repositoryOf, requireGitHub } from './github-access.js';
import type { Invocation } from './invocation.js';

/** Where the `modelci/<model>` check run goes: the commit under review of a repository. */
export interface CheckRunTarget {
  client: GitHubClient;
  repo: Repository;
  sha: string;
}

/**
 * Resolved before the work starts, so a missing token fails fast. Asked for explicitly, a missing
 * token, repository or commit is an error; as the action's default the check run is skipped.
 */
export async function checkRunTarget(
  inv: Invocation,
  explicit: boolean,
  repository: string | undefined,
): Promise<CheckRunTarget | undefined> {
  const repo = repositoryOf(inv, repository);
  if (!explicit && (!repo || !inv.env.token)) {
    inv.log('no token or repository: check run skipped');
    return undefined;
  }
  const { client } = await requireGitHub(inv, 'the check run', repo);
  // The PR head under pull_request and workflow_run (src/github/run-environment.ts), not the merge.
  const sha = inv.env.headSha;
  if (!sha)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      'the check run needs the commit under review',
      { hint: 'Set GITHUB_SHA to the commit, or run it in a GitHub Actions workflow' },
    );
  return { client, repo: repo!, sha };
}

/**
 * Writes the gate verdict of a report as the check run `modelci/<model>`. A token without
 * `checks: write` (fork PRs) only warns: it must not hide the evaluation itself.
 */
export async function publishCheckRun(
  target: CheckRunTarget,
  inv: Invocation,
  report: EvaluationReport,
  markdown: string,
): Promise<CheckRunResult | undefined> {
  const passed = report.gates?.passed ?? true;
  const failed = report.gates?.results.filter((g) => !g.passed).length ?? 0;
  const name = `modelci/${report.model_name}`;
  try {
    return await writeCheckRun(target.client, target.repo, {
      name,
      sha: target.sha,
      passed,
      title: passed
        ? `${report.model_name}: gates passed`
        : `${report.model_name}: ${failed} gate${failed === 1 ? '' : 's'} failed`,
      summary: markdown,
    });
  } catch (e) {
    inv.warn(`could not write the check run ${name}: ${describeError(e)}`);
    return undefined;
  }
}
