import { loadConfig, resolveModel, DEFAULT_CONFIG_FILE } from '../config/load.js';
import type { MetricsConfig } from '../config/schema/metrics.js';
import { describeError, ModelciError } from '../core/errors.js';
import {
  renderComment,
  SUMMARY_MAX_BYTES,
  type CommentContent,
  type CommentLinks,
} from '../core/report/comment.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { lastSegment } from '../core/report/direction.js';
import { historySeries, MAX_CHART_POINTS, parseHistory } from '../core/report/history.js';
import type { RegisteredBaseline } from './registry-baseline.js';
import { commentMarker } from '../core/report/marker.js';
import { diffMetrics, isNumber, type MetricRow } from '../core/report/metric-diff.js';
import { readMetrics } from '../data/metrics-files.js';
import { readStructuredFile } from '../data/structured-file.js';
import type { Repository, RunEnvironment } from '../github/run-environment.js';
import { postStickyComment } from './sticky-post.js';

/** Evaluation reports carry slices and confusion matrices: allow more than a metrics file. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;

export interface CommentOptions {
  /** Base (e.g. main) and head (this PR) metrics: files, globs or directories. */
  base: string[];
  head: string[];
  /** An evaluation report JSON, instead of or as well as base/head. */
  report?: string;
  /** History file: a list of `{commit|label, metrics}`, charted for one metric. */
  history?: string;
  /** This PR's training run (run.json or id): "what changed" against the base branch's run. */
  run?: string;
  /** The run to compare with; default, the newest succeeded run on the PR's base branch. */
  baseRun?: string;
  /** Fetch the model's runs from origin first; default, on a runner. */
  fetchRuns?: boolean;
  /** The process environment git runs with (reading runs). */
  processEnv?: NodeJS.ProcessEnv;
  warn?: (message: string) => void;
  model?: string;
  config?: string;
  /** Whether the user named the config file (a missing named file is an error). */
  configExplicit?: boolean;
  /** Workflow name in the hidden marker: one sticky comment per (model, workflow). */
  workflow?: string;
  /** Where to post and link to; default, the run's repository. */
  repository?: Repository;
  /** The run: head commit, event, PR, run URL, server; the token when posting. */
  env: RunEnvironment;
  /** Post to GitHub (with the run environment's token); without it the Markdown is only returned. */
  post?: boolean;
  /** Retries of the GitHub client (tests lower it). */
  retries?: number;
  /** PR number given explicitly (the fork-safe workflow_run pattern). */
  pr?: number;
  log?: (message: string) => void;
}

export interface CommentResult {
  /** The comment body. */
  markdown: string;
  /** The job summary: the same report within the summary's larger limit. */
  summary: string;
  regressions: number;
  truncated: boolean;
  action: 'created' | 'updated' | 'unchanged' | 'printed' | 'no-pr';
  commentId?: number;
  commentUrl?: string;
  pr?: number;
  /** Set when there was nothing to post to (no PR found): a warning, not a failure. */
  warning?: string;
  /** The evaluation report shown, when one was given (its gates make the check run). */
  report?: EvaluationReport;
}

function mergedMetricsConfig(
  top: MetricsConfig | undefined,
  own: MetricsConfig | undefined,
): MetricsConfig {
  return { ...top, ...own, directions: { ...top?.directions, ...own?.directions } };
}

function chartMetric(
  rows: MetricRow[] | undefined,
  report: EvaluationReport | undefined,
  preferred?: string,
): string | undefined {
  // A configured name may be the full key or its last segment (primary_metric: roc_auc).
  if (preferred) {
    const keys = rows?.map((r) => r.key) ?? Object.keys(report?.metrics ?? {});
    return keys.includes(preferred)
      ? preferred
      : (keys.find((k) => lastSegment(k) === preferred) ?? preferred);
  }
  const numeric = rows?.find(
    (r) => r.kind === 'numeric' || (r.kind === 'added' && isNumber(r.head)),
  );
  return numeric?.key ?? (report ? Object.keys(report.metrics)[0] : undefined);
}

/**
 * What only a comment with a training run uses: run records, git's run refs, the registry (~100
 * KiB with the registry's validators), loaded then rather than at every start (issue 20).
 */
async function runsSide() {
  const [runs, record, baseline, settings, metrics] = await Promise.all([
    import('./comment-runs.js'),
    import('./record-run.js'),
    import('./registry-baseline.js'),
    import('../registry/settings.js'),
    import('../core/runs/metrics.js'),
  ]);
  return { ...runs, ...record, ...baseline, ...settings, ...metrics };
}

/** The registered baseline of the report (its version's run is linked); a registry that cannot be read is a warning. */
function baselineOf(
  registeredBaseline: Awaited<ReturnType<typeof runsSide>>['registeredBaseline'],
  dir: string,
  model: string,
  report: EvaluationReport | undefined,
  warn: (message: string) => void,
): { baseline?: RegisteredBaseline } {
  try {
    const baseline = registeredBaseline(dir, model, report?.baseline);
    return baseline ? { baseline } : {};
  } catch (e) {
    warn(`the baseline version's run is not linked: ${describeError(e)}`);
    return {};
  }
}

