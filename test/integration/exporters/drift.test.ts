// The prediction log of corpus models, labelled, read back by the drift check: its prediction and
// score columns give the metrics scikit-learn computes on the same rows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../../src/commands/drift.js';
import type { MetadataTensor } from '../../../src/core/serve/protocol.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import { ModelServer } from '../../../src/serve/server.js';
import {
  corpusModel,
  corpusPath,
  holdoutLabels,
  holdoutRequest,
} from '../../harness/exporter-corpus.js';
import { getJson, postJson } from '../../harness/model-server.js';

const dir = mkdtempSync(join(tmpdir(), 'modelci-corpus-drift-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the model with a prediction log, sends every holdout row, joins the labels by row. */
async function labelledLog(file: string): Promise<string> {
  const m = corpusModel(file);
  const log = new PredictionLog(join(dir, `${file}.log.jsonl`));
  const server = new ModelServer({ port: 0, predictionLog: log });
  await server.load({ name: 'm', version: '1', file: corpusPath(file) });
  const url = await server.listen();
  const meta = (await getJson(`${url}/v2/models/m`)).json;
  const res = await postJson(`${url}/v2/models/m/infer`, {
    id: 'holdout',
    inputs: holdoutRequest(m, meta.inputs as MetadataTensor[]),
  });
  expect(res.status).toBe(200);
  await server.close();
  await log.close();
  const labels = holdoutLabels(m);
  const rows = readFileSync(log.file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(rows).toHaveLength(labels.length);
  const out = join(dir, `${file}.labelled.jsonl`);
  writeFileSync(
    out,
    rows.map((r) => JSON.stringify({ ...r, [m.label]: labels[r._row] })).join('\n') + '\n',
  );
  return out;
}

function config(task: string, label: string): string {
  const file = join(dir, `modelci-${task}-${label}.yaml`);
  writeFileSync(
    file,
    `version: 1\nmodels:\n  m:\n    task: ${task}\n    data: { label: ${label} }\n`,
  );
  return file;
}

async function performance(file: string, flags: { prediction?: string; score?: string }) {
  const m = corpusModel(file);
  const current = await labelledLog(file);
  const { json } = await runDrift({
    reference: current,
    current,
    config: config(m.task, m.label),
    configExplicit: true,
    performance: { label: m.label, ...flags },
  });
  const perf = json.performance!;
  expect(perf.rows.current).toBe(holdoutLabels(m).length);
  return { m, metrics: Object.fromEntries(perf.metrics.map((x) => [x.name, x.current])) };
}

describe("drift reads the corpus models' prediction columns", () => {
  it('skl2onnx ZipMap export: _out.output_label and _out.output_probability.1', async () => {
    const { m, metrics } = await performance('bc_random_forest.onnx', {
      prediction: '_out.output_label',
      score: '_out.output_probability.1',
    });
    for (const name of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss', 'brier'])
      expect(Math.abs(metrics[name]! - m.metrics[name]!), name).toBeLessThan(1e-6);
  });

  it('string class labels: _out.label holds the class names', async () => {
    const { m, metrics } = await performance('bc_extra_trees_strings.onnx', {
      prediction: '_out.label',
      score: '_out.probabilities.1',
    });
    for (const name of ['accuracy', 'f1', 'roc_auc', 'brier'])
      expect(Math.abs(metrics[name]! - m.metrics[name]!), name).toBeLessThan(1e-6);
  });

  it('one input per column: the features are logged by input name', async () => {
    const { m, metrics } = await performance('wine_columns_pipeline.onnx', {
      prediction: '_out.output_label',
    });
    expect(metrics.accuracy).toBe(m.metrics.accuracy);
    expect(Math.abs(metrics.f1_macro! - m.metrics.f1_macro!)).toBeLessThan(1e-12);
  });

  it('regression: the [N, 1] output is _out.variable.0', async () => {
    const { m, metrics } = await performance('wine_gradient_boosting_regressor.onnx', {
      prediction: '_out.variable.0',
    });
    for (const name of ['rmse', 'mae', 'r2'])
      expect(Math.abs(metrics[name]! - m.metrics[name]!), name).toBeLessThan(1e-6);
  });
});
