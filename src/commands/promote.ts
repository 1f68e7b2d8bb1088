import type { RegistryConfig } from '../config/schema/registry.js';
import { ModelciError } from '../core/errors.js';
import { deprecatedVersionTag, nextStageNumber, stageTag } from '../core/registry/gto-tags.js';
import { checkName } from '../core/registry/names.js';
import {
  checkStage,
  decidePromotion,
  rollbackTarget,
  type CheckState,
} from '../core/registry/promotion.js';
import type { StagePointer, VersionRecord } from '../core/registry/records.js';
import { commitMessage } from '../core/registry/trailers.js';
import type { Git } from '../git/git.js';
import type { GitHubClient } from '../github/client.js';
import { readRequiredChecks } from '../github/commit-checks.js';
import { openCheckout, type RegistryCheckout } from '../registry/checkout.js';
import { layout } from '../registry/layout.js';
import { recordToYaml } from '../registry/record-file.js';
import { openRegistry, type Registry } from '../registry/registry.js';
import { runContext, type RunContext } from '../registry/run-context.js';
import { registrySettings, type RegistrySettings } from '../registry/settings.js';
import { commitRegistryChange, retryPolicy, type WritePlan } from '../registry/transaction.js';
import { promoteByPullRequest, type PromotionPullRequest } from '../registry/promotion-pr.js';
import { writeOutputFile } from '../data/output-file.js';

export interface StageWriteOptions {
  registry?: string;
  model: string;
  stage: string;
  reason?: string;
  push?: boolean;
  remote?: string;
  config?: RegistryConfig;
  /** Overrides registry.promotion. */
  mode?: 'commit' | 'pull-request';
  github?: { client: GitHubClient; repository: string };
  context?: Partial<RunContext>;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  log?: (msg: string) => void;
}

