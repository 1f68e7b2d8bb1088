import { loadConfig, resolvedModel } from '../../config/load.js';
import { ModelciError } from '../../core/errors.js';
import { liveMarker } from '../../core/report/marker.js';
import type { compareLiveSpec } from '../../spec/commands/compare-live.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runCompareLive, type CompareLiveResult, type ModelSettings } from '../compare-live.js';
import { repositoryOf } from '../github-access.js';
import { optionName, type Invocation } from '../invocation.js';
import { postStickyComment, type StickyOutcome } from '../sticky-post.js';

/**
 * `modelci compare-live` and its action: the analysis with the model's settings from modelci.yaml
 * (options over them), and with `comment` the sticky pull request comment.
 */
export async function invokeCompareLive(
  { values: v, given }: Parsed<typeof compareLiveSpec.options>,
  inv: Invocation,
): Promise<CompareLiveResult & { posted: StickyOutcome | undefined }> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const needs = (flag: string, other: string) =>
    new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      `${optionName(inv, flag)} needs ${optionName(inv, other)}`,
    );
  if (v.joinRow !== undefined && v.labels === undefined) throw needs('join-row', 'labels');
  if (v.pr !== undefined && !v.comment) throw needs('pr', 'comment');
  const settings = (model: string): ModelSettings => {
    // A model the config does not know still gets the defaults (a log of another repository).
    const m = resolvedModel(loaded, loaded.config.models[model]);
    const boot = m.evaluate.bootstrap;
    return {
      ...((v.task ?? m.task) ? { task: v.task ?? m.task! } : {}),
      label: v.label ?? m.data.label ?? 'label',
      bootstrap: {
        resamples: v.resamples ?? boot?.resamples ?? 1000,
        seed: v.seed ?? boot?.seed ?? 42,
        confidence: v.confidence ?? boot?.confidence ?? 0.95,
      },
      ...(m.primary_metric ? { primaryMetric: m.primary_metric } : {}),
      ...(m.metrics.directions ? { directions: m.metrics.directions } : {}),
      ...(m.metrics.tolerance !== undefined ? { tolerance: m.metrics.tolerance } : {}),
      ...(m.metrics.relative_tolerance !== undefined
        ? { relativeTolerance: m.metrics.relative_tolerance }
        : {}),
      ...((loaded.config.comment?.precision ?? m.metrics.precision)
        ? { precision: (loaded.config.comment?.precision ?? m.metrics.precision)! }
        : {}),
    };
  };
  const workflow = inv.env.workflow ?? 'modelci';
  const result = await runCompareLive({
    log: v.log,
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.labels !== undefined
      ? {
          labels: {
            file: v.labels,
            join: v.join,
            ...(v.label !== undefined ? { label: v.label } : {}),
            ...(v.joinRow !== undefined ? { row: v.joinRow } : {}),
          },
        }
      : {}),
    ...(v.prediction !== undefined ? { prediction: v.prediction } : {}),
    ...(v.probabilities.length ? { probabilities: v.probabilities } : {}),
    ...(v.canaryWeight !== undefined ? { canaryWeight: v.canaryWeight } : {}),
    settings,
    ...(v.report !== undefined ? { report: v.report } : {}),
    ...(v.markdown !== undefined ? { markdown: v.markdown } : {}),
    ...(v.comment ? { marker: (model: string) => liveMarker(model, workflow) } : {}),
  });
  let posted: StickyOutcome | undefined;
  if (v.comment) {
    if (!inv.env.token)
      throw new ModelciError(
        inv.surface === 'cli' ? 'USAGE' : 'INPUT',
        `${optionName(inv, 'comment')} needs a token`,
        { hint: inv.surface === 'cli' ? 'Set GITHUB_TOKEN (or GH_TOKEN)' : 'Set input "token"' },
      );
    const repository = repositoryOf(inv, v.repository);
    posted = await postStickyComment({
      env: inv.env,
      ...(repository ? { repository } : {}),
      ...(v.pr !== undefined ? { pr: v.pr } : {}),
      marker: liveMarker(result.report.model, workflow),
      body: result.markdown,
      log: inv.log,
    });
  }
  return { ...result, posted };
}
