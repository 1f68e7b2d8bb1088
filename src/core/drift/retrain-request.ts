import { stringify } from 'yaml';
import { formatNumber as fmt, formatShare } from '../report/number-format.js';
import type { DriftReport } from './compare-profiles.js';

/**
 * What a retraining pull request says: the retrain request file (`<registry.path>/<model>/retrain.yaml`),
 * the PR title and body. Pure; the GitHub and git side is src/github/retrain-pr.ts.
 */
export const RETRAIN_MARKER = '<!-- modelci:retrain -->';
export const DRIFT_GONE_MARKER = '<!-- modelci:drift-gone -->';
/** GitHub rejects bodies over 65536 characters. */
const MAX_BODY = 60000;

export interface RetrainContext {
  model: string;
  /** The registry folder (`registry.path`), relative to the repository root, `/`-separated. */
  registryDir: string;
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

/** The files the retraining branch commits, relative to the repository root. */
export function retrainFiles(ctx: Pick<RetrainContext, 'model' | 'registryDir'>): {
  request: string;
  report: string;
} {
  const dir = ctx.registryDir === '.' ? ctx.model : `${ctx.registryDir}/${ctx.model}`;
  return { request: `${dir}/retrain.yaml`, report: `${dir}/drift-report.md` };
}

function datasetReason(report: DriftReport): string {
  return `${report.dataset_drifted === false ? 'no dataset drift' : 'dataset drift'}: ${report.n_drifted} of ${report.n_tested} feature columns drifted (${formatShare(report.share)}, threshold ${formatShare(report.drift_share_threshold)})`;
}

/** A schema break first: retraining on broken data fixes nothing, the pipeline must be fixed. */
function schemaBreakReason(report: DriftReport): string {
  const cols = report.schema_break ?? [];
  if (!cols.length) return '';
  const listed = cols
    .slice(0, 5)
    .map((c) => JSON.stringify(c))
    .join(', ');
  return `schema break, not drift: ${listed}${cols.length > 5 ? ` and ${cols.length - 5} more` : ''} broke the data contract (missing or of another type); fix the pipeline before retraining; `;
}

/**
 * One line on why: a schema break first, then performance drift (it is what users feel), then the
 * dataset verdict.
 */
export function driftReason(report: DriftReport): string {
  return `${schemaBreakReason(report)}${driftOnlyReason(report)}`;
}

function driftOnlyReason(report: DriftReport): string {
  const perf = report.performance;
  const dataset = datasetReason(report);
  if (!perf?.drifted) return dataset;
  const worst = perf.metrics
    .filter((m) => m.drifted)
    .map((m) => `${m.name} ${fmt(m.reference)} → ${fmt(m.current)}`)
    .join(', ');
  return `performance drift: ${worst} (allowed drop ${perf.metrics.find((m) => m.drifted)?.max_drop ?? '?'}); ${dataset}`;
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
    // null when no prediction column was tested: "false" would say they were fine.
    prediction_drift: report.prediction_drift ? report.prediction_drift.drifted : null,
    ...(report.schema_break?.length ? { schema_break: report.schema_break } : {}),
    ...(report.performance
      ? {
          performance: {
            drifted: report.performance.drifted,
            labelled_rows: report.performance.rows.current,
            metrics: report.performance.metrics
              .filter((m) => m.checked)
              .map((m) => ({
                name: m.name,
                reference: m.reference,
                current: m.current,
                max_drop: m.max_drop,
                drifted: m.drifted,
              })),
          },
        }
      : {}),
  };
  return `# Retraining request written by modelci drift; the training workflow reads it.\n${stringify(doc)}`;
}

export function retrainTitle(model: string, report?: DriftReport): string {
  if (report?.schema_break?.length)
    return report.drifted
      ? `Retrain ${model}: schema break and drift detected`
      : `Retrain ${model}: schema break in the data, not drift`;
  return report?.performance?.drifted
    ? `Retrain ${model}: performance drift detected`
    : `Retrain ${model}: data drift detected`;
}

export function retrainBody(report: DriftReport, markdown: string, ctx: RetrainContext): string {
  const files = retrainFiles(ctx);
  const head = [
    RETRAIN_MARKER,
    `The scheduled drift check found **${driftReason(report)}** for model \`${ctx.model.replace(/`/g, "'")}\`.`,
    '',
    `- Data window: \`${ctx.dataWindow.replace(/`/g, "'")}\``,
    `- Checked at: ${ctx.at}${ctx.runUrl ? ` ([run](${encodeURI(ctx.runUrl)}))` : ''}`,
    `- This branch commits \`${files.request.replace(/`/g, "'")}\` (the request) and \`${files.report.replace(/`/g, "'")}\`.`,
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
    `The drift check at ${ctx.at}${ctx.runUrl ? ` ([run](${encodeURI(ctx.runUrl)}))` : ''} found **no drift** for \`${ctx.model.replace(/`/g, "'")}\`${report.performance ? ' (performance within its allowed drop)' : ''}: ${report.n_drifted} of ${report.n_tested} feature columns drifted (${formatShare(report.share)}, threshold ${formatShare(report.drift_share_threshold)}), data window \`${ctx.dataWindow.replace(/`/g, "'")}\`.`,
    '',
    'This pull request stays open: close it if retraining is no longer needed, or merge the retrained model if it is better.',
  ].join('\n');
}
