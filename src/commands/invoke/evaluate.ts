import { writeFileSync } from 'node:fs';
import { renderEvaluationReport } from '../../core/report/evaluation-markdown.js';
import type { EvaluationReport } from '../../core/report/evaluation-report.js';
import { describeError, ModelciError } from '../../core/errors.js';
import { writeCheckRun, type CheckRunResult } from '../../github/check-run.js';
import { registryBaselineResolver } from '../../registry/baseline.js';
import type { evaluateSpec } from '../../spec/commands/evaluate.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runEvaluate } from '../evaluate.js';
import { resolveEvaluateRequest } from '../evaluate-request.js';
import { repositoryOf, requireGitHub } from '../github-access.js';
import type { Invocation } from '../invocation.js';

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
}

/** `modelci evaluate` and the evaluate action: the same options, the same work. */
export async function invokeEvaluate(
  { values: v, given }: Parsed<typeof evaluateSpec.options>,
  inv: Invocation,
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
  if (v.smokeSamples) options.smokeSamples = { file: v.smokeSamples, count: v.smokeCount };
  const { report, warnings, smokeSamples } = await inv.group('Evaluate', () =>
    runEvaluate(options),
  );
  for (const w of warnings) inv.warn(w);
  if (smokeSamples) inv.log(`${smokeSamples.count} smoke samples recorded in ${smokeSamples.file}`);
  if (v.report) writeFileSync(v.report, JSON.stringify(report, null, 2) + '\n');
  const passed = report.gates?.passed ?? true;
  const markdown = renderEvaluationReport(report, 4);
  const checkRun = v.checkRun
    ? await publishCheckRun(inv, report, passed, markdown, given.has('check-run'), v.repository)
    : undefined;
  return { report, passed, reportFile: v.report, smokeSamples, markdown, checkRun };
}

/**
 * The `modelci/<model>` check run on the commit under review (the PR head, under workflow_run
 * too). Asked for explicitly, a missing token or repository is an error; as the action's default
 * it is skipped, and a token without `checks: write` (fork PRs) only warns.
 */
async function publishCheckRun(
  inv: Invocation,
  report: EvaluationReport,
  passed: boolean,
  markdown: string,
  explicit: boolean,
  repository: string | undefined,
): Promise<CheckRunResult | undefined> {
  const repo = repositoryOf(inv, repository);
  if (!explicit && (!repo || !inv.env.token)) {
    inv.log('no token or repository: check run skipped');
    return undefined;
  }
  const { client } = await requireGitHub(inv, 'the check run', repo);
  const sha = inv.env.headSha;
  if (!sha)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      'the check run needs the commit under review',
      {
        hint: 'Set GITHUB_SHA to the commit, or run it in a GitHub Actions workflow',
      },
    );
  const failed = report.gates?.results.filter((g) => !g.passed).length ?? 0;
  const name = `modelci/${report.model_name}`;
  try {
    return await writeCheckRun(client, repo!, {
      name,
      sha,
      passed,
      title: passed
        ? `${report.model_name}: gates passed`
        : `${report.model_name}: ${failed} gate${failed === 1 ? '' : 's'} failed`,
      summary: markdown,
    });
  } catch (e) {
    // A token without `checks: write` (e.g. fork PRs) must not hide the evaluation itself.
    inv.warn(`could not write the check run ${name}: ${describeError(e)}`);
    return undefined;
  }
}
