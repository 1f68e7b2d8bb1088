import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSmokeSamples, runSmokeTest } from '../../../src/deploy/smoke.js';
import { recordSmokeSamples } from '../../../src/commands/smoke-samples.js';
import { SecretSet } from '../../../src/serve/secrets.js';
import { startTestServer, type TestServer } from '../../harness/model-server.js';
import { CLASSIFIER_V1, predictClassifier } from '../../harness/onnx-models.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ROWS = [
  [1, 2, 3, 4],
  [0, 0, 0, 1],
  [-2, 0.5, 1, 3],
  [3, -1, 0, 0],
];

async function samplesFor(server: TestServer, model: string): Promise<string> {
  const file = join(server.dir, 'smoke.jsonl');
  await recordSmokeSamples(
    model,
    ROWS.map((r) => [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: r }]),
    file,
  );
  return file;
}

describe('smoke test', () => {
  it('records samples whose outputs agree with an independent softmax', async () => {
    t = await startTestServer();
    const samples = readSmokeSamples(await samplesFor(t, t.v1));
    expect(samples).toHaveLength(4);
    samples.forEach((s, k) => {
      const ref = predictClassifier(CLASSIFIER_V1, ROWS[k]!);
      expect(s.outputs.label).toEqual([ref.label]);
      expect(s.outputs.probabilities![1]).toBeCloseTo(ref.probabilities[1]!, 6);
    });
  });

  it('passes against the version the samples were recorded with', async () => {
    t = await startTestServer();
    const samples = readSmokeSamples(await samplesFor(t, t.v1));
    const r = await runSmokeTest({
      url: t.url,
      model: 'clf',
      version: '1.0.0',
      samples,
      latencyMs: 10_000,
    });
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ['health', true],
      ['model ready', true],
      ['predictions', true],
      ['version', true],
      ['latency', true],
    ]);
    expect(r.passed).toBe(true);
    expect(r.latencies).toHaveLength(4);
  });

  it('sends the API key to a server that needs one', async () => {
    const key = 'smoke-key-0123456789';
    t = await startTestServer({ apiKeys: new SecretSet([{ plain: key }]) });
    const samples = readSmokeSamples(await samplesFor(t, t.v1));
    const without = await runSmokeTest({ url: t.url, model: 'clf', samples });
    expect(without.checks.find((c) => c.name === 'predictions')!.passed).toBe(false);
    const r = await runSmokeTest({ url: t.url, model: 'clf', samples, apiKey: key });
    expect(r.passed).toBe(true);
  });

  it('fails on different predictions, naming the sample and output', async () => {
    t = await startTestServer();
    const samples = readSmokeSamples(await samplesFor(t, t.v2));
    const r = await runSmokeTest({ url: t.url, model: 'clf', samples, count: 2 });
    expect(r.passed).toBe(false);
    const pred = r.checks.find((c) => c.name === 'predictions')!;
    expect(pred.detail).toMatch(
      /^2 of 2 predictions differ: sample line 1: output "probabilities"\[0\]/,
    );
  });

  it('fails the version and latency checks when they do not hold', async () => {
    t = await startTestServer();
    const samples = readSmokeSamples(await samplesFor(t, t.v1));
    const r = await runSmokeTest({
      url: t.url,
      model: 'clf',
      version: '2.0.0',
      samples,
      latencyMs: 0,
    });
    expect(r.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['version', 'latency']);
  });

  it('fails health when nothing listens, without throwing', async () => {
    t = await startTestServer();
    const samples = readSmokeSamples(await samplesFor(t, t.v1));
    const url = t.url;
    await t.close();
    t = undefined;
    const r = await runSmokeTest({ url, model: 'clf', samples, readyTimeoutMs: 300 });
    expect(r.passed).toBe(false);
    expect(r.checks).toEqual([
      { name: 'health', passed: false, detail: `${url} did not become ready` },
    ]);
  });

  it('rejects a malformed samples file with the line number', async () => {
    t = await startTestServer();
    const file = join(t.dir, 'bad.jsonl');
    writeFileSync(file, '{"inputs":[{"name":"input"}],"outputs":{"label":[0]}}\n{"inputs": 3}\n');
    expect(() => readSmokeSamples(file)).toThrow(/"inputs" must be a non-empty list/);
    try {
      readSmokeSamples(file);
    } catch (e) {
      expect((e as { format(): string }).format()).toMatch(/bad.jsonl: row 2: /);
    }
  });
});
