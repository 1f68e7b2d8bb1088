import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';
import { loadConfig, resolveModel } from '../../../src/config/load.js';
import { DEFAULT_THRESHOLDS } from '../../../src/core/drift/choose-test.js';
import { driftSchema } from '../../../src/config/schema/drift.js';
import { registrySettings } from '../../../src/registry/settings.js';

const dir = tempDir('modelci-resolve-');
let n = 0;
function write(text: string): string {
  const file = join(dir, `modelci-${n++}.yaml`);
  writeFileSync(file, text);
  return file;
}
const formatted = (fn: () => unknown): string => errorOf(fn).format();

describe('one resolved config', () => {
  it('merges top-level and per-model drift first, then applies defaults: a per-model section never hides a top-level setting', () => {
    const loaded = loadConfig(
      write(
        'version: 1\ndrift: { threshold: 0.3, sketch_size: 2000 }\nmodels:\n  a:\n    drift: { ignore: [id] }\n  b: {}\n',
      ),
    );
    const a = resolveModel(loaded, 'a').model.drift;
    expect(a).toMatchObject({
      threshold: 0.3,
      sketch_size: 2000,
      ignore: ['id'],
      missing_rate_tolerance: 0.1,
    });
    expect(resolveModel(loaded, 'b').model.drift).toMatchObject({
      threshold: 0.3,
      ignore: [],
      prediction_columns: [],
    });
  });

  it('fills every documented default of a model once: evaluate, train, data, owners', () => {
    const { model } = resolveModel(
      loadConfig(write('version: 1\nmodels:\n  m: { evaluate: { bootstrap: { seed: 7 } } }\n')),
      'm',
    );
    expect(model.evaluate).toEqual({
      slices: [],
      bootstrap: { resamples: 1000, seed: 7, confidence: 0.95 },
      batch_size: 16384,
      drop_invalid: false,
      latency_requests: 100,
    });
    expect(model.train).toMatchObject({
      seed: 42,
      timeout_minutes: 60,
      outputs: { model: 'model.onnx', metrics: 'metrics.json' },
    });
    expect(model.owners).toEqual([]);
    expect(model.configured).toBe(true);
  });

  it('merges metric directions from both levels', () => {
    const loaded = loadConfig(
      write(
        'version: 1\nmetrics: { directions: { a: lower }, tolerance: 0.01 }\nmodels:\n  m: { metrics: { directions: { b: higher } } }\n',
      ),
    );
    expect(resolveModel(loaded, 'm').model.metrics).toEqual({
      directions: { a: 'lower', b: 'higher' },
      tolerance: 0.01,
    });
  });

  it('keeps the schema defaults and the code that uses them equal', () => {
    const t = driftSchema.properties.thresholds.description;
    for (const v of Object.values(DEFAULT_THRESHOLDS)) expect(t).toContain(String(v));
    expect(registrySettings()).toMatchObject({
      path: 'registry',
      stages: ['staging', 'production'],
      pushAttempts: 20,
      store: { type: 'git', max_bytes: 10485760, release_tag: 'modelci-artifacts' },
    });
  });

  it('suggests the nearest key for a typo, and says when the config file is missing', () => {
    expect(
      formatted(() => loadConfig(write('version: 1\nmodels:\n  m: { primary_metrc: auc }\n'))),
    ).toMatch(/models\.m: unknown key "primary_metrc"\. Did you mean "primary_metric"\?/);
    const none = loadConfig(join(dir, 'absent.yaml'));
    expect(resolveModel(none).name).toBe('model');
    const two = loadConfig(write('version: 1\nmodels: { churn: {}, fraud: {} }\n'));
    expect(formatted(() => resolveModel(two))).toMatch(
      /several models in config \(churn, fraud\); say which one\. Pass the model name/,
    );
    expect(formatted(() => resolveModel(two, 'chrun'))).toMatch(
      /no model "chrun" in config\. Did you mean "churn"\? Known models: churn, fraud/,
    );
  });
});
