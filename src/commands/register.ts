import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ModelConfig } from '../config/schema/index.js';
import { ModelciError } from '../core/errors.js';
import { versionTag } from '../core/registry/gto-tags.js';
import { pushRetryPolicy } from '../git/push-retry.js';
import { modelTagGlobs } from '../registry/gto-tags.js';
import { warnProblems } from '../registry/problems.js';
import { checkName, type Bump } from '../core/registry/names.js';
import type { ModelRecord, VersionRecord } from '../core/registry/records.js';
import { commitMessage } from '../core/registry/trailers.js';
import { allocateVersion } from '../core/registry/versioning.js';
import type { EvaluationReport, ModelSignature } from '../core/report/evaluation-report.js';
import type { GitHubClient } from '../github/client.js';
import { readEvaluationReport } from '../registry/evaluation-input.js';
import { layout } from '../registry/layout.js';
import { recordToYaml } from '../registry/record-file.js';
import { openRegistry } from '../registry/registry.js';
import { registrySettings } from '../registry/settings.js';
import { signatureOf } from '../registry/signature.js';
import { commitRegistryChange } from '../registry/transaction.js';
import { fingerprintFile } from '../store/artifact-store.js';
import { storeForWrite } from '../store/index.js';
import type { RunContext } from '../registry/run-context.js';
import { prepareWrite, type RegistryWriteOptions } from './registry-write.js';
import { readSmokeSamplesFile } from '../deploy/smoke.js';
import { isProfilePath, profileFile, readProfile } from './profile.js';
import { writeOutputFile } from '../data/output-file.js';
import type { RunRecord } from '../core/runs/record.js';
import { runStoreAt } from './record-run.js';
import { trainingRunOf } from './training-run.js';

export interface RegisterOptions extends RegistryWriteOptions {
  artifact: string;
  version?: string;
  bump?: Bump;
  /** Evaluation report JSON: metrics, gates, dataset fingerprints, signature, params. */
  report?: string;
  /**
   * Data (CSV/JSONL/Parquet) or a profile JSON to store as the version's drift reference
   * (`profiles/<X.Y.Z>.json`), usually the training data.
   */
  profileData?: string;
  /** Quantile sketch size of that profile (drift.sketch_size). */
  sketchSize?: number;
  /** Smoke samples recorded by evaluate, stored as `smoke/<X.Y.Z>.jsonl` for deploy's smoke test. */
  smokeSamples?: string;
  /** The model's entry in modelci.yaml (task, primary metric, owners) for model.yaml. */
  modelConfig?: ModelConfig;
  params?: Record<string, unknown>;
  /**
   * The training run that wrote the artifact (`lineage.run`): a run id or prefix, a run.json, or
   * `none`; default, the run.json `train` wrote beside the artifact when it wrote this very file.
   */
  run?: string;
  github?: { client: GitHubClient; repository?: string };
}

export interface RegisterResult {
  model: string;
  version: string;
  /** `unchanged` when the same content was already registered (a re-run). */
  status: 'registered' | 'unchanged';
  reason: string;
  file: string;
  commit?: string;
  pushed: boolean;
  attempts: number;
  tags: string[];
  artifact: VersionRecord['artifact'];
}

function formatOf(file: string): string {
  const ext = extname(file).slice(1).toLowerCase();
  return ext || 'binary';
}

