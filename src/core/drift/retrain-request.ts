import { stringify } from 'yaml';
import type { DriftReport } from './compare-profiles.js';

/**
 * What a retraining pull request says: the retrain request file (`registry/<model>/retrain.yaml`),
 * the PR title and body. Pure; the GitHub and git side is src/github/retrain-pr.ts.
 */
export const RETRAIN_MARKER = '<!-- modelci:retrain -->';
export const DRIFT_GONE_MARKER = '<!-- modelci:drift-gone -->';
/** GitHub rejects bodies over 65536 characters. */
const MAX_BODY = 60000;

export interface RetrainContext {
  model: string;
  runUrl?: string;
  dataWindow: string;
  reference: string;
  current: string;
  /** ISO time of the check (from the caller). */
  at: string;
  retrainWorkflow?: string;
}

export function retrainBranch(model: string): string {
  return `modelci/retrain/${model}`;
}

export function driftReason(report: DriftReport): string {
  return `dataset drift: ${report.n_drifted} of ${report.n_tested} columns drifted (${(report.share * 100).toFixed(1)}%, threshold ${(report.drift_share_threshold * 100).toFixed(1)}%)`;
}

export function retrainYaml(report: DriftReport, ctx: RetrainContext): string {
  const doc = {
    model: ctx.model,
    reason: driftReason(report),
    requested_at: ctx.at,
    run_url: ctx.runUrl ?? null,
    data_window: ctx.dataWindow,
    reference: ctx.reference,
    current: ctx.current,
    share: report.share,
    columns: report.columns
      .filter((c) => c.drifted)
      .map((c) => ({
        name: c.name,
        test: c.test,
        statistic: c.statistic,
        ...(c.p_value === undefined ? {} : { p_value: c.p_value }),
      })),
    prediction_drift: report.prediction_drift?.drifted ?? false,
  };
  return `# Retraining request written by modelci drift; the training workflow reads it.\n${stringify(doc)}`;
}

export function retrainTitle(model: string): string {
  return `Retrain ${model}: data drift detected`;
}

export function retrainBody(report: DriftReport, markdown: string, ctx: RetrainContext): string {
  const head = [
    RETRAIN_MARKER,
    `The scheduled drift check found **${driftReason(report)}** for model \`${ctx.model.replace(/`/g, "'")}\`.`,
    '',
    `- Data window: \`${ctx.dataWindow.replace(/`/g, "'")}\``,
    `- Checked at: ${ctx.at}${ctx.runUrl ? ` ([run](${encodeURI(ctx.runUrl)}))` : ''}`,
    `- This branch commits \`registry/${ctx.model}/retrain.yaml\` (the request) and \`registry/${ctx.model}/drift-report.md\`.`,
    ctx.retrainWorkflow
      ? `- The training workflow \`${ctx.retrainWorkflow.replace(/`/g, "'")}\` was started on this branch (workflow_dispatch): pull requests opened with GITHUB_TOKEN do not trigger \`pull_request\` workflows.`
      : '- No training workflow was started (set `retrain-workflow`); push to this branch or re-run checks to train.',
    '',
    'Review the retrained candidate when its evaluation lands here; close this PR if the drift is expected. Later checks update this PR instead of opening another.',
    '',
    '---',
    '',
  ].join('\n');
  const room = MAX_BODY - head.length;
  const text =
    markdown.length > room
      ? `${markdown.slice(0, room - 80)}\n\n… (report truncated; the full report is in the run's artifact)`
      : markdown;
  return head + text;
}

export function driftGoneComment(report: DriftReport, ctx: RetrainContext): string {
  return [
    DRIFT_GONE_MARKER,
    `The drift check at ${ctx.at}${ctx.runUrl ? ` ([run](${encodeURI(ctx.runUrl)}))` : ''} found **no dataset drift** for \`${ctx.model.replace(/`/g, "'")}\`: ${report.n_drifted} of ${report.n_tested} columns drifted (${(report.share * 100).toFixed(1)}%, threshold ${(report.drift_share_threshold * 100).toFixed(1)}%), data window \`${ctx.dataWindow.replace(/`/g, "'")}\`.`,
    '',
    'This pull request stays open: close it if retraining is no longer needed, or merge the retrained model if it is better.',
  ].join('\n');
}
