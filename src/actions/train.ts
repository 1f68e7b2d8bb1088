import { dirname } from 'node:path';
import * as core from './core.js';
import * as cache from '@actions/cache';
import { loadConfig, resolveModel } from '../config/load.js';
import { runTrain, type TrainRunRecord } from '../commands/train.js';
import { actionsCacheAvailable } from '../github/actions-cache.js';
import { uploadRunArtifact } from '../github/artifact-upload.js';
import { booleanInput, optionalInput, runAction } from './runtime.js';

await runAction(async () => {
  const settings = {
    config: optionalInput('config'),
    name: optionalInput('name'),
    outputDir: optionalInput('output-dir'),
    timeoutMinutes: optionalInput('timeout-minutes'),
    upload: booleanInput('upload-artifact', true),
    cacheData: booleanInput('cache-data', true),
  };
  const loaded = loadConfig(settings.config, {
    explicit: settings.config !== undefined && settings.config !== 'modelci.yaml',
  });
  const { name, model } = resolveModel(loaded, settings.name);

  core.startGroup(`Train ${name}`);
  const record = await runTrain({
    modelName: name,
    train: model.train ?? {},
    data: model.data ?? {},
    outputDir: settings.outputDir ?? `modelci-train/${name}`,
    ...(settings.timeoutMinutes ? { timeoutMs: Number(settings.timeoutMinutes) * 60_000 } : {}),
    log: (line) => core.info(line),
  });
  core.endGroup();

  core.setOutput('model', record.files.model);
  core.setOutput('run-record', record.files.record);
  core.setOutput('sha256', record.model.sha256);
  if (record.metrics) core.setOutput('metrics', JSON.stringify(record.metrics));
  await core.summary
    .addHeading(`modelci train: ${name}`, 3)
    .addTable([
      [
        { data: 'what', header: true },
        { data: 'value', header: true },
      ],
      ['trainer', record.trainer],
      ['model', `${record.model.bytes} bytes, sha256 ${record.model.sha256.slice(0, 12)}`],
      [
        'training data',
        record.data.train
          ? `${record.data.train.rows ?? '?'} rows, sha256 ${record.data.train.sha256.slice(0, 12)}`
          : 'n/a',
      ],
      ['duration', `${(record.duration_ms / 1000).toFixed(1)} s`],
    ])
    .write();

  // Both services exist only on a real runner; elsewhere the step still succeeds and says so.
  if (settings.cacheData) await cacheData(record);
  if (settings.upload) await uploadArtifact(name, record);
});

async function cacheData(record: TrainRunRecord): Promise<void> {
  const files = [record.data.train, record.data.holdout].filter((f) => f !== undefined);
  if (!files.length) return;
  const key = `modelci-data-${record.model_name}-${files.map((f) => f.sha256.slice(0, 16)).join('-')}`;
  if (!actionsCacheAvailable()) {
    core.info('actions cache service not available: datasets not cached');
    return;
  }
  try {
    await cache.saveCache(
      files.map((f) => f.path),
      key,
    );
    core.setOutput('data-cache-key', key);
  } catch (e) {
    // Same key saved by an earlier run (the data did not change) is the common case.
    core.info(`datasets not cached (${(e as Error).message})`);
    core.setOutput('data-cache-key', key);
  }
}

async function uploadArtifact(name: string, record: TrainRunRecord): Promise<void> {
  const files = [
    record.files.model,
    record.files.record,
    record.files.params,
    ...(record.files.metrics ? [record.files.metrics] : []),
  ];
  const uploaded = await uploadRunArtifact(
    `modelci-${name}`,
    files,
    dirname(record.files.record),
    core,
  );
  if (uploaded) core.setOutput('artifact', uploaded);
}
