import { createActionsCache } from '../../github/actions-cache.js';
import { dirname } from 'node:path';
import { loadConfig, resolveModel } from '../../config/load.js';
import { uploadRunArtifact } from '../../github/artifact-upload.js';
import type { trainSpec } from '../../spec/commands/train.js';
import type { Parsed } from '../../spec/option-spec.js';
import { ModelciError } from '../../core/errors.js';
import { checkSerialisable, checkTag, isRunId } from '../../core/runs/record.js';
import { resolveRun } from '../../core/runs/select.js';
import type { RunStore } from '../../git/run-refs.js';
import { ciOf, defaultParent, recordRun, runStoreAt, type RecordedRun } from '../record-run.js';
import { runTrain, TrainFailure, type TrainRunRecord } from '../train.js';
import type { Invocation } from '../invocation.js';
import type { ValidationReport } from '../../core/contract/report.js';
import { runDataGate } from '../data-gate.js';

export interface TrainInvocationResult {
  name: string;
  record: TrainRunRecord;
  /** The uploaded artifact's name, when the runner's artifact service took it. */
  artifact: string | undefined;
  /** The actions cache key holding the datasets, when saved (or already there). */
  dataCacheKey: string | undefined;
  /** Where the run was kept in git (undefined with --no-record or outside a git checkout). */
  run: RecordedRun | undefined;
}

/** `modelci train` and the train action. */
export async function invokeTrain(
  { values: v, given }: Parsed<typeof trainSpec.options>,
  inv: Invocation,
  hooks: { onDataChecksFailed?: (report: ValidationReport) => Promise<void> } = {},
): Promise<TrainInvocationResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const { name, model } = resolveModel(loaded, v.model);
  // Refused before anything runs: the record must read back exactly what trained.
  checkSerialisable(model.train?.params ?? {}, `models.${name}.train.params`, loaded.file);
  const tags = [...new Set(v.tag.map(checkTag))];
  // The training and holdout data against the model's contract, before anything trains on them.
  await runDataGate(
    {
      step: 'train',
      config: v.config,
      configExplicit: given.has('config'),
      model: v.model,
      contract: v.contract,
    },
    inv,
    hooks.onDataChecksFailed,
  );
  const store = v.record ? await runStoreAt(inv.env.workspace, inv.processEnv) : undefined;
  // A job without a checkout is legitimate (data and command only): say it, do not warn.
  if (v.record && !store)
    inv.log(`${inv.env.workspace} is not a git checkout: the run is kept in run.json only`);
  const branch = inv.env.branch;
  const parent =
    v.parent !== undefined
      ? await parentRun(store, v.parent)
      : await defaultParent(
          store,
          name,
          branch ?? (await currentBranch(store)),
          inv.env.baseBranch,
        );
  const train = () =>
    runTrain({
      modelName: name,
      train: model.train ?? {},
      data: model.data ?? {},
      outputDir: v.outputDir ?? `modelci-train/${name}`,
      ...(v.timeoutMinutes !== undefined ? { timeoutMs: v.timeoutMinutes * 60_000 } : {}),
      log: inv.log,
      env: inv.processEnv,
      cwd: inv.env.workspace,
      run: {
        tags,
        ...(v.note !== undefined ? { note: v.note } : {}),
        ...(parent ? { parent } : {}),
        ...(branch ? { branch } : {}),
        ...(ciOf(inv.env) ? { ci: ciOf(inv.env)! } : {}),
      },
    });
  const keep = (record: Parameters<typeof recordRun>[0]) =>
    store
      ? recordRun(record, {
          store,
          push: given.has('push') ? v.push : undefined,
          remote: v.remote,
          env: inv.env,
          log: inv.log,
          warn: inv.warn,
        })
      : Promise.resolve(undefined);
  let record: TrainRunRecord;
  try {
    record = await inv.group(`Train ${name}`, train);
  } catch (e) {
    // A training that failed is recorded as failed (with its exit code), then fails the command.
    if (e instanceof TrainFailure) await keep(e.run);
    throw e;
  }
  const run = await keep(record);
  // Both services exist only on a runner; elsewhere the command still succeeds and says so.
  const dataCacheKey = v.cacheData ? await cacheData(record, inv) : undefined;
  const artifact = v.uploadArtifact ? await uploadOutputs(name, record, inv) : undefined;
  return { name, record, artifact, dataCacheKey, run };
}

async function currentBranch(store: RunStore | undefined): Promise<string | undefined> {
  return store ? store.git.currentBranch() : undefined;
}

/** `--parent`: a run id as given, or a prefix of one of the runs kept here. */
async function parentRun(store: RunStore | undefined, text: string): Promise<string> {
  if (isRunId(text)) return text;
  if (!store)
    throw new ModelciError('INPUT', `parent "${text}" is not a run id`, {
      hint: 'Give the full id (yyyymmdd-hhmmss-xxxxxx)',
    });
  return resolveRun((await store.list()).runs, text).record.id;
}

async function cacheData(record: TrainRunRecord, inv: Invocation): Promise<string | undefined> {
  const files = [record.data.train, record.data.holdout].filter((f) => f !== undefined);
  if (!files.length) return undefined;
  const key = `modelci-data-${record.model_name}-${files.map((f) => f.sha256.slice(0, 16)).join('-')}`;
  // @actions/cache itself loads only when the datasets are saved (actions-cache.ts).
  const cache = createActionsCache();
  if (!cache) {
    inv.log('actions cache service not available: datasets not cached');
    return undefined;
  }
  try {
    await cache.save(
      files.map((f) => f.path),
      key,
    );
  } catch (e) {
    // Same key saved by an earlier run (the data did not change) is the common case.
    inv.log(`datasets not cached (${(e as Error).message})`);
  }
  return key;
}

async function uploadOutputs(
  name: string,
  record: TrainRunRecord,
  inv: Invocation,
): Promise<string | undefined> {
  const files = [
    record.files.model,
    record.files.record,
    record.files.params,
    ...(record.files.metrics ? [record.files.metrics] : []),
  ];
  return uploadRunArtifact(
    `modelci-${name}`,
    files,
    dirname(record.files.record),
    { info: inv.log, warning: inv.warn },
    inv.env.serverUrl,
  );
}
