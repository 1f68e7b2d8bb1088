import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import * as core from './core.js';
import { runDrift, type RunDriftOptions } from '../commands/drift.js';
import type { PerformanceFlags } from '../commands/drift-performance.js';
import { ModelciError } from '../core/errors.js';
import { createGitHubClient } from '../github/client.js';
import { syncRetrainPr } from '../github/retrain-pr.js';
import { uploadRunArtifact } from '../github/artifact-upload.js';
import { booleanInput, optionalInput, runAction } from './runtime.js';

// The drift action: inputs -> runDrift -> outputs, job summary, report files -> retraining PR.
await runAction(async () => {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const configFile = optionalInput('config') ?? 'modelci.yaml';
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = process.env.GITHUB_RUN_ID;
  const runUrl = runId && repository ? `${server}/${repository}/actions/runs/${runId}` : undefined;
  const reportDir = optionalInput('report-dir') ?? 'modelci-drift';
  const current = core.getInput('current', { required: true }).trim();

  const reference = optionalInput('reference');
  const options: RunDriftOptions = {
    current,
    config: configFile,
    configExplicit: configFile !== 'modelci.yaml',
    markdownOut: join(reportDir, 'drift-report.md'),
    jsonOut: join(reportDir, 'drift-report.json'),
    now: new Date().toISOString(),
  };
  if (reference) options.reference = reference;
  for (const [input, key] of [
    ['test', 'test'],
    ['model', 'model'],
    ['history', 'history'],
    ['registry', 'registry'],
    ['reference-version', 'referenceVersion'],
  ] as const) {
    const v = optionalInput(input);
    if (v !== undefined) options[key] = v;
  }
  const performance: PerformanceFlags = {};
  for (const key of ['label', 'prediction', 'score'] as const) {
    const v = optionalInput(key);
    if (v !== undefined) performance[key] = v;
  }
  if (Object.keys(performance).length) options.performance = performance;
  if (runUrl) options.runUrl = runUrl;

  core.startGroup('Drift check');
  const result = await runDrift(options);
  core.endGroup();
  const { json } = result;
  if (!reference) core.info(`Reference: ${result.reference}`);
  core.setOutput('drifted', String(json.drifted));
  core.setOutput('dataset-drifted', String(json.dataset_drifted));
  core.setOutput('share', String(json.share));
  core.setOutput(
    'performance-drifted',
    json.performance ? String(json.performance.drifted) : 'not-checked',
  );
  core.setOutput('report', options.markdownOut!);
  core.setOutput('json', options.jsonOut!);
  await core.summary.addRaw(result.markdown, true).write();
  if (booleanInput('upload-artifact', true)) {
    const files = [options.markdownOut!, options.jsonOut!];
    if (options.history) files.push(options.history);
    const uploaded = await uploadRunArtifact(
      // Artifact names refuse " : < > | * ? \ / and CR/LF; a model name from an input may hold them.
      `modelci-drift-${result.model.replace(/["':<>|*?\\/\r\n]/g, '-')}`,
      files.filter((f) => existsSync(f)),
      commonRoot(files),
      core,
    );
    if (uploaded) core.setOutput('artifact', uploaded);
  }
  if (json.empty_current)
    core.warning(
      `The current window (${current}) is empty: no rows to compare, no retraining pull request.`,
    );
  for (const p of json.problems) core.warning(p);
  core.info(
    json.drifted
      ? `Drift: ${json.n_drifted} of ${json.n_tested} columns drifted.`
      : 'No dataset drift.',
  );

  if (!booleanInput('retrain', true)) {
    core.setOutput('retrain', 'disabled');
    return;
  }
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new ModelciError('INPUT', 'GITHUB_REPOSITORY is not set', {
      hint: 'Run the action in a GitHub Actions workflow, or set retrain: false',
    });
  const retrainWorkflow = optionalInput('retrain-workflow') ?? result.config.retrain_workflow;
  core.startGroup('Retraining pull request');
  const base = optionalInput('base');
  const pr = await syncRetrainPr({
    client: createGitHubClient({ token, log: (m) => core.info(m) }),
    owner,
    repo,
    ...(base ? { base } : {}),
    cwd: workspace,
    report: json,
    markdown: result.markdown,
    emptyCurrent: json.empty_current,
    ctx: {
      model: result.model,
      dataWindow: optionalInput('data-window') ?? current,
      reference: result.reference,
      current,
      at: options.now!,
      ...(runUrl ? { runUrl } : {}),
      ...(retrainWorkflow ? { retrainWorkflow } : {}),
    },
    log: (m) => core.info(m),
  });
  core.endGroup();
  core.setOutput('retrain', pr.action);
  if (pr.pullNumber !== undefined) core.setOutput('pull-request', String(pr.pullNumber));
});

/** The deepest folder holding every file (the artifact's root: paths inside it are kept). */
function commonRoot(files: string[]): string {
  const dirs = files.map((f) => resolve(dirname(f)).split(sep));
  const first = dirs[0]!;
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}
