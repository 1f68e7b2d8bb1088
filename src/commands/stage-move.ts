import { writeOutputFile } from '../data/output-file.js';
import { ModelciError } from '../core/errors.js';
import { decidePromotion, nextHistory, type CheckState } from '../core/registry/promotion.js';
import type { StagePointer, VersionRecord } from '../core/registry/records.js';
import { commitMessage } from '../core/registry/trailers.js';
import { pushRetryPolicy } from '../git/push-retry.js';
import type { GitHubClient } from '../github/client.js';
import { readRequiredChecks } from '../github/commit-checks.js';
import { modelTagGlobs, stageMoveTags } from '../registry/gto-tags.js';
import { layout } from '../registry/layout.js';
import { warnProblems } from '../registry/problems.js';
import { promoteByPullRequest, type PromotionPullRequest } from '../registry/promotion-pr.js';
import { recordToYaml } from '../registry/record-file.js';
import { openRegistry, type Registry } from '../registry/registry.js';
import { prepareWrite, type Prepared, type RegistryWriteOptions } from './registry-write.js';
import type { RegistrySettings } from '../registry/settings.js';
import { commitRegistryChange, type PlanContext, type WritePlan } from '../registry/transaction.js';

/** What promote and rollback share: which stage of which model, and how to write it. */
export interface StageWriteOptions extends RegistryWriteOptions {
  stage: string;
  reason?: string;
  /** Overrides registry.promotion. */
  mode?: 'commit' | 'pull-request';
  github?: { client: GitHubClient; repository: string };
}

export interface StageChangeResult {
  model: string;
  stage: string;
  version: string;
  previous: string | undefined;
  /** `moved`: committed (and pushed); `unchanged`: the stage already held it; `pull-request`. */
  status: 'moved' | 'unchanged' | 'pull-request';
  commit?: string;
  pushed: boolean;
  attempts: number;
  tags: string[];
  pullRequest?: PromotionPullRequest;
}

/** Check states by commit, asked once per run even when a lost race re-plans. */
function checksReader(opts: StageWriteOptions, settings: RegistrySettings) {
  const cache = new Map<string, Promise<CheckState[]>>();
  return (record: VersionRecord): Promise<CheckState[]> => {
    const names = settings.requiredChecks;
    if (!names.length) return Promise.resolve([]);
    const sha = record.lineage.commit;
    if (!sha)
      return Promise.resolve(
        names.map((name) => ({
          name,
          state: 'missing' as const,
          detail: 'the version records no commit',
        })),
      );
    if (!opts.github)
      throw new ModelciError(
        'INPUT',
        `required checks (${names.join(', ')}) need a GitHub token to read`,
        {
          hint: 'Pass a token (GITHUB_TOKEN) or remove registry.required_checks',
        },
      );
    let p = cache.get(sha);
    if (!p)
      cache.set(
        sha,
        (p = readRequiredChecks(opts.github.client, opts.github.repository, sha, names)),
      );
    return p;
  };
}

/** How a stage move picks its version: promote names one, rollback walks the pointer's history. */
export type PickVersion = (
  reg: Registry,
  current: StagePointer | undefined,
) => { version: string; rollback: boolean };

type StagePlan =
  | WritePlan<{ version: string; previous?: string }>
  | { noop: { version: string; previous?: string } };