/** Renders the metric comparison for a PR and, with GitHub access, keeps it as one sticky comment. */
export async function runComment(opts: CommentOptions): Promise<CommentResult> {
  const log = opts.log ?? (() => {});
  const loaded = loadConfig(opts.config ?? DEFAULT_CONFIG_FILE, {
    explicit: opts.configExplicit ?? false,
  });
  const { name: model, model: modelConfig } = resolveModel(loaded, opts.model);
  const metricsConfig = mergedMetricsConfig(loaded.config.metrics, modelConfig.metrics);

  if (!opts.report && !opts.run && opts.base.length === 0 && opts.head.length === 0)
    throw new ModelciError('INPUT', 'nothing to compare', {
      hint: 'Give base and head metrics files (--base/--head, inputs `base`/`head`), an evaluation report (--report, input `report`) or a training run (--run, input `run`)',
    });
  let rows: MetricRow[] | undefined;
  if (opts.base.length || opts.head.length) {
    const base = readMetrics(opts.base, 'base');
    const head = readMetrics(opts.head, 'head');
    rows = diffMetrics(base, head, {
      directions: metricsConfig.directions,
      tolerance: metricsConfig.tolerance,
      relativeTolerance: metricsConfig.relative_tolerance,
    });
  }
  const report = opts.report
    ? // Its checks carry the data contract's report format: loaded when a report is given.
      (await import('../core/report/parse-evaluation-report.js')).parseEvaluationReport(
        readStructuredFile(opts.report, MAX_REPORT_BYTES),
        opts.report,
      )
    : undefined;

  const env = opts.env;
  const repository = opts.repository ?? env.repository;
  const headSha = env.headSha;
  const content: CommentContent = {
    model,
    workflow: opts.workflow ?? 'modelci',
    precision: loaded.config.comment?.precision ?? metricsConfig.precision,
    links: links(env, repository, headSha),
    ...(modelConfig.primary_metric ? { primaryMetric: modelConfig.primary_metric } : {}),
    ...(loaded.config.comment?.metrics ? { metrics: loaded.config.comment.metrics } : {}),
  };
  if (rows) content.rows = rows;
  if (report) content.report = report;
  const side = opts.run !== undefined ? await runsSide() : undefined;
  const runs =
    side && opts.run !== undefined
      ? await side.commentRuns({
          run: opts.run,
          ...(opts.baseRun !== undefined ? { baseRun: opts.baseRun } : {}),
          ...(env.baseBranch ? { baseBranch: env.baseBranch } : {}),
          model,
          ...baselineOf(
            side.registeredBaseline,
            side.registrySettings(loaded.config.registry).path,
            model,
            report,
            opts.warn ?? log,
          ),
          store: await side.runStoreAt(env.workspace, opts.processEnv),
          fetch: opts.fetchRuns ?? env.onRunner,
          ...(metricsConfig.directions ? { directions: metricsConfig.directions } : {}),
          ...(modelConfig.primary_metric ? { primaryMetric: modelConfig.primary_metric } : {}),
          ...(content.precision !== undefined ? { precision: content.precision } : {}),
          log,
          warn: opts.warn ?? log,
        })
      : undefined;
  if (runs) content.changes = runs.changes;
  if (side && runs && !opts.history) {
    // No history file: the base branch's runs are the history.
    const metric =
      chartMetric(
        rows,
        report,
        loaded.config.comment?.chart_metric ?? modelConfig.primary_metric,
      ) ?? [...side.runMetrics(runs.head).keys()][0];
    if (metric) {
      const head = side.runMetric(runs.head, metric)?.value ?? report?.metrics[metric]?.value;
      const points = side.runHistoryPoints(runs.history, metric);
      if (head !== undefined) points.push({ label: 'this PR', value: head });
      content.chart = { metric, points: points.slice(-MAX_CHART_POINTS) };
    }
  }
  if (opts.history) {
    const history = parseHistory(readStructuredFile(opts.history), opts.history);
    const metric = chartMetric(
      rows,
      report,
      loaded.config.comment?.chart_metric ?? modelConfig.primary_metric,
    );
    if (metric) {
      const headRow = rows?.find((r) => r.key === metric);
      const headValue =
        headRow &&
        (headRow.kind === 'numeric' || headRow.kind === 'added') &&
        isNumber(headRow.head)
          ? headRow.head
          : report?.metrics[metric]?.value;
      content.chart = {
        metric,
        points: historySeries(history, metric, {
          value: headValue,
          ...(headSha ? { commit: headSha } : {}),
        }),
      };
    }
  }

  const comment = renderComment(content);
  const summary = renderComment(content, { max: SUMMARY_MAX_BYTES, unit: 'utf8' });
  const result: CommentResult = {
    markdown: comment.markdown,
    summary: summary.markdown,
    regressions: comment.regressions,
    truncated: comment.truncated,
    action: 'printed',
    ...(report ? { report } : {}),
  };
  if (!opts.post || !env.token) return result;
  const posted = await postStickyComment({
    env,
    ...(repository ? { repository } : {}),
    ...(opts.pr !== undefined ? { pr: opts.pr } : {}),
    marker: commentMarker(model, content.workflow),
    body: comment.markdown,
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    log,
  });
  return { ...result, ...posted };
}

function links(
  env: RunEnvironment,
  repository: Repository | undefined,
  sha: string | undefined,
): CommentLinks {
  const out: CommentLinks = {};
  if (sha) {
    out.sha = sha;
    if (repository) out.commitUrl = `${env.serverUrl}/${repository.fullName}/commit/${sha}`;
  }
  // The run's URL belongs to the run's repository, not to the one commented on.
  if (env.runUrl && (!repository || repository.fullName === env.repository?.fullName))
    out.runUrl = env.runUrl;
  return out;
}
