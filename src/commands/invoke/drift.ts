import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { registryDirIn, syncRetrainPr, type RetrainPrResult } from '../../github/retrain-pr.js';
import { uploadRunArtifact } from '../../github/artifact-upload.js';
import type { driftSpec } from '../../spec/commands/drift.js';
import type { Parsed } from '../../spec/option-spec.js';
import type { PerformanceFlags } from '../drift-performance.js';
import { runDrift, type DriftRunResult, type RunDriftOptions } from '../drift.js';
import { requireGitHub } from '../github-access.js';
import type { Invocation } from '../invocation.js';
import type { ProfileProgress } from '../profile.js';

export interface DriftInvocationResult extends DriftRunResult {
  markdownFile: string | undefined;
  jsonFile: string | undefined;
  /** The uploaded artifact's name, when the runner's artifact service took it. */
  artifact: string | undefined;
  /** What happened to the retraining pull request; undefined when `retrain` is off. */
  retrain: RetrainPrResult | undefined;
}

/**
 * `modelci drift` and the drift action: the check, its report files, the artifact and the one
 * retraining pull request per model (so `modelci drift --retrain` works from a terminal too).
 */
export async function invokeDrift(
  { values: v, given }: Parsed<typeof driftSpec.options>,
  inv: Invocation,
  hooks: {
    onProgress?: (p: ProfileProgress) => void;
    /** Runs after the check and its files, before the pull request: a report survives a PR failure. */
    afterCheck?: (result: Omit<DriftInvocationResult, 'retrain'>) => Promise<void>;
  } = {},
): Promise<DriftInvocationResult> {
  const { onProgress } = hooks;
  const markdownFile =
    v.markdown ?? (v.reportDir ? join(v.reportDir, 'drift-report.md') : undefined);
  const jsonFile = v.output ?? (v.reportDir ? join(v.reportDir, 'drift-report.json') : undefined);
  const performance: PerformanceFlags = {};
  if (v.label !== undefined) performance.label = v.label;
  if (v.prediction !== undefined) performance.prediction = v.prediction;
  if (v.score !== undefined) performance.score = v.score;
  if (v.task !== undefined) performance.task = v.task;
  const now = new Date().toISOString();
  const options: RunDriftOptions = {
    current: v.current,
    config: v.config,
    configExplicit: given.has('config'),
    referenceVersion: v.referenceVersion,
    now,
    ...(v.reference !== undefined ? { reference: v.reference } : {}),
    ...(v.test !== undefined ? { test: v.test } : {}),
    ...(v.contract !== undefined ? { contract: v.contract } : {}),
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.history !== undefined ? { history: v.history } : {}),
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(markdownFile ? { markdownOut: markdownFile } : {}),
    ...(jsonFile ? { jsonOut: jsonFile } : {}),
    ...(Object.keys(performance).length ? { performance } : {}),
    ...(inv.env.runUrl ? { runUrl: inv.env.runUrl } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
  const result = await inv.group('Drift check', () => runDrift(options));
  const { json } = result;
  if (v.reference === undefined) inv.log(`Reference: ${result.reference}`);

  let artifact: string | undefined;
  if (v.uploadArtifact) {
    const files = [markdownFile, jsonFile, v.history].filter(
      (f): f is string => f !== undefined && existsSync(f),
    );
    if (files.length)
      artifact = await uploadRunArtifact(
        // Artifact names refuse " : < > | * ? \ / and CR/LF; a model name from an input may hold them.
        `modelci-drift-${result.model.replace(/["':<>|*?\\/\r\n]/g, '-')}`,
        files,
        commonRoot(files),
        { info: inv.log, warning: inv.warn },
        inv.env.serverUrl,
      );
  }

  const checked = { ...result, markdownFile, jsonFile, artifact };
  await hooks.afterCheck?.(checked);
  let retrain: RetrainPrResult | undefined;
  if (v.retrain) {
    const { client, repo } = await requireGitHub(
      inv,
      'the retraining pull request',
      inv.env.repository,
    );
    const retrainWorkflow = v.retrainWorkflow ?? result.config.retrain_workflow;
    retrain = await inv.group('Retraining pull request', () =>
      syncRetrainPr({
        client,
        owner: repo.owner,
        repo: repo.repo,
        ...(v.base !== undefined ? { base: v.base } : {}),
        cwd: inv.env.workspace,
        report: json,
        markdown: result.markdown,
        emptyCurrent: json.empty_current,
        ctx: {
          model: result.model,
          registryDir: registryDirIn(inv.env.workspace, result.registry),
          dataWindow: v.dataWindow ?? v.current,
          reference: result.reference,
          current: v.current,
          at: now,
          ...(inv.env.runUrl ? { runUrl: inv.env.runUrl } : {}),
          ...(retrainWorkflow ? { retrainWorkflow } : {}),
        },
        log: inv.log,
      }),
    );
  }
  return { ...checked, retrain };
}

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
