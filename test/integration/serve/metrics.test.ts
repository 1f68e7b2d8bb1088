import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clfRequest,
  postJson,
  startTestServer,
  type TestServer,
} from '../../harness/model-server.js';
import { parsePrometheusText, type Family } from '../../harness/prometheus-text.js';

let t: TestServer;
let text: string;
let families: Map<string, Family>;

/** Writes `request` on a fresh connection, optionally closes early, returns what came back. */
function exchange(url: string, request: string, closeAfterMs?: number): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', () => {});
    socket.write(request);
    if (closeAfterMs !== undefined) setTimeout(() => socket.destroy(), closeAfterMs);
  });
}

const TIMEOUT_MS = 600;
const answers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ requestTimeoutMs: TIMEOUT_MS, maxBodyBytes: 4096 });
  // A shadow too, so its series are in the exposition promtool checks.
  await t.server.load({ name: 'clf', version: '2.0.0', file: t.v2 }, { shadow: true });
  const infer = `${t.url}/v2/models/clf/infer`;
  const head = (length: number) =>
    `POST /v2/models/clf/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
  await postJson(infer, clfRequest([[1, 2, 3, 4]])); // 200
  await postJson(infer, clfRequest([[1, 2, 3]])); // 400
  await postJson(`${t.url}/v2/models/nope/infer`, clfRequest([[1, 2, 3, 4]])); // 404
  await postJson(
    infer,
    JSON.stringify(clfRequest(Array.from({ length: 1000 }, () => [1, 2, 3, 4]))),
  ); // 413
  // A client that stalls mid-upload (408), one that gives up mid-upload (499), one that never
  // finishes its headers (connection-level 408) and one that sends garbage (connection-level 400).
  const stalled = exchange(t.url, `${head(1000)}{"inputs":`);
  const aborted = exchange(t.url, `${head(1000)}{"inputs":`, 100);
  const noHeaders = exchange(t.url, 'POST /v2/models/clf/infer HTTP/1.1\r\nHost: x\r\n');
  answers.garbage = await exchange(t.url, 'THIS IS NOT HTTP\r\n\r\n');
  answers.stalled = await stalled;
  answers.noHeaders = await noHeaders;
  await aborted;
  await new Promise((r) => setTimeout(r, 100));
  await t.server.shadows.idle();
  const res = await fetch(`${t.url}/metrics`);
  text = await res.text();
  families = parsePrometheusText(text);
});
afterAll(() => t.close());

const samples = (name: string, labels: Record<string, string> = {}) =>
  families
    .get(name)!
    .samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const total = (name: string, labels: Record<string, string> = {}) =>
  samples(name, labels).reduce((a, s) => a + s.value, 0);

describe('metrics', () => {
  it('pass promtool check metrics (an independent linter of the exposition format)', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('answer 408 and connection errors with a JSON error body', () => {
    expect(answers.stalled).toMatch(/^HTTP\/1.1 408 /);
    expect(answers.stalled).toMatch(
      /\r\n\r\n\{"error":"the request was not received within 600 ms"\}$/,
    );
    expect(answers.noHeaders).toMatch(/^HTTP\/1.1 408 [^]*\r\n\r\n\{"error":"[^"]+"\}$/);
    expect(answers.garbage).toMatch(
      /^HTTP\/1.1 400 [^]*content-type: application\/json[^]*\r\n\r\n\{"error":"malformed HTTP request/i,
    );
  });

  it('count each request once, with the status code that was sent', () => {
    const codes = Object.fromEntries(
      samples('modelci_serve_requests_total').map((s) => [
        `${s.labels.model}/${s.labels.code}`,
        s.value,
      ]),
    );
    expect(codes).toEqual({
      'clf/200': 1,
      'clf/400': 1,
      '_unknown/404': 1,
      'clf/413': 1,
      'clf/408': 1,
      'clf/499': 1,
    });
    const reasons = Object.fromEntries(
      samples('modelci_serve_errors_total').map((s) => [
        `${s.labels.model}/${s.labels.reason}`,
        s.value,
      ]),
    );
    expect(reasons).toEqual({
      'clf/bad_request': 1,
      '_unknown/not_found': 1,
      'clf/too_large': 1,
      'clf/timeout': 1,
      'clf/client_closed': 1,
    });
    expect(total('modelci_serve_http_requests_total', { handler: 'connection', code: '400' })).toBe(
      1,
    );
    expect(total('modelci_serve_http_requests_total', { handler: 'connection', code: '408' })).toBe(
      1,
    );
    expect(total('modelci_serve_http_requests_total', { handler: 'infer' })).toBe(6);
  });

  it('use one label set across the counters and the latency histogram', () => {
    for (const s of samples('modelci_serve_requests_total')) {
      const count = samples('modelci_serve_request_duration_seconds').find(
        (h) => h.name.endsWith('_count') && JSON.stringify(h.labels) === JSON.stringify(s.labels),
      );
      expect(count?.value, JSON.stringify(s.labels)).toBe(s.value);
    }
    const ok = samples('modelci_serve_requests_total', { code: '200' })[0]!;
    expect(ok.labels).toEqual({ model: 'clf', version: '1.0.0', role: 'stable', code: '200' });
    const bad = samples('modelci_serve_errors_total', { reason: 'bad_request' })[0]!;
    expect(bad.labels).toEqual({
      model: 'clf',
      version: '1.0.0',
      role: 'stable',
      reason: 'bad_request',
    });
  });

  it('count the shadow by role, apart from the answers', () => {
    // The one answered request (200) ran on the shadow too; failed requests never reach it.
    expect(samples('modelci_serve_shadow_runs_total')).toEqual([
      expect.objectContaining({
        labels: { model: 'clf', version: '2.0.0', outcome: 'ok' },
        value: 1,
      }),
    ]);
    expect(total('modelci_serve_rows_total', { role: 'shadow', version: '2.0.0' })).toBe(1);
    expect(total('modelci_serve_rows_total', { role: 'stable', version: '1.0.0' })).toBe(1);
    const runs = samples('modelci_serve_shadow_duration_seconds', { version: '2.0.0' });
    expect(runs.find((h) => h.name.endsWith('_count'))!.value).toBe(1);
    expect(samples('modelci_serve_model_info', { role: 'shadow' })[0]!.labels.version).toBe(
      '2.0.0',
    );
  });

  it('leave the scrape out of in-flight requests', () => {
    expect(total('modelci_serve_inflight_requests')).toBe(0);
  });

  it('export the standard process metrics', () => {
    const now = Date.now() / 1000;
    const start = total('process_start_time_seconds');
    expect(start).toBeGreaterThan(now - process.uptime() - 5);
    expect(start).toBeLessThanOrEqual(now);
    expect(total('process_resident_memory_bytes')).toBeGreaterThan(10 << 20);
    expect(total('process_open_fds')).toBeGreaterThan(3);
    expect(total('process_open_fds')).toBeLessThan(total('process_max_fds'));
    expect(total('process_cpu_seconds_total')).toBeCloseTo(
      total('process_cpu_user_seconds_total') + total('process_cpu_system_seconds_total'),
      6,
    );
    expect(families.get('process_cpu_seconds_total')!.type).toBe('counter');
  });
});
