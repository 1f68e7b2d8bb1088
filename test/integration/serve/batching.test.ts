import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOnnxModel } from '../../../src/onnx/build.js';
import { ModelServer } from '../../../src/serve/server.js';
import {
  clfRequest,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { CLASSIFIER_V1, predictClassifier } from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Runs per model version: count and rows of the batch size histogram. */
async function runs(url: string): Promise<{ runs: number; rows: number; biggest: number }> {
  const fam = parsePrometheusText(await (await fetch(`${url}/metrics`)).text()).get(
    'modelci_serve_batch_rows',
  )!;
  const count = fam.samples.find((s) => s.name.endsWith('_count'))!.value;
  const sum = fam.samples.find((s) => s.name.endsWith('_sum'))!.value;
  // Smallest bucket holding every run: an upper bound of the largest run.
  const biggest = Number(
    fam.samples.find((s) => s.name.endsWith('_bucket') && s.value === count)!.labels.le,
  );
  return { runs: count, rows: sum, biggest };
}

/**
 * Posts every body on its own connection, all at once: headers and all but the last byte first
 * (the server starts each request and waits for its body), then the last bytes in one burst, as
 * concurrent clients under load arrive. Resolves with each status and JSON answer, in order.
 */
async function concurrentPosts(
  server: ModelServer,
  url: string,
  path: string,
  bodies: unknown[],
): Promise<{ status: number; json: Record<string, unknown> }[]> {
  const { port } = new URL(url);
  const texts = bodies.map((b) => JSON.stringify(b));
  const sockets: Socket[] = [];
  const answers = texts.map(
    (text) =>
      new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        sockets.push(socket);
        let raw = '';
        socket.on('data', (d) => {
          raw += d.toString();
          const end = raw.indexOf('\r\n\r\n');
          const length = /content-length: (\d+)/i.exec(raw)?.[1];
          if (end < 0 || length === undefined || raw.length < end + 4 + Number(length)) return;
          socket.destroy();
          resolve({
            status: Number(raw.slice(9, 12)),
            json: JSON.parse(raw.slice(end + 4, end + 4 + Number(length))),
          });
        });
        socket.on('error', reject);
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text.slice(0, -1)}`,
        );
      }),
  );
  // Every request started on the server (headers read, body awaited), however loaded the machine.
  while (server.metrics.inflight.get() < bodies.length) await new Promise((r) => setTimeout(r, 20));
  sockets.forEach((socket, k) => socket.write(texts[k]!.slice(-1)));
  return Promise.all(answers);
}

const row = (i: number) => [i / 10, 1 - i / 20, (i % 7) - 3, i % 2];

describe('dynamic batching', () => {
  it('coalesces concurrent requests into fewer runs and gives each its own rows back', async () => {
    t = await startTestServer({ batch: { maxRows: 16, waitMs: 200 } });
    const n = 48;
    const answers = await concurrentPosts(
      t.server,
      t.url,
      '/v2/models/clf/infer',
      Array.from({ length: n }, (_, i) => clfRequest([row(i)], { id: `r${i}` })),
    );
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.json.id).toBe(`r${i}`);
      const [probabilities, label] = res.json.outputs as { shape: number[]; data: number[] }[];
      const expected = predictClassifier(CLASSIFIER_V1, row(i));
      expect(probabilities!.shape).toEqual([1, 2]);
      probabilities!.data.forEach((p, k) => expect(p).toBeCloseTo(expected.probabilities[k]!, 6));
      expect(label!.data).toEqual([expected.label]);
    });
    const r = await runs(t.url);
    expect(r.rows).toBe(n);
    expect(r.runs).toBeLessThanOrEqual(n / 4);
    expect(r.biggest).toBeLessThanOrEqual(16);
  });

  it('does not make a lone request wait for company', async () => {
    // A wait far above a request's time: only requests that arrive together are held.
    t = await startTestServer({ batch: { maxRows: 16, waitMs: 5_000 } });
    const started = performance.now();
    for (let i = 0; i < 5; i++)
      expect((await postJson(`${t.url}/v2/models/clf/infer`, clfRequest([row(i)]))).status).toBe(
        200,
      );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await runs(t.url)).runs).toBe(5);
  });

  it('runs requests of different row counts together and alone above the cap', async () => {
    t = await startTestServer({ batch: { maxRows: 8, waitMs: 20 } });
    const sizes = [1, 3, 2, 20, 1];
    const answers = await concurrentPosts(
      t.server,
      t.url,
      '/v2/models/clf/infer',
      sizes.map((n, k) => clfRequest(Array.from({ length: n }, (_, i) => row(k * 10 + i)))),
    );
    answers.forEach((res, k) => {
      const label = (res.json.outputs as { shape: number[]; data: number[] }[])[1]!;
      expect(label.shape).toEqual([sizes[k]]);
      expect(label.data).toEqual(
        Array.from(
          { length: sizes[k]! },
          (_, i) => predictClassifier(CLASSIFIER_V1, row(k * 10 + i)).label,
        ),
      );
    });
    expect((await runs(t.url)).rows).toBe(27);
  });

  it('keeps a failing request from failing the others in its batch', async () => {
    // Gather from a 10-value table: an index past the end passes validation (any INT64) and fails
    // inside onnxruntime, after the requests were batched.
    const dir = mkdtempSync(join(tmpdir(), 'modelci-batch-'));
    const file = join(dir, 'gather.onnx');
    writeFileSync(
      file,
      buildOnnxModel({
        name: 'gather',
        initializers: [
          {
            name: 'table',
            type: 'float',
            dims: [10],
            values: Array.from({ length: 10 }, (_, i) => i * 1.5),
          },
        ],
        nodes: [{ op: 'Gather', inputs: ['table', 'index'], outputs: ['value'] }],
        inputs: [{ name: 'index', type: 'int64', shape: ['n'] }],
        outputs: [{ name: 'value', type: 'float', shape: ['n'] }],
      }),
    );
    const server = new ModelServer({ port: 0, batch: { maxRows: 32, waitMs: 30 } });
    try {
      await server.load({ name: 'gather', version: '1', file });
      const url = await server.listen();
      const answers = await concurrentPosts(
        server,
        url,
        '/v2/models/gather/infer',
        [1, 2, 99, 4, 9].map((index) => ({
          inputs: [{ name: 'index', shape: [1], datatype: 'INT64', data: [index] }],
        })),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 500, 200, 200]);
      expect(
        answers.map((a) => (a.json.outputs as { data: number[] }[] | undefined)?.[0]!.data[0]),
      ).toEqual([1.5, 3, undefined, 6, 13.5]);
      expect(answers[2]!.json.error).toMatch(/out of bounds|indices/i);
      // The batch ran once, then each request alone.
      const r = await runs(url);
      expect(r.runs).toBe(6);
      expect(r.rows).toBe(10);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
