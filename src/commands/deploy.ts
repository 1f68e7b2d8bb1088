import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EnvironmentConfig } from '../config/schema/deploy.js';
import { describeError, ModelciError } from '../core/errors.js';
import type { VersionRecord } from '../core/registry/records.js';
import { readSmokeSamples, runSmokeTest, type SmokeResult } from '../deploy/smoke.js';
import { createTarget } from '../deploy/targets/index.js';
import type { DeployTarget, TargetContext, TargetResult } from '../deploy/targets/target.js';
import type { GitHubClient } from '../github/client.js';
import {
  createDeployment,
  deactivateSuperseded,
  setDeploymentStatus,
  type Repo,
} from '../github/deployments.js';
import { openRegistry, type Registry, type RegistryOptions } from '../registry/index.js';
import { renderRolloutPlan, rolloutPlan, type RolloutSettings } from '../core/deploy/rollout.js';
import { ServerAdmin } from '../deploy/server-admin.js';
import { DEFAULT_SERVER_URL } from '../deploy/targets/server.js';
import type { ModelSettings } from './compare-live.js';
import { progressiveRollout, rolloutSettings, type RolloutResult } from './rollout.js';
import { layout } from '../registry/layout.js';

export interface DeployGitHub {
  client: GitHubClient;
  repo: Repo;
  /** The commit being deployed (the registry commit that moved the stage pointer). */
  ref: string;
  /** A deployment the job's `environment:` key already created: add statuses, create none. */
  deploymentId?: number;
  /** Link to the workflow run, shown on the deployment. */
  logUrl?: string;
}

export interface DeployOptions {
  model: string;
  environment: string;
  registryDir: string;
  registryOptions?: RegistryOptions;
  /** Deploy this version instead of the one the stage pointer names. */
  version?: string;
  /** The container image of that version (the gitops target writes it into manifests). */
  image?: string;
  /** The environment's config (`environments.<env>`); `{}` means the built-in server defaults. */
  config: EnvironmentConfig;
  /** Folder relative config paths are resolved against (the repository root). */
  cwd: string;
  github?: DeployGitHub;
  /** Roll back to the previous version when the target or the smoke test fails (default true). */
  rollback?: boolean;
  /** Overrides the target the config names (tests, custom embeddings). */
  target?: DeployTarget;
  /** Say what would happen (the rollout plan) and change nothing. */
  dryRun?: boolean;
  /** The model's analysis settings for the rollout's log checks (modelci.yaml). */
  analysis?: ModelSettings;
  log?: (line: string) => void;
}

/** planned: a dry run, nothing changed. */
export type DeployOutcome = 'success' | 'rolled-back' | 'failed' | 'planned';

export interface DeployResult {
  model: string;
  environment: string;
  version: string;
  sha256: string;
  previousVersion: string | undefined;
  outcome: DeployOutcome;
  /** Where the model answers (deployment `environment_url`). */
  url: string | undefined;
  deploymentId: number | undefined;
  /** Earlier deployments marked inactive. */
  inactive: number[];
  target: string;
  targetDetail: string | undefined;
  smoke: SmokeResult | undefined;
  /** Why it failed, when it did. */
  failure: string | undefined;
  rolledBackTo: string | undefined;
  rollbackFailure: string | undefined;
  /** A server process the target left running. */
  pid: number | undefined;
  /** The progressive canary's steps, when `environments.<env>.rollout` ran. */
  rollout?: RolloutResult;
  /** What a dry run would do. */
  plan?: string;
  /** The version loaded as a shadow (`environments.<env>.shadow`), or why it could not be. */
  shadow?: { version: string } | { failure: string };
}

function previousOf(
  reg: Registry,
  model: string,
  stage: string,
  version: string,
): string | undefined {
  const pointer = reg.getStage(model, stage);
  if (!pointer) return undefined;
  return pointer.version === version ? pointer.previous : pointer.version;
}

