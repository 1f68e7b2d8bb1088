import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedRequests } from '../../../src/core/serve/prediction-rows.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import {
  clfRequest,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';

const CAP = 64 * 1024;
let t: TestServer;
let dir: string;
let file: string;
let log: PredictionLog;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelci-plog-bound-'));
  file = join(dir, 'predictions.jsonl');
  log = new PredictionLog(file, CAP);
  t = await startTestServer({ predictionLog: log, features: { clf: ['a', 'b', 'c', 'd'] } });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, 1, 2, 3]);
const size = () => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

describe('bounded prediction log', () => {
  it('refuses a huge id before anything is logged or echoed', async () => {
    const res = await postJson(
      `${t.url}/v2/models/clf/infer`,
      clfRequest(rows(1000), { id: 'x'.repeat(50_000) }),
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: '"id" is 50000 characters long; at most 256 are accepted' });
    await log.flush();
    expect(size()).toBe(0);
  });

  it('writes the id once per request and at most the byte cap per request', async () => {
    const id = 'i'.repeat(256);
    const res = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest(rows(1000), { id }));
    expect(res.status).toBe(200);
    await log.flush();
    const text = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(CAP);
    expect(text.split(id).length - 1).toBe(1);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Rows in order from the first; the rest counted as dropped.
    expect(lines.map((l) => l._row)).toEqual(lines.map((_, i) => i));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.length).toBeLessThan(1000);
    const [request] = loggedRequests(lines);
    expect(request).toMatchObject({ id, model: 'clf', version: '1.0.0', role: 'stable' });
    expect(request!.rows).toHaveLength(lines.length);
    const fams = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text());
    const logged = Object.fromEntries(
      fams
        .get('modelci_serve_prediction_log_rows_total')!
        .samples.map((s) => [s.labels.outcome, s.value]),
    );
    expect(logged).toEqual({ written: lines.length, dropped: 1000 - lines.length });
  });

  it('keeps each request under the cap, whatever the client sends', async () => {
    const before = size();
    await postJson(`${t.url}/v2/models/clf/infer`, clfRequest(rows(5000), { id: 'y'.repeat(256) }));
    await log.flush();
    expect(size() - before).toBeLessThanOrEqual(CAP);
    expect(size() - before).toBeGreaterThan(CAP / 2);
  });
});
