import { readFileSync, writeFileSync } from 'node:fs';
import * as core from './core.js';
import { runEvaluate } from '../commands/evaluate.js';
import { parseTask, resolveEvaluateRequest } from '../commands/evaluate-request.js';
import { registryBaselineResolver } from '../registry/baseline.js';
import { renderEvaluationReport } from '../core/report/evaluation-markdown.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { createActionsCache } from '../github/actions-cache.js';
import { createGitHubClient } from '../github/client.js';
import { configureOnnxRuntimeInstall } from '../onnx/runtime.js';
import { booleanInput, integerInput, listInput, optionalInput, runAction } from './runtime.js';

// Check run output fields are limited to 65535 characters.
const MAX_SUMMARY = 60_000;

await runAction(async () => {
  const settings = {
    request: {
      config: optionalInput('config'),
      name: optionalInput('name'),
      model: optionalInput('model'),
      data: optionalInput('data'),
      label: optionalInput('label'),
      task: parseTask(optionalInput('task')),
      baseline: optionalInput('baseline'),
      features: listInput('features').length ? listInput('features') : undefined,
      slices: listInput('slices').length ? listInput('slices') : undefined,
      ...(booleanInput('drop-invalid', false) ? { dropInvalid: true } : {}),
      resamples: integerInput('resamples'),
    },
    report: optionalInput('report') ?? 'modelci-evaluation.json',
    failOnGates: booleanInput('fail-on-gates', true),
    checkRun: booleanInput('check-run', true),
    token: optionalInput('token'),
  };
  if (settings.token) core.setSecret(settings.token);
  configureOnnxRuntimeInstall({ cache: createActionsCache(), log: (l) => core.info(l) });

  core.startGroup('Evaluate');
  const options = await resolveEvaluateRequest(
    settings.request,
    registryBaselineResolver({
      ...(settings.request.config ? { config: settings.request.config } : {}),
    }),
  );
  const smokeFile = optionalInput('smoke-samples');
  if (smokeFile) options.smokeSamples = { file: smokeFile };
  const { report, warnings, smokeSamples } = await runEvaluate(options);
  for (const w of warnings) core.warning(w);
  if (smokeSamples) {
    core.info(`${smokeSamples.count} smoke samples recorded in ${smokeSamples.file}`);
    core.setOutput('smoke-samples', smokeSamples.file);
  }
  core.endGroup();

  writeFileSync(settings.report, JSON.stringify(report, null, 2) + '\n');
  const passed = report.gates?.passed ?? true;
  core.setOutput('report', settings.report);
  core.setOutput('passed', String(passed));
  const markdown = renderEvaluationReport(report, 4);
  await core.summary.addRaw(markdown, true).write();

  if (settings.checkRun && settings.token && process.env.GITHUB_REPOSITORY) {
    const id = await writeCheckRun(settings.token, report, passed, markdown);
    if (id !== undefined) core.setOutput('check-run-id', String(id));
  }
  if (!passed) {
    const failed = report.gates!.results.filter((g) => !g.passed).map((g) => g.reason);
    const text = `gates failed for ${report.model_name}: ${failed.join('; ')}`;
    if (settings.failOnGates) core.setFailed(text);
    else core.warning(text);
  }
});

/** The commit the check belongs to: the PR head for pull_request events, else GITHUB_SHA. */
function headSha(): string | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      const event = JSON.parse(readFileSync(path, 'utf8')) as {
        pull_request?: { head?: { sha?: string } };
      };
      if (event.pull_request?.head?.sha) return event.pull_request.head.sha;
    } catch {
      // No readable event: fall back to GITHUB_SHA.
    }
  }
  return process.env.GITHUB_SHA;
}

async function writeCheckRun(
  token: string,
  report: EvaluationReport,
  passed: boolean,
  markdown: string,
): Promise<number | undefined> {
  const sha = headSha();
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!sha || !owner || !repo) return undefined;
  const client = createGitHubClient({ token, log: (m) => core.info(m) });
  const failed = report.gates?.results.filter((g) => !g.passed).length ?? 0;
  const title = passed
    ? `${report.model_name}: gates passed`
    : `${report.model_name}: ${failed} gate${failed === 1 ? '' : 's'} failed`;
  try {
    const res = await client.rest.checks.create({
      owner,
      repo,
      name: `modelci/${report.model_name}`,
      head_sha: sha,
      status: 'completed',
      conclusion: passed ? 'success' : 'failure',
      output: {
        title,
        summary:
          markdown.length > MAX_SUMMARY
            ? `${markdown.slice(0, MAX_SUMMARY)}\n\n(truncated)`
            : markdown,
      },
    });
    return res.data.id;
  } catch (e) {
    // A token without `checks: write` (e.g. fork PRs) must not hide the evaluation itself.
    core.warning(
      `could not write the check run modelci/${report.model_name}: ${(e as Error).message}`,
    );
    return undefined;
  }
}