/**
 * Deploys one model version to one environment: resolve the version from the stage pointer,
 * verify the artifact, record a GitHub Deployment (queued -> in_progress -> success/failure), run
 * the target, smoke-test, and on failure roll back to the previous version. Superseded
 * deployments become inactive. Failures are results (outcome), not exceptions, once recorded.
 */
export async function runDeploy(o: DeployOptions): Promise<DeployResult> {
  const log = o.log ?? (() => {});
  const stage = o.config.stage ?? o.environment;
  const reg = openRegistry(o.registryDir, o.registryOptions);
  const version =
    o.version ??
    reg.getStage(o.model, stage)?.version ??
    (() => {
      throw new ModelciError('REGISTRY', `model "${o.model}" has no "${stage}" stage pointer`, {
        hint: `Promote a version first (modelci promote ${o.model} --stage ${stage}) or pass a version`,
      });
    })();
  const record = reg.getVersion(o.model, version);
  const artifactPath = await reg.readArtifact(record);
  log(
    `deploying ${o.model} ${version} (sha256 ${record.artifact.sha256.slice(0, 12)}…) to ${o.environment}`,
  );
  const previous = previousOf(reg, o.model, stage, version);
  const timeoutMs = (o.config.timeout_minutes ?? 10) * 60_000;
  const target = o.target ?? createTarget(o.environment, o.config, o.cwd);
  // Samples are recorded per version at evaluation: `{model}` and `{version}` in the path; without
  // a configured path, the ones stored with the version at registration (smoke/<X.Y.Z>.jsonl).
  const samplesFor = (v: string) => {
    if (o.config.smoke?.samples)
      return readSmokeSamples(
        resolve(
          o.cwd,
          o.config.smoke.samples.replaceAll('{model}', o.model).replaceAll('{version}', v),
        ),
      );
    const stored = layout.smokeFile(reg.dir, o.model, v);
    return existsSync(stored) ? readSmokeSamples(stored) : undefined;
  };
  const samples = samplesFor(version);

  const rollout = o.config.rollout
    ? rolloutSettings(o.config.rollout, `environments.${o.environment}.rollout`)
    : undefined;
  for (const key of ['rollout', 'shadow'] as const)
    if (o.config[key] !== undefined && target.kind !== 'server')
      throw new ModelciError('CONFIG', `${key} needs the server target (target: server)`, {
        path: `environments.${o.environment}.${key}`,
      });
  const base = (o.config.url ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
  const admin = target.kind === 'server' ? new ServerAdmin(base) : undefined;
  if (o.dryRun)
    return planOnly(o, {
      version,
      sha256: record.artifact.sha256,
      previous,
      target,
      rollout,
      admin,
      base,
    });

  const gh = o.github;
  let deploymentId = gh?.deploymentId;
  const status = async (
    state: 'queued' | 'in_progress' | 'success' | 'failure' | 'error',
    description: string,
    url?: string,
  ) => {
    if (!gh || deploymentId === undefined) return;
    await setDeploymentStatus(gh.client, gh.repo, deploymentId, {
      state,
      description,
      ...(url ? { environmentUrl: url } : {}),
      ...(gh.logUrl ? { logUrl: gh.logUrl } : {}),
    });
  };
  if (gh && deploymentId === undefined) {
    deploymentId = await createDeployment(gh.client, gh.repo, {
      ref: gh.ref,
      environment: o.environment,
      description: `${o.model} ${version}`,
      payload: {
        model: o.model,
        version,
        sha256: record.artifact.sha256,
        artifact: record.artifact.uri,
        ...(previous ? { previous_version: previous } : {}),
      },
      productionEnvironment: o.environment === 'production',
    });
    log(`recorded deployment ${deploymentId} for ${o.environment}`);
    await status('queued', `${o.model} ${version} queued`);
  }

  const result: DeployResult = {
    model: o.model,
    environment: o.environment,
    version,
    sha256: record.artifact.sha256,
    previousVersion: previous,
    outcome: 'success',
    url: o.config.url,
    deploymentId,
    inactive: [],
    target: target.kind,
    targetDetail: undefined,
    smoke: undefined,
    failure: undefined,
    rolledBackTo: undefined,
    rollbackFailure: undefined,
    pid: undefined,
  };

  const contextFor = (rec: VersionRecord, path: string): TargetContext => ({
    model: o.model,
    version: rec.version,
    sha256: rec.artifact.sha256,
    artifactPath: path,
    artifactUri: rec.artifact.uri,
    environment: o.environment,
    url: o.config.url,
    timeoutMs,
    log,
  });
  const smoke = async (url: string | undefined, v: string): Promise<SmokeResult | undefined> => {
    if (!samples) return undefined;
    if (!url)
      throw new ModelciError('CONFIG', 'the smoke test needs the environment URL', {
        path: `environments.${o.environment}.url`,
      });
    return runSmokeTest({
      url,
      model: o.model,
      // Only the built-in server reports the registry version; other servers label their own.
      ...(target.kind === 'server' ? { version: v } : {}),
      samples,
      ...(o.config.smoke?.count ? { count: o.config.smoke.count } : {}),
      tolerance: o.config.smoke?.tolerance ?? 1e-4,
      ...(o.config.smoke?.latency_ms ? { latencyMs: o.config.smoke.latency_ms } : {}),
      readyTimeoutMs: Math.min(timeoutMs, 60_000),
      log,
    });
  };

  try {
    await status('in_progress', `deploying ${o.model} ${version} with the ${target.kind} target`);
    let deployed: TargetResult | undefined;
    try {
      const current = rollout && admin ? await answering(admin, o.model) : undefined;
      if (rollout && admin && current && current.stable !== version) {
        const r = await progressiveRollout({
          model: o.model,
          source: { uri: artifactPath, version, sha256: record.artifact.sha256 },
          admin,
          stable: current.stable,
          settings: rollout,
          analysis: o.analysis ?? defaultAnalysis(),
          status: (description) => status('in_progress', description),
          log,
        });
        result.rollout = r;
        if (r.outcome === 'aborted') {
          // The canary took its share and failed a check; stable answers everything again.
          result.failure = r.failure;
          result.outcome = 'rolled-back';
          result.rolledBackTo = r.stable;
          result.url = base;
          log(`deploy failed: ${r.failure}`);
          await status('failure', `canary aborted, ${r.stable} serves: ${r.failure}`, base);
          return result;
        }
        deployed = {
          url: base,
          detail: `canary promoted to stable after ${r.steps.length} step${r.steps.length === 1 ? '' : 's'}`,
        };
      } else {
        if (rollout)
          log(`rollout: no other version of ${o.model} answers at ${base}: deploying directly`);
        deployed = await target.deploy({
          ...contextFor(record, artifactPath),
          ...(o.image ? { image: o.image } : {}),
        });
      }
      result.targetDetail = deployed.detail;
      result.url = deployed.url ?? o.config.url;
      result.pid = deployed.pid;
      result.smoke = await smoke(result.url, version);
      if (result.smoke && !result.smoke.passed)
        result.failure = `smoke test failed: ${result.smoke.checks
          .filter((c) => !c.passed)
          .map((c) => `${c.name}: ${c.detail}`)
          .join('; ')}`;
    } catch (e) {
      result.failure = `${target.kind} target failed: ${describeError(e)}`;
    }

    if (result.failure === undefined) {
      if (o.config.shadow && admin)
        result.shadow = await loadShadow(admin, reg, o.model, o.config.shadow, log);
      await status('success', `${o.model} ${version} is live`, result.url);
      if (gh && deploymentId !== undefined)
        result.inactive = await deactivateSuperseded(
          gh.client,
          gh.repo,
          o.environment,
          deploymentId,
        );
      log(
        `deployed ${o.model} ${version} to ${o.environment}${result.url ? ` at ${result.url}` : ''}`,
      );
      return result;
    }

    log(`deploy failed: ${result.failure}`);
    result.outcome = 'failed';
    if ((o.rollback ?? true) && previous) {
      try {
        const prev = reg.getVersion(o.model, previous);
        const prevPath = await reg.readArtifact(prev);
        log(`rolling back ${o.environment} to ${o.model} ${previous}`);
        const back = await target.deploy(contextFor(prev, prevPath));
        result.pid ??= back.pid;
        result.rolledBackTo = previous;
        result.outcome = 'rolled-back';
      } catch (e) {
        result.rollbackFailure = describeError(e);
        log(`rollback to ${previous} failed: ${result.rollbackFailure}`);
      }
    }
    // The outcome first: GitHub keeps 140 characters of a status description.
    const why =
      result.outcome === 'rolled-back'
        ? `rolled back to ${previous}: ${result.failure}`
        : `failed, not rolled back: ${result.failure}`;
    await status('failure', why, result.outcome === 'rolled-back' ? result.url : undefined);
    return result;
  } catch (e) {
    // A bug or a GitHub outage mid-way: leave the deployment in a terminal state, then report.
    await status('error', `deploy stopped: ${describeError(e)}`).catch(() => {});
    throw e;
  }
}

/**
 * The versions answering for the model at the server, or undefined when no server answers there
 * (yet) or it does not serve the model: then the target deploys directly. A server that answers
 * with an error (a wrong API key, say) stops the deployment instead: a configured rollout must not
 * quietly become a hot swap of all traffic.
 */
async function answering(
  admin: ServerAdmin,
  model: string,
): Promise<{ stable: string; canary: string | undefined } | undefined> {
  try {
    return await admin.versions(model);
  } catch (e) {
    if (e instanceof ModelciError) throw e;
    return undefined;
  }
}

/** Analysis settings when the caller gave none: evaluate's defaults. */
function defaultAnalysis(): ModelSettings {
  return { label: 'label', bootstrap: { resamples: 1000, seed: 42, confidence: 0.95 } };
}

/**
 * `environments.<env>.shadow`: the registry version loaded beside the deployed one. A shadow is
 * an observer: when it cannot be loaded the deployment still stands, and the result says why.
 */
async function loadShadow(
  admin: ServerAdmin,
  reg: Registry,
  model: string,
  ref: string,
  log: (line: string) => void,
): Promise<{ version: string } | { failure: string }> {
  try {
    const record = reg.resolve(model, ref);
    const path = await reg.readArtifact(record);
    await admin.loadShadow(model, {
      uri: path,
      version: record.version,
      sha256: record.artifact.sha256,
    });
    log(`shadow: ${model} ${record.version} runs every request beside the answers`);
    return { version: record.version };
  } catch (e) {
    const failure = describeError(e);
    log(`shadow ${ref} not loaded: ${failure}`);
    return { failure };
  }
}

/** A dry run: what the deployment would do, with the rollout plan; nothing is changed. */
async function planOnly(
  o: DeployOptions,
  p: {
    version: string;
    sha256: string;
    previous: string | undefined;
    target: DeployTarget;
    rollout: RolloutSettings | undefined;
    admin: ServerAdmin | undefined;
    base: string;
  },
): Promise<DeployResult> {
  const current = p.admin ? await answering(p.admin, o.model) : undefined;
  const plan = p.rollout
    ? renderRolloutPlan(rolloutPlan(p.rollout), {
        model: o.model,
        version: p.version,
        stable: current?.stable,
        url: p.base,
      })
    : `Deploy ${o.model} ${p.version} to ${o.environment} with the ${p.target.kind} target${current ? ` (${current.stable} answers at ${p.base} now)` : ''}; smoke test, then roll back to ${p.previous ?? 'nothing'} on failure.\n`;
  return {
    model: o.model,
    environment: o.environment,
    version: p.version,
    sha256: p.sha256,
    previousVersion: p.previous,
    outcome: 'planned',
    url: o.config.url,
    deploymentId: undefined,
    inactive: [],
    target: p.target.kind,
    targetDetail: undefined,
    smoke: undefined,
    failure: undefined,
    rolledBackTo: undefined,
    rollbackFailure: undefined,
    pid: undefined,
    plan: o.config.shadow ? `${plan}Then load ${o.config.shadow} as a shadow beside it.\n` : plan,
  };
}
