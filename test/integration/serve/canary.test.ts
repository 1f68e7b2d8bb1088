import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loggedRequests } from '../../../src/core/serve/prediction-rows.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import {
  clfRequest,
  getJson,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { writeClassifier } from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';

let t: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ROW = [1, 2, 3, 4];

describe('canary', () => {
  it('refuses a canary whose inputs differ from the stable version, and keeps serving', async () => {
    t = await startTestServer();
    // Three features where the stable version takes four.
    const narrow = writeClassifier(join(t.dir, 'narrow.onnx'), {
      weights: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      bias: [0, 0],
    });
    const res = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: narrow, version: '3.0.0', canary_weight: 0.5 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(
      /cannot load "clf": .*version 3.0.0 of "clf" cannot serve beside 1.0.0: its inputs are input FP32 \[-1, 3\]; the served version takes input FP32 \[-1, 4\]/,
    );
    expect((await getJson(`${t.url}/v2/models/clf`)).json.versions).toEqual(['1.0.0']);
    for (let i = 0; i < 10; i++)
      expect(
        (await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW], { id: `r${i}` }))).status,
      ).toBe(200);
    const fams = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text());
    expect(
      fams
        .get('modelci_serve_model_loads_total')!
        .samples.find((s) => s.labels.outcome === 'failed')!.value,
    ).toBe(1);
  });

  it("re-weights the loaded canary without reloading it (a progressive rollout's next step)", async () => {
    t = await startTestServer();
    const loads = async () =>
      parsePrometheusText(await (await fetch(`${t!.url}/metrics`)).text())
        .get('modelci_serve_model_loads_total')!
        .samples.filter((s) => s.labels.outcome === 'success')
        .reduce((n, s) => n + s.value, 0);
    const load = `${t.url}/v2/repository/models/clf/load`;
    expect(
      (await postJson(load, { parameters: { uri: t.v2, version: '2.0.0', canary_weight: 0.1 } }))
        .status,
    ).toBe(200);
    const before = await loads();
    const step = await postJson(load, { parameters: { version: '2.0.0', canary_weight: 0.5 } });
    expect(step.status).toBe(200);
    expect(step.json).toEqual({ name: 'clf', version: '2.0.0', canary_weight: 0.5 });
    expect(await loads()).toBe(before);
    // The new share routes: 400 sequential ids at 0.5, binomial sd 10; 4 sd either side.
    let canary = 0;
    for (let i = 0; i < 400; i++) {
      const res = await postJson(
        `${t.url}/v2/models/clf/infer`,
        clfRequest([ROW], { id: `s${i}` }),
      );
      if (res.json.model_version === '2.0.0') canary++;
    }
    expect(Math.abs(canary - 200)).toBeLessThan(4 * Math.sqrt(400 * 0.25));
    // Another version without a file is not a re-weight: it needs a uri, and nothing changes.
    const other = await postJson(load, { parameters: { version: '3.0.0', canary_weight: 0.5 } });
    expect(other.status).toBe(400);
    expect((await getJson(`${t.url}/v2/models/clf`)).json.versions).toEqual(['1.0.0', '2.0.0']);
  });

  it('logs which arm answered each request, so the split can be recovered from the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelci-canary-log-'));
    dirs.push(dir);
    const file = join(dir, 'predictions.jsonl');
    const log = new PredictionLog(file);
    t = await startTestServer({ predictionLog: log });
    const load = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: t.v2, version: '2.0.0', canary_weight: 0.3 },
    });
    expect(load.status).toBe(200);
    const answered = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const res = await postJson(
        `${t.url}/v2/models/clf/infer`,
        clfRequest([ROW, ROW], { id: `req-${i}` }),
      );
      answered.set(`req-${i}`, res.json.model_version as string);
    }
    await log.flush();
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const requests = loggedRequests(rows);
    expect(requests).toHaveLength(300);
    for (const r of requests) {
      expect(r.rows).toHaveLength(2);
      expect(r.version).toBe(answered.get(r.id!));
      expect(r.role).toBe(r.version === '2.0.0' ? 'canary' : 'stable');
    }
    // Sequential ids split near the weight: 300 x 0.3 = 90, binomial sd 7.9; 4 sd either side.
    const canary = requests.filter((r) => r.role === 'canary').length;
    expect(Math.abs(canary - 90)).toBeLessThan(4 * Math.sqrt(300 * 0.3 * 0.7));
  });
});
