import { loadConfig } from '../../config/load.js';
import { ModelciError } from '../../core/errors.js';
import { liveMarker } from '../../core/report/marker.js';
import type { compareLiveSpec } from '../../spec/commands/compare-live.js';
import type { Parsed } from '../../spec/option-spec.js';
import { modelSettingsOf, runCompareLive, type CompareLiveResult } from '../compare-live.js';
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
  const settings = (model: string) =>
    modelSettingsOf(loaded, model, {
      ...(v.task !== undefined ? { task: v.task } : {}),
      ...(v.label !== undefined ? { label: v.label } : {}),
      ...(v.resamples !== undefined ? { resamples: v.resamples } : {}),
      ...(v.seed !== undefined ? { seed: v.seed } : {}),
      ...(v.confidence !== undefined ? { confidence: v.confidence } : {}),
    });
  const workflow = inv.env.workflow ?? 'modelci';
  const result = await runCompareLive({
    log: v.log,
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.since !== undefined ? { since: v.since } : {}),
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