/** Registers a model artifact as a new immutable version: one commit, optionally pushed. */
export async function runRegister(opts: RegisterOptions): Promise<RegisterResult> {
  const env = opts.env ?? process.env;
  const now = opts.now ?? (() => new Date());
  const settings = registrySettings(opts.config);
  const model = checkName(opts.model);
  if (opts.version && opts.bump)
    throw new ModelciError('USAGE', 'give either a version or a bump, not both');
  const fp = await fingerprintFile(opts.artifact);
  const report = opts.report ? readEvaluationReport(opts.report) : undefined;
  if (report) checkReport(report, opts.report!, model, fp.sha256);
  const signature: ModelSignature | undefined = await signatureOf(opts.artifact, report);
  const run = await trainingRunOf({
    run: opts.run,
    artifact: opts.artifact,
    sha256: fp.sha256,
    store: await runStoreAt(opts.cwd ?? process.cwd(), env),
    warn: (line) => opts.log?.(line),
    purpose: 'no training run recorded in the lineage',
  });
  if (run) opts.log?.(`the artifact was trained by run ${run.record.id}`);
  // A model onnxruntime cannot load must not become a version: checked before anything is written.
  if (/\.onnx$/i.test(opts.artifact)) {
    const { checkOnnxLoads } = await import(
      /* webpackChunkName: "onnx-session" */ '../onnx/session.js'
    );
    await checkOnnxLoads(opts.artifact);
  }
  // Profiled once, before the transaction: its plan may run again after a lost push race.
  const profile = opts.profileData
    ? await referenceProfile(opts.profileData, opts.sketchSize)
    : undefined;
  if (profile)
    opts.log?.(`profiled ${opts.profileData} (${profile.rows} rows) as the drift reference`);
  // Checked before anything is written: a broken samples file must not land in the registry.
  const smoke = opts.smokeSamples ? readSmokeSamplesFile(opts.smokeSamples).text : undefined;
  const { checkout, ctx } = await prepareWrite(opts);
  const remote = opts.remote ?? 'origin';
  let file = '';
  let artifactRef: VersionRecord['artifact'] | undefined;

  const tx = await commitRegistryChange<{ version: string; reason: string }>({
    checkout,
    command: `register ${model}`,
    models: [model],
    push: opts.push ?? false,
    remote,
    retry: pushRetryPolicy(settings.pushAttempts, env),
    ...(opts.log ? { log: opts.log } : {}),
    plan: async ({ dir, attempt }) => {
      const reg = openRegistry(dir);
      warnProblems(reg, model, attempt === 1 ? opts.warn : undefined, checkout.relDir);
      const existing = reg.listVersions(model);
      const latestV = existing[existing.length - 1];
      const latest = latestV ? reg.getVersion(model, latestV) : undefined;
      const store = storeForWrite({
        registryDir: dir,
        config: settings.store,
        cacheDir: dir,
        ...(opts.github ? { github: opts.github } : {}),
      });
      const uri = await store.put(opts.artifact, {
        model,
        version: opts.version ?? 'next',
        fileName: basename(opts.artifact).replace(/[^\w.-]/g, '_'),
        sha256: fp.sha256,
        bytes: fp.bytes,
      });
      artifactRef = { uri, sha256: fp.sha256, bytes: fp.bytes, format: formatOf(opts.artifact) };
      const candidate = buildRecord(
        model,
        artifactRef,
        signature,
        report,
        opts.params,
        ctx,
        latestV,
        now(),
        run?.record,
        profile ? { ...profile, data: opts.profileData! } : undefined,
      );
      const explicit = opts.version ? reg.hasVersion(model, opts.version) : false;
      const alloc = allocateVersion({
        existing,
        ...(latest ? { latest } : {}),
        candidate,
        ...(opts.version ? { version: opts.version } : {}),
        ...(opts.bump ? { bump: opts.bump } : {}),
        defaultBump: settings.bump,
        ...(explicit ? { existingRecord: reg.getVersion(model, opts.version!) } : {}),
      });
      file = layout.versionFile(checkout.dir, model, alloc.version);
      const result = { version: alloc.version, reason: alloc.reason };
      if (alloc.kind === 'existing') return { noop: result };
      const modelFile = layout.modelFile(dir, model);
      const versionFile = reg.versionFile(model, alloc.version);
      const files = [versionFile];
      const { lineage, created_at, created_by, reference_profile, ...head } = candidate;
      const record: VersionRecord = {
        ...head,
        version: alloc.version,
        ...(reference_profile
          ? { reference_profile: { ...reference_profile, path: `profiles/${alloc.version}.json` } }
          : {}),
        lineage,
        created_at,
        created_by,
      };
      if (profile) {
        const profilePath = layout.profileFile(dir, model, alloc.version);
        writeOutputFile(profilePath, profile.text);
        files.push(profilePath);
      }
      if (smoke) {
        const smokePath = layout.smokeFile(dir, model, alloc.version);
        writeOutputFile(smokePath, smoke);
        files.push(smokePath);
      }
      if (!existsSync(modelFile)) {
        writeOutputFile(modelFile, recordToYaml(modelRecord(model, opts.modelConfig, now())));
        files.push(modelFile);
      }
      if (uri.startsWith('git:')) files.push(join(dir, uri.slice('git:'.length)));
      writeOutputFile(versionFile, recordToYaml(record));
      return {
        message: commitMessage(`Register ${model} ${alloc.version}`, alloc.reason, {
          model,
          version: alloc.version,
          action: 'register',
          actor: ctx.actor,
          ...(ctx.runUrl ? { run: ctx.runUrl } : {}),
        }),
        // GTO reads a version tag as "registered at this commit": the register commit itself.
        tags: settings.tags
          ? [
              {
                name: versionTag(model, alloc.version),
                message: `Registering ${model} version ${alloc.version}`,
              },
            ]
          : [],
        result,
        files,
      };
    },
    ...(settings.tags && (opts.push ?? false) ? { tagGlobs: modelTagGlobs(model) } : {}),
  });
  return {
    model,
    version: tx.result.version,
    status: tx.commit ? 'registered' : 'unchanged',
    reason: tx.result.reason,
    file,
    ...(tx.commit ? { commit: tx.commit } : {}),
    pushed: tx.pushed,
    attempts: tx.attempts,
    tags: tx.tags,
    artifact: artifactRef!,
  };
}

