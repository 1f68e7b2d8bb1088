import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmokeTest } from '../../../src/deploy/smoke.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import {
  clfRequest,
  getJson,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { CLASSIFIER_V1, predictClassifier } from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';
import { tempDir } from '../../harness/temp.js';

let t: TestServer;
let logFile: string;
let predictionLog: PredictionLog;

beforeAll(async () => {
  logFile = join(tempDir('modelci-plog-'), 'predictions.jsonl');
  predictionLog = new PredictionLog(logFile);
  t = await startTestServer({
    maxBodyBytes: 64 * 1024,
    predictionLog,
    features: { clf: ['a', 'b', 'c', 'd'] },
  });
});
afterAll(() => t.close());

const rows = [
  [1, 2, 3, 4],
  [0, 0, 0, 1],
  [-2, 0.5, 1, 3],
];

/** Raw HTTP exchange, for bodies fetch will not send (bad length, no content-length). */
function raw(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('Open Inference Protocol conformance', () => {
  it('answers health and server metadata', async () => {
    expect(await getJson(`${t.url}/v2/health/live`)).toEqual({ status: 200, json: { live: true } });
    expect(await getJson(`${t.url}/v2/health/ready`)).toEqual({
      status: 200,
      json: { ready: true },
    });
    const meta = await getJson(`${t.url}/v2`);
    expect(meta.status).toBe(200);
    expect(meta.json).toMatchObject({ name: 'modelci', extensions: ['model_repository'] });
    expect(typeof meta.json.version).toBe('string');
  });

  it('describes the model from its ONNX signature', async () => {
    const expected = {
      name: 'clf',
      versions: ['1.0.0'],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 4] }],
      outputs: [
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 2] },
        { name: 'label', datatype: 'INT64', shape: [-1] },
      ],
    };
    expect(await getJson(`${t.url}/v2/models/clf`)).toEqual({ status: 200, json: expected });
    expect(await getJson(`${t.url}/v2/models/clf/versions/1.0.0`)).toEqual({
      status: 200,
      json: expected,
    });
    expect(await getJson(`${t.url}/v2/models/clf/ready`)).toEqual({
      status: 200,
      json: { name: 'clf', ready: true },
    });
    expect((await getJson(`${t.url}/v2/models/nope/ready`)).status).toBe(400);
    expect(await getJson(`${t.url}/v2/models/nope`)).toEqual({
      status: 404,
      json: { error: 'unknown model "nope"' },
    });
    expect((await getJson(`${t.url}/v2/models/clf/versions/9.9.9`)).json.error).toMatch(
      /no version "9.9.9".*loaded: 1.0.0/,
    );
  });

  it('infers with nested data, echoes the id, and matches an independent softmax', async () => {
    const res = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest(rows, { id: 'req-42' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ model_name: 'clf', model_version: '1.0.0', id: 'req-42' });
    const outputs = res.json.outputs as {
      name: string;
      shape: number[];
      datatype: string;
      data: number[];
    }[];
    expect(outputs.map((o) => [o.name, o.datatype, o.shape])).toEqual([
      ['probabilities', 'FP32', [3, 2]],
      ['label', 'INT64', [3]],
    ]);
    const expected = rows.map((r) => predictClassifier(CLASSIFIER_V1, r));
    outputs[0]!.data.forEach((p, k) =>
      expect(p).toBeCloseTo(expected[Math.floor(k / 2)]!.probabilities[k % 2]!, 6),
    );
    expect(outputs[1]!.data).toEqual(expected.map((e) => e.label));
  });

  it('accepts flat data, the versioned route, and returns only the requested outputs', async () => {
    const res = await postJson(`${t.url}/v2/models/clf/versions/1.0.0/infer`, {
      inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }],
      outputs: [{ name: 'label' }],
    });
    expect(res.status).toBe(200);
    expect(res.json).not.toHaveProperty('id');
    expect(res.json.outputs).toEqual([{ name: 'label', datatype: 'INT64', shape: [1], data: [0] }]);
  });

  it('rejects bad requests with 4xx and an {"error"} body', async () => {
    const infer = `${t.url}/v2/models/clf/infer`;
    const cases: [unknown, number, RegExp][] = [
      ['{"inputs": [', 400, /malformed JSON/],
      [
        { inputs: [{ name: 'input', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] },
        400,
        /shape \[1, 3\], but the model expects \[-1, 4\]/,
      ],
      [
        { inputs: [{ name: 'input', shape: [1, 4], datatype: 'INT64', data: [1, 2, 3, 4] }] },
        400,
        /datatype INT64, but the model expects FP32/,
      ],
      [
        { inputs: [{ name: 'x', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }] },
        400,
        /unknown input "x"/,
      ],
      [
        { inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3] }] },
        400,
        /3 values/,
      ],
    ];
    for (const [body, status, pattern] of cases) {
      const res = await postJson(infer, body);
      expect(res.status).toBe(status);
      expect(Object.keys(res.json)).toEqual(['error']);
      expect(res.json.error).toMatch(pattern);
    }
    expect((await postJson(`${t.url}/v2/models/nope/infer`, clfRequest(rows))).status).toBe(404);
    const get = await fetch(infer);
    expect(get.status).toBe(405);
    expect((await getJson(`${t.url}/v3/x`)).status).toBe(404);
  });

  it('answers 413 to oversized bodies, declared or streamed, and keeps serving', async () => {
    const big = JSON.stringify(clfRequest(Array.from({ length: 8000 }, () => [1, 2, 3, 4])));
    expect(big.length).toBeGreaterThan(64 * 1024);
    const declared = await postJson(`${t.url}/v2/models/clf/infer`, big);
    expect(declared.status).toBe(413);
    expect(declared.json.error).toMatch(/larger than 65536 bytes/);
    const { port } = new URL(t.url);
    const chunked = await raw(
      t.url,
      `POST /v2/models/clf/infer HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1.1 413/);
    expect((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest(rows))).status).toBe(200);
  });

  it('logs one JSONL row per prediction with features by name', async () => {
    await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([[5, 6, 7, 8]], { id: 'logged' }));
    await predictionLog.flush();
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const row = lines.find((l) => l._id === 'logged');
    const expected = predictClassifier(CLASSIFIER_V1, [5, 6, 7, 8]);
    expect(row).toMatchObject({
      _model: 'clf',
      _version: '1.0.0',
      _row: 0,
      a: 5,
      b: 6,
      c: 7,
      d: 8,
      '_out.label': expected.label,
    });
    expect(row['_out.probabilities.1']).toBeCloseTo(expected.probabilities[1]!, 6);
    expect(Number.isNaN(Date.parse(row._ts))).toBe(false);
    // Rejected requests are not predictions.
    expect(lines.every((l) => typeof l._version === 'string')).toBe(true);
  });

  it('answers the deploy smoke test but leaves its requests out of the prediction log', async () => {
    const res = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([[1, 1, 2, 2]]));
    const label = (res.json as { outputs: { name: string; data: number[] }[] }).outputs.find(
      (o) => o.name === 'label',
    )!.data;
    await predictionLog.flush();
    const before = readFileSync(logFile, 'utf8').trim().split('\n').length;
    const smoke = await runSmokeTest({
      url: t.url,
      model: 'clf',
      samples: [
        {
          line: 7,
          inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [1, 1, 2, 2] }],
          outputs: { label },
        },
      ],
    });
    expect(smoke.passed).toBe(true);
    await predictionLog.flush();
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    expect(lines.length).toBe(before);
    expect(lines.some((l) => JSON.parse(l)._id === 'smoke-7')).toBe(false);
  });

  it('exposes Prometheus metrics that parse and count what happened', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const families = parsePrometheusText(await res.text());
    const requests = families.get('modelci_serve_requests_total')!;
    expect(requests.type).toBe('counter');
    const ok = requests.samples.find(
      (s) => s.labels.model === 'clf' && s.labels.code === '200' && s.labels.version === '1.0.0',
    );
    expect(ok!.value).toBeGreaterThanOrEqual(4);
    expect(requests.samples.some((s) => s.labels.code === '400')).toBe(true);
    expect(requests.samples.some((s) => s.labels.code === '413')).toBe(true);
    expect(families.get('modelci_serve_request_duration_seconds')!.type).toBe('histogram');
    const info = families.get('modelci_serve_model_info')!.samples;
    expect(info).toEqual([
      {
        name: 'modelci_serve_model_info',
        labels: expect.objectContaining({ model: 'clf', version: '1.0.0', role: 'stable' }),
        value: 1,
      },
    ]);
    expect(
      families
        .get('modelci_serve_errors_total')!
        .samples.some((s) => s.labels.reason === 'too_large'),
    ).toBe(true);
  });
});