/** Builds the plan that moves a stage, re-evaluated on every attempt against the registry as it is. */
function stagePlanner(
  p: Prepared,
  opts: StageWriteOptions,
  pick: PickVersion,
  gto: { tags: boolean; remote?: string },
) {
  const checks = checksReader(opts, p.settings);
  const now = opts.now ?? (() => new Date());
  const stage = opts.stage;
  const last = p.settings.stages[p.settings.stages.length - 1] === stage;
  return async ({ dir, base, git, attempt }: PlanContext): Promise<StagePlan> => {
    const reg = openRegistry(dir);
    warnProblems(reg, p.model, attempt === 1 ? opts.warn : undefined, p.checkout.relDir);
    const current = reg.getStage(p.model, stage);
    // A pointer at a version that is gone is no version to keep in the history or roll back to.
    const held = current && reg.hasVersion(p.model, current.version) ? current : undefined;
    const { version, rollback } = pick(reg, held);
    const record = reg.getVersion(p.model, version);
    const decision = decidePromotion({
      stages: p.settings.stages,
      stage,
      record,
      pointers: reg.listStages(p.model),
      requirePreviousStage: p.settings.requirePreviousStage,
      requireEvaluation: p.settings.requireEvaluation,
      requireDataChecks: p.settings.requireDataChecks,
      checks: rollback ? [] : await checks(record),
      rollback,
    });
    const result = { version, ...(held ? { previous: held.version } : {}) };
    if (decision.action === 'noop') return { noop: result };
    if (decision.action === 'refuse')
      throw new ModelciError(
        'GATE',
        `cannot ${rollback ? 'roll back' : 'promote'} ${p.model} ${version} to ${stage}: ${decision.reasons.join('; ')}`,
        { hint: 'Nothing was written' },
      );
    // The switch shows where auditors look: the pointer and the commit's trailers.
    const waived = last && !p.settings.requireEvaluation;
    const pointer: StagePointer = {
      schema: 'modelci/stage@1',
      model: p.model,
      stage,
      version,
      ...(held ? { previous: held.version } : {}),
      promoted_at: now().toISOString(),
      promoted_by: p.ctx.actor,
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(p.ctx.runUrl ? { run_url: p.ctx.runUrl } : {}),
      ...(rollback ? { rollback: true } : {}),
      ...nextHistory(held, version, rollback),
      ...(waived ? { evaluation_required: false } : {}),
    };
    const stageFile = layout.stageFile(dir, p.model, stage);
    writeOutputFile(stageFile, recordToYaml(pointer));
    const tags = gto.tags
      ? await stageMoveTags(git, {
          base,
          relDir: p.checkout.relDir,
          model: p.model,
          stage,
          from: held?.version,
          to: version,
          ...(gto.remote ? { remote: gto.remote } : {}),
        })
      : [];
    return {
      message: commitMessage(
        `${rollback ? 'Roll back' : 'Promote'} ${p.model} ${version} to ${stage}`,
        [held ? `${stage} held ${held.version}.` : `${stage} held nothing.`, opts.reason]
          .filter(Boolean)
          .join(' '),
        {
          model: p.model,
          version,
          stage,
          action: rollback ? 'rollback' : 'promote',
          actor: p.ctx.actor,
          ...(p.ctx.runUrl ? { run: p.ctx.runUrl } : {}),
          ...(waived ? { evaluationRequired: false } : {}),
        },
      ),
      tags,
      result,
      files: [stageFile],
    };
  };
}

/** Moves a stage pointer by commit (pushed with the race rules) or by promotion pull request. */
export async function moveStage(
  opts: StageWriteOptions,
  pick: PickVersion,
  verb: string,
): Promise<StageChangeResult> {
  const p = await prepareWrite(opts, opts.stage);
  const { checkout } = p;
  const mode = opts.mode ?? p.settings.promotion;
  const remote = opts.remote ?? 'origin';
  if (mode === 'pull-request') {
    if (!opts.github)
      throw new ModelciError('INPUT', 'promotion by pull request needs a GitHub token', {
        hint: 'Pass a token (GITHUB_TOKEN)',
      });
    // No GTO tags for a proposal: the stage moves only if and when the pull request is merged.
    const planner = stagePlanner(p, opts, pick, { tags: false });
    const pr = await promoteByPullRequest({
      checkout,
      remote,
      model: p.model,
      stage: opts.stage,
      github: opts.github,
      plan: (ctx) => planner(ctx),
      ...(opts.log ? { log: opts.log } : {}),
    });
    return {
      model: p.model,
      stage: opts.stage,
      version: pr.result.version,
      previous: pr.result.previous,
      status: pr.pullRequest ? 'pull-request' : 'unchanged',
      pushed: Boolean(pr.pullRequest),
      attempts: 1,
      tags: [],
      ...(pr.pullRequest ? { pullRequest: pr.pullRequest } : {}),
    };
  }
  const push = opts.push ?? false;
  const tx = await commitRegistryChange({
    checkout,
    command: `${verb} ${p.model} ${opts.stage}`,
    models: [p.model],
    push,
    remote,
    retry: pushRetryPolicy(p.settings.pushAttempts, opts.env ?? process.env),
    ...(p.settings.tags && push ? { tagGlobs: modelTagGlobs(p.model) } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    plan: stagePlanner(p, opts, pick, { tags: p.settings.tags, ...(push ? { remote } : {}) }),
  });
  return {
    model: p.model,
    stage: opts.stage,
    version: tx.result.version,
    previous: tx.result.previous,
    status: tx.commit ? 'moved' : 'unchanged',
    ...(tx.commit ? { commit: tx.commit } : {}),
    pushed: tx.pushed,
    attempts: tx.attempts,
    tags: tx.tags,
  };
}
