import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clfRequest,
  getJson,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { runLoad } from '../../harness/load-generator.js';
import { CLASSIFIER_V1, CLASSIFIER_V2, predictClassifier } from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ROW = [1, 2, 3, 4];

async function counts(url: string): Promise<Record<string, number>> {
  const fams = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
  const out: Record<string, number> = {};
  for (const s of fams.get('modelci_serve_requests_total')!.samples)
    out[`${s.labels.version}|${s.labels.role}|${s.labels.code}`] = s.value;
  return out;
}

describe('server reliability', () => {
  it('times out a slow client while others keep being served', async () => {
    t = await startTestServer({ requestTimeoutMs: 400 });
    const { port } = new URL(t.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => {});
    // Headers and a tenth of the body, then nothing: a client that stalls mid-upload.
    socket.write(
      `POST /v2/models/clf/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inputs":`,
    );
    const served: number[] = [];
    for (let i = 0; i < 20; i++)
      served.push((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]))).status);
    expect(served).toEqual(new Array(20).fill(200));
    await closed;
    // Node answers 408 when it can, otherwise the socket is closed: either way the slot is freed.
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]))).status).toBe(200);
  });

  it('hot-swaps versions under load without failing a request', async () => {
    t = await startTestServer();
    const body = JSON.stringify(clfRequest([ROW]));
    const load = runLoad({
      url: `${t.url}/v2/models/clf/infer`,
      method: 'POST',
      body,
      connections: 8,
      duration: 2,
    });
    const swaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const [file, version] = i % 2 === 0 ? [t.v2, '2.0.0'] : [t.v1, '1.0.0'];
      swaps.push(
        (
          await postJson(`${t.url}/v2/repository/models/clf/load`, {
            parameters: { uri: file, version },
          })
        ).status,
      );
    }
    const result = await load;
    expect(swaps).toEqual(new Array(6).fill(200));
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBeGreaterThan(100);
    const c = await counts(t.url);
    expect(c['1.0.0|stable|200']).toBeGreaterThan(0);
    expect(c['2.0.0|stable|200']).toBeGreaterThan(0);
    // autocannon leaves out the (at most one per connection) responses still in flight at the end.
    const served = c['1.0.0|stable|200']! + c['2.0.0|stable|200']!;
    expect(served).toBeGreaterThanOrEqual(result['2xx']);
    expect(served).toBeLessThanOrEqual(result['2xx'] + 8);
    expect(Object.keys(c).filter((k) => !k.endsWith('|200'))).toEqual([]);
    // The last swap was back to 1.0.0 and the answers come from it.
    const res = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]));
    expect(res.json.model_version).toBe('1.0.0');
  });

  it('serves a new version after a swap, with its own outputs', async () => {
    t = await startTestServer();
    const before = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]));
    const swap = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: t.v2, version: '2.0.0' },
    });
    expect(swap.status).toBe(200);
    const after = await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]));
    const label = (r: typeof after) => (r.json.outputs as { data: number[] }[])[1]!.data[0];
    expect(label(before)).toBe(predictClassifier(CLASSIFIER_V1, ROW).label);
    expect(label(after)).toBe(predictClassifier(CLASSIFIER_V2, ROW).label);
    expect(label(before)).not.toBe(label(after));
    expect((await getJson(`${t.url}/v2/models/clf`)).json.versions).toEqual(['2.0.0']);
  });

  it('refuses a swap to a broken or tampered file and keeps serving the old version', async () => {
    t = await startTestServer();
    const bad = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: `${t.dir}/missing.onnx`, version: '3' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/cannot read model file/);
    const tampered = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: t.v2, version: '2.0.0', sha256: '0'.repeat(64) },
    });
    expect(tampered.status).toBe(400);
    expect(tampered.json.error).toMatch(/sha256 mismatch/);
    expect(
      (await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]))).json.model_version,
    ).toBe('1.0.0');
  });

  it('splits traffic to a canary by weight, exactly without ids and stably with ids', async () => {
    t = await startTestServer();
    const load = await postJson(`${t.url}/v2/repository/models/clf/load`, {
      parameters: { uri: t.v2, version: '2.0.0', canary_weight: 0.25 },
    });
    expect(load.status).toBe(200);
    expect((await getJson(`${t.url}/v2/models/clf`)).json.versions).toEqual(['1.0.0', '2.0.0']);
    const versions: string[] = [];
    for (let i = 0; i < 200; i++)
      versions.push(
        (await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]))).json
          .model_version as string,
      );
    expect(versions.filter((v) => v === '2.0.0').length).toBe(50);
    const c = await counts(t.url);
    expect(c['2.0.0|canary|200']).toBe(50);
    expect(c['1.0.0|stable|200']).toBe(150);
    const byId = async (id: string) =>
      (await postJson(`${t!.url}/v2/models/clf/infer`, clfRequest([ROW], { id }))).json
        .model_version;
    for (const id of ['a', 'user-17', 'zzz']) expect(await byId(id)).toBe(await byId(id));
    const pinned = await postJson(`${t.url}/v2/models/clf/versions/2.0.0/infer`, clfRequest([ROW]));
    expect(pinned.json.model_version).toBe('2.0.0');
    const fams = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text());
    expect(
      fams.get('modelci_serve_model_info')!.samples.find((s) => s.labels.role === 'canary')!.labels,
    ).toMatchObject({ version: '2.0.0', weight: '0.25' });
    // Unloading the canary sends everything back to stable.
    expect((await postJson(`${t.url}/v2/repository/models/clf/unload`, {})).status).toBe(200);
    expect(
      (await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([ROW]))).json.model_version,
    ).toBe('1.0.0');
  });

  it('locks the repository API behind the admin token when one is set', async () => {
    t = await startTestServer({ adminToken: 's3cret' });
    const url = `${t.url}/v2/repository/models/clf/load`;
    const body = JSON.stringify({ parameters: { uri: t.v2, version: '2.0.0' } });
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    const ok = await fetch(url, {
      method: 'POST',
      body,
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(ok.status).toBe(200);
  });

  it('sustains load on loopback with no failures (figures in bench/serve.bench.ts)', async () => {
    t = await startTestServer();
    const result = await runLoad({
      url: `${t.url}/v2/models/clf/infer`,
      method: 'POST',
      body: JSON.stringify(clfRequest([ROW])),
      connections: 4,
      amount: 2000,
    });
    expect(result.errors + result.timeouts + result.non2xx).toBe(0);
    expect(result['2xx']).toBe(2000);
  });
});