export interface PromoteOptions extends StageWriteOptions {
  /** `1.2.0`, `@1.2.0`, `#staging` (what another stage holds) or `latest`. */
  version: string;
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

interface Prepared {
  settings: RegistrySettings;
  checkout: RegistryCheckout;
  ctx: RunContext;
  model: string;
  stage: string;
}

async function prepare(opts: StageWriteOptions): Promise<Prepared> {
  const env = opts.env ?? process.env;
  const settings = registrySettings(opts.config);
  const model = checkName(opts.model);
  checkStage(settings.stages, opts.stage);
  const checkout = await openCheckout(opts.registry ?? settings.path, {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(settings.branch ? { branch: settings.branch } : {}),
    env,
  });
  const ctx = runContext(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
  return { settings, checkout, ctx, model, stage: opts.stage };
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

function pointerFor(
  p: Prepared,
  version: string,
  current: StagePointer | undefined,
  at: Date,
  reason: string | undefined,
  rollback: boolean,
): StagePointer {
  return {
    schema: 'modelci/stage@1',
    model: p.model,
    stage: p.stage,
    version,
    ...(current ? { previous: current.version } : {}),
    promoted_at: at.toISOString(),
    promoted_by: p.ctx.actor,
    ...(reason ? { reason } : {}),
    ...(p.ctx.runUrl ? { run_url: p.ctx.runUrl } : {}),
    ...(rollback ? { rollback: true } : {}),
  };
}

type StagePlan =
  | WritePlan<{ version: string; previous?: string }>
  | { noop: { version: string; previous?: string } };

/** Builds the plan that moves a stage, re-evaluated on every attempt against the registry as it is. */
function stagePlanner(
  p: Prepared,
  opts: StageWriteOptions,
  dir: string,
  git: Git,
  pick: (reg: Registry, current: StagePointer | undefined) => string,
  rollback: boolean,
) {
  const checks = checksReader(opts, p.settings);
  const now = opts.now ?? (() => new Date());
  return async (): Promise<StagePlan> => {
    const reg = openRegistry(dir);
    const current = reg.getStage(p.model, p.stage);
    const version = pick(reg, current);
    const record = reg.getVersion(p.model, version);
    const pointers = reg.listStages(p.model);
    const decision = decidePromotion({
      stages: p.settings.stages,
      stage: p.stage,
      record,
      pointers,
      requirePreviousStage: p.settings.requirePreviousStage,
      requireDataChecks: p.settings.requireDataChecks,
      checks: rollback ? [] : await checks(record),
      rollback,
    });
    const result = { version, ...(current ? { previous: current.version } : {}) };
    if (decision.action === 'noop') return { noop: result };
    if (decision.action === 'refuse')
      throw new ModelciError(
        'GATE',
        `cannot ${rollback ? 'roll back' : 'promote'} ${p.model} ${version} to ${p.stage}: ${decision.reasons.join('; ')}`,
        { hint: 'Nothing was written' },
      );
    const stageFile = layout.stageFile(dir, p.model, p.stage);
    writeOutputFile(
      stageFile,
      recordToYaml(pointerFor(p, version, current, now(), opts.reason, rollback)),
    );
    const verb = rollback ? 'Roll back' : 'Promote';
    const tags = p.settings.tags
      ? [
          {
            name: stageTag(
              p.model,
              p.stage,
              nextStageNumber(p.model, p.stage, await git.tags(`${p.model}#${p.stage}*`)),
            ),
            message: `Assigning stage ${p.stage} to ${p.model} version ${version}`,
          },
        ]
      : [];
    return {
      message: commitMessage(
        `${verb} ${p.model} ${version} to ${p.stage}`,
        [current ? `${p.stage} held ${current.version}.` : `${p.stage} held nothing.`, opts.reason]
          .filter(Boolean)
          .join(' '),
        {
          model: p.model,
          version,
          stage: p.stage,
          action: rollback ? 'rollback' : 'promote',
          actor: p.ctx.actor,
          ...(p.ctx.runUrl ? { run: p.ctx.runUrl } : {}),
        },
      ),
      tags,
      result,
      files: [stageFile],
    };
  };
}

async function moveStage(
  opts: StageWriteOptions,
  pick: (reg: Registry, current: StagePointer | undefined) => string,
  rollback: boolean,
): Promise<StageChangeResult> {
  const p = await prepare(opts);
  const { checkout } = p;
  const mode = opts.mode ?? p.settings.promotion;
  const remote = opts.remote ?? 'origin';
  if (mode === 'pull-request') {
    if (!opts.github)
      throw new ModelciError('INPUT', 'promotion by pull request needs a GitHub token', {
        hint: 'Pass a token (GITHUB_TOKEN)',
      });
    const pr = await promoteByPullRequest({
      checkout,
      remote,
      model: p.model,
      stage: p.stage,
      github: opts.github,
      identity: checkout.identity,
      plan: (dir, git) => stagePlanner(p, opts, dir, git, pick, rollback)(),
      ...(opts.log ? { log: opts.log } : {}),
    });
    return {
      model: p.model,
      stage: p.stage,
      version: pr.result.version,
      previous: pr.result.previous,
      status: pr.pullRequest ? 'pull-request' : 'unchanged',
      pushed: Boolean(pr.pullRequest),
      attempts: 1,
      tags: [],
      ...(pr.pullRequest ? { pullRequest: pr.pullRequest } : {}),
    };
  }
  const tx = await commitRegistryChange({
    git: checkout.git,
    paths: [checkout.relDir],
    push: opts.push ?? false,
    remote,
    branch: checkout.branch,
    retry: retryPolicy(p.settings.pushAttempts, opts.env ?? process.env),
    ...(checkout.identity ? { identity: checkout.identity } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    plan: stagePlanner(p, opts, checkout.dir, checkout.git, pick, rollback),
  });
  return {
    model: p.model,
    stage: p.stage,
    version: tx.result.version,
    previous: tx.result.previous,
    status: tx.commit ? 'moved' : 'unchanged',
    ...(tx.commit ? { commit: tx.commit } : {}),
    pushed: tx.pushed,
    attempts: tx.attempts,
    tags: tx.tags,
  };
}

/** Moves a stage pointer to a version after its gates, required checks and stage order pass. */
export function runPromote(opts: PromoteOptions): Promise<StageChangeResult> {
  return moveStage(opts, (reg) => reg.resolveVersion(opts.model, opts.version), false);
}

export interface RollbackOptions extends StageWriteOptions {
  /** Version to go back to; default: the version the stage held before. */
  to?: string;
}

/** Points a stage back at the version it held before (or `to`). */
export function runRollback(opts: RollbackOptions): Promise<StageChangeResult> {
  return moveStage(
    opts,
    (reg, current) =>
      rollbackTarget(current, opts.to ? reg.resolveVersion(opts.model, opts.to) : undefined),
    true,
  );
}

export interface DeprecateOptions extends Omit<StageWriteOptions, 'stage' | 'mode'> {
  version: string;
}

export interface DeprecateResult {
  model: string;
  version: string;
  status: 'deprecated' | 'unchanged';
  commit?: string;
  pushed: boolean;
  tags: string[];
}

/** Marks a version deprecated: it can no longer be promoted. Refused while a stage holds it. */
export async function runDeprecate(opts: DeprecateOptions): Promise<DeprecateResult> {
  const env = opts.env ?? process.env;
  const settings = registrySettings(opts.config);
  const model = checkName(opts.model);
  const now = opts.now ?? (() => new Date());
  const checkout = await openCheckout(opts.registry ?? settings.path, {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(settings.branch ? { branch: settings.branch } : {}),
    env,
  });
  const ctx = runContext(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
  const tx = await commitRegistryChange<{ version: string }>({
    git: checkout.git,
    paths: [checkout.relDir],
    push: opts.push ?? false,
    remote: opts.remote ?? 'origin',
    branch: checkout.branch,
    retry: retryPolicy(settings.pushAttempts, env),
    ...(checkout.identity ? { identity: checkout.identity } : {}),
    plan: async () => {
      const reg = openRegistry(checkout.dir);
      const version = reg.resolveVersion(model, opts.version);
      const record = reg.getVersion(model, version);
      if (record.deprecated) return { noop: { version } };
      const holding = Object.values(reg.listStages(model))
        .filter((s) => s.version === version)
        .map((s) => s.stage);
      if (holding.length)
        throw new ModelciError(
          'REGISTRY',
          `cannot deprecate ${model} ${version}: ${holding.join(' and ')} still hold${holding.length === 1 ? 's' : ''} it`,
          {
            hint: 'Promote another version to those stages (or roll back) first',
          },
        );
      const updated: VersionRecord = {
        ...record,
        deprecated: {
          at: now().toISOString(),
          by: ctx.actor,
          ...(opts.reason ? { reason: opts.reason } : {}),
        },
      };
      writeOutputFile(reg.versionFile(model, version), recordToYaml(updated));
      return {
        message: commitMessage(`Deprecate ${model} ${version}`, opts.reason, {
          model,
          version,
          action: 'deprecate',
          actor: ctx.actor,
          ...(ctx.runUrl ? { run: ctx.runUrl } : {}),
        }),
        tags: settings.tags
          ? [
              {
                name: deprecatedVersionTag(model, version),
                message: `Deprecating ${model} version ${version}`,
              },
            ]
          : [],
        result: { version },
        files: [reg.versionFile(model, version)],
      };
    },
  });
  return {
    model,
    version: tx.result.version,
    status: tx.commit ? 'deprecated' : 'unchanged',
    ...(tx.commit ? { commit: tx.commit } : {}),
    pushed: tx.pushed,
    tags: tx.tags,
  };
}