/**
 * The data profiled as the version's drift reference: the flag/input when given (`none` turns it
 * off), else the model's training data when the file is there.
 */
export function profileDataFor(
  given: string | undefined,
  model: ModelConfig | undefined,
  log?: (msg: string) => void,
): string | undefined {
  if (given === 'none' || given === 'false') return undefined;
  if (given) return given;
  const train = model?.data?.train;
  if (train && existsSync(train)) return train;
  // Configured but absent (data not checked out?): not an error, but drift will need a reference.
  // Without data.train there is nothing to say: registering bare artifacts is a normal use.
  if (train)
    log?.(
      `no drift reference stored: data.train (${train}) is not here; pass profile-data to store one`,
    );
  return undefined;
}

async function referenceProfile(
  data: string,
  sketchSize: number | undefined,
): Promise<{ text: string; sha256: string; rows: number }> {
  const profile = isProfilePath(data)
    ? readProfile(data)
    : (await profileFile(data, sketchSize !== undefined ? { sketchSize } : {})).profile;
  const text = JSON.stringify(profile.toJSON()) + '\n';
  return { text, sha256: createHash('sha256').update(text).digest('hex'), rows: profile.rows };
}

function checkReport(report: EvaluationReport, file: string, model: string, sha256: string): void {
  if (report.model_name && report.model_name !== model)
    throw new ModelciError(
      'INPUT',
      `the evaluation report is for model "${report.model_name}", not "${model}"`,
      {
        file,
        path: 'model_name',
      },
    );
  if (report.candidate.model.sha256 !== sha256)
    throw new ModelciError(
      'INPUT',
      'the evaluation report was computed on a different artifact (sha256 differs)',
      {
        file,
        path: 'candidate.model.sha256',
        hint: 'Register the file that was evaluated, or evaluate this file again',
      },
    );
}

function buildRecord(
  model: string,
  artifact: VersionRecord['artifact'],
  signature: ModelSignature | undefined,
  report: EvaluationReport | undefined,
  params: Record<string, unknown> | undefined,
  ctx: RunContext,
  parent: string | undefined,
  at: Date,
  run: RunRecord | undefined,
  profile: { text: string; sha256: string; rows: number; data: string } | undefined,
): Omit<VersionRecord, 'version'> {
  // The run answers "which params, which data" when the report does not.
  const p =
    params ??
    report?.candidate.params ??
    (run && Object.keys(run.params).length ? run.params : undefined);
  const training = report?.dataset.training_data ?? run?.data.train;
  return {
    schema: 'modelci/version@1',
    model,
    artifact,
    ...(signature ? { signature } : {}),
    ...(report ? { metrics: report.metrics } : {}),
    ...(report
      ? {
          evaluation_data: {
            path: report.dataset.path,
            sha256: report.dataset.sha256,
            bytes: report.dataset.bytes,
            ...(report.dataset.rows !== undefined ? { rows: report.dataset.rows } : {}),
          },
        }
      : {}),
    ...(report?.gates ? { gates: report.gates } : {}),
    ...(report?.data_checks
      ? {
          data_checks: {
            contract: report.data_checks.contract,
            passed: report.data_checks.passed,
            errors: report.data_checks.errors,
            warnings: report.data_checks.warnings,
          },
        }
      : {}),
    ...(report?.slices?.length
      ? {
          slices: report.slices.map((sl) => ({
            column: sl.column,
            value: sl.value,
            rows: sl.rows,
            metrics: sl.metrics,
          })),
        }
      : {}),
    ...(p ? { params: p } : {}),
    ...(training ? { training_data: training } : {}),
    // Part of the content a re-run compares (its path names the version, so it is set later).
    ...(profile
      ? {
          reference_profile: {
            path: 'profiles/next.json',
            sha256: profile.sha256,
            bytes: Buffer.byteLength(profile.text),
            data: profile.data,
            rows: profile.rows,
          },
        }
      : {}),
    lineage: {
      ...(ctx.commit ? { commit: ctx.commit } : {}),
      ...(ctx.ref ? { ref: ctx.ref } : {}),
      ...(ctx.runUrl ? { run_url: ctx.runUrl } : {}),
      ...(ctx.pullRequest ? { pull_request: ctx.pullRequest } : {}),
      ...(parent ? { parent_version: parent } : {}),
      ...(run ? { run: run.id } : {}),
    },
    created_at: at.toISOString(),
    created_by: ctx.actor,
  };
}

function modelRecord(name: string, cfg: ModelConfig | undefined, at: Date): ModelRecord {
  return {
    schema: 'modelci/model@1',
    name,
    ...(cfg?.task ? { task: cfg.task } : {}),
    ...(cfg?.primary_metric ? { primary_metric: cfg.primary_metric } : {}),
    ...(cfg?.owners?.length ? { owners: cfg.owners } : {}),
    ...(cfg?.description ? { description: cfg.description } : {}),
    created_at: at.toISOString(),
  };
}
