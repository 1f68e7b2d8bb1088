import { dirname } from 'node:path';
import { loadConfig, resolveModel } from '../../config/load.js';
import { uploadRunArtifact } from '../../github/artifact-upload.js';
import type { trainSpec } from '../../spec/commands/train.js';
import type { Parsed } from '../../spec/option-spec.js';
import { runTrain, type TrainRunRecord } from '../train.js';
import type { Invocation } from '../invocation.js';

export interface TrainInvocationResult {
  name: string;
  record: TrainRunRecord;
  /** The uploaded artifact's name, when the runner's artifact service took it. */
  artifact: string | undefined;
  /** The actions cache key holding the datasets, when saved (or already there). */
  dataCacheKey: string | undefined;
}

/** `modelci train` and the train action. */
export async function invokeTrain(
  { values: v, given }: Parsed<typeof trainSpec.options>,
  inv: Invocation,
): Promise<TrainInvocationResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const { name, model } = resolveModel(loaded, v.model);
  const record = await inv.group(`Train ${name}`, () =>
    runTrain({
      modelName: name,
      train: model.train ?? {},
      data: model.data ?? {},
      outputDir: v.outputDir ?? `modelci-train/${name}`,
      ...(v.timeoutMinutes !== undefined ? { timeoutMs: v.timeoutMinutes * 60_000 } : {}),
      log: inv.log,
    }),
  );
  // Both services exist only on a runner; elsewhere the command still succeeds and says so.
  const dataCacheKey = v.cacheData ? await cacheData(record, inv) : undefined;
  const artifact = v.uploadArtifact ? await uploadOutputs(name, record, inv) : undefined;
  return { name, record, artifact, dataCacheKey };
}

async function cacheData(record: TrainRunRecord, inv: Invocation): Promise<string | undefined> {
  const files = [record.data.train, record.data.holdout].filter((f) => f !== undefined);
  if (!files.length) return undefined;
  const key = `modelci-data-${record.model_name}-${files.map((f) => f.sha256.slice(0, 16)).join('-')}`;
  // @actions/cache loads only when the datasets are cached (most of a start-up otherwise).
  const { actionsCacheAvailable } = await import(
    /* webpackChunkName: "actions-cache" */ '../../github/actions-cache.js'
  );
  if (!actionsCacheAvailable()) {
    inv.log('actions cache service not available: datasets not cached');
    return undefined;
  }
  const cache = await import(/* webpackChunkName: "actions-cache" */ '@actions/cache');
  try {
    await cache.saveCache(
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
