import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretSet } from '../../../src/serve/secrets.js';
import { clfRequest, startTestServer, type TestServer } from '../../harness/model-server.js';
import { CLASSIFIER_V2, writeClassifier } from '../../harness/onnx-models.js';
import { parsePrometheusText } from '../../harness/prometheus-text.js';

let t: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

/** One HTTP exchange with exactly these headers (fetch would add or refuse Host and Origin). */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const text =
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          json: data ? (JSON.parse(data) as Record<string, unknown>) : {},
        }),
      );
    });
    req.on('error', reject);
    req.end(text);
  });
}

const KEY_A = 'key-a-0123456789abcdef';
const KEY_B = 'key-b-0123456789abcdef';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const JSON_TYPE = { 'content-type': 'application/json' };

describe('API keys', () => {
  it('asks inference, metadata and /metrics for a key; health stays open; keys never logged', async () => {
    const logged: string[] = [];
    // KEY_B is given hashed, as a key file may hold it.
    t = await startTestServer({
      apiKeys: new SecretSet([{ plain: KEY_A }, { sha256: sha256(KEY_B) }]),
      log: (l) => logged.push(l),
    });
    const infer = `${t.url}/v2/models/clf/infer`;
    const none = await send(infer, 'POST', JSON_TYPE, clfRequest([[1, 2, 3, 4]]));
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="modelci"');
    expect(none.json).toEqual({ error: 'this server needs "Authorization: Bearer <API key>"' });
    const wrong = await send(
      infer,
      'POST',
      { ...JSON_TYPE, authorization: `Bearer ${KEY_A}x` },
      clfRequest([[1, 2, 3, 4]]),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    for (const key of [KEY_A, KEY_B]) {
      const ok = await send(
        infer,
        'POST',
        { ...JSON_TYPE, authorization: `Bearer ${key}` },
        clfRequest([[1, 2, 3, 4]]),
      );
      expect(ok.status).toBe(200);
    }
    // (A model named "ready" or a version named "ready" is metadata, not the readiness probe.)
    for (const path of [
      '/v2',
      '/v2/models/clf',
      '/metrics',
      '/v2/models/nope',
      '/v2/models/ready',
      '/v2/models/clf/versions/ready',
      '/v2/other',
    ])
      expect((await send(`${t.url}${path}`, 'GET', {})).status, path).toBe(401);
    expect(
      (await send(`${t.url}/v2/models/clf`, 'GET', { authorization: `Bearer ${KEY_B}` })).status,
    ).toBe(200);
    const metrics = await fetch(`${t.url}/metrics`, {
      headers: { authorization: `Bearer ${KEY_A}` },
    });
    expect(metrics.status).toBe(200);
    const requests = parsePrometheusText(await metrics.text()).get('modelci_serve_requests_total')!;
    expect(requests.samples.find((s) => s.labels.code === '401')!.value).toBe(2);
    for (const path of ['/v2/health/live', '/v2/health/ready', '/v2/models/clf/ready'])
      for (const method of ['GET', 'HEAD'])
        expect((await send(`${t.url}${path}`, method, {})).status, `${method} ${path}`).toBe(200);
    expect(logged.join('\n')).not.toContain(KEY_A);
    expect(logged.join('\n')).not.toContain(KEY_B);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After over the burst, per key, and counts it', async () => {
    t = await startTestServer({
      apiKeys: new SecretSet([{ plain: KEY_A }, { plain: KEY_B }]),
      rateLimit: { perSecond: 0.5, burst: 5 },
    });
    const infer = (key: string) =>
      send(
        `${t!.url}/v2/models/clf/infer`,
        'POST',
        { ...JSON_TYPE, authorization: `Bearer ${key}` },
        clfRequest([[1, 2, 3, 4]]),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await infer(KEY_A)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const limited = await infer(KEY_A);
    expect(limited.status).toBe(429);
    // At 0.5/s the next token is at most 2 s away.
    expect(['1', '2']).toContain(limited.headers['retry-after']);
    expect(limited.json.error).toMatch(/rate limit of 0.5\/s \(burst 5\)/);
    // Another key has its own bucket.
    expect((await infer(KEY_B)).status).toBe(200);
    const text = await (
      await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${KEY_B}` } })
    ).text();
    const fams = parsePrometheusText(text);
    const count = (name: string, labels: Record<string, string>) =>
      fams
        .get(name)!
        .samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((a, s) => a + s.value, 0);
    expect(count('modelci_serve_requests_total', { model: 'clf', code: '429' })).toBe(4);
    expect(count('modelci_serve_errors_total', { model: 'clf', reason: 'rate_limited' })).toBe(4);
    expect(count('modelci_serve_requests_total', { model: 'clf', code: '200' })).toBe(6);
  });

  it('limits by client address when there are no keys', async () => {
    t = await startTestServer({ rateLimit: { perSecond: 1, burst: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await send(`${t.url}/v2/models/clf`, 'GET', {})).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    // Probes are never limited.
    expect((await send(`${t.url}/v2/health/ready`, 'GET', {})).status).toBe(200);
  });
});

describe('repository API without an admin token (loopback)', () => {
  async function server(): Promise<{ t: TestServer; load: string; body: string }> {
    t = await startTestServer();
    return {
      t,
      load: `${t.url}/v2/repository/models/clf/load`,
      body: JSON.stringify({ parameters: { uri: t.v2, version: '2.0.0' } }),
    };
  }

  it('refuses what a web page could make a browser send, and keeps the model', async () => {
    const { t, load, body } = await server();
    const host = new URL(t.url).host;
    const refused: [Record<string, string>, number, RegExp][] = [
      [{ 'content-type': 'text/plain' }, 415, /application\/json/],
      [{}, 415, /application\/json/],
      [{ ...JSON_TYPE, origin: 'http://evil.example' }, 403, /cross-origin/],
      [{ ...JSON_TYPE, origin: 'null' }, 403, /cross-origin/],
      [{ ...JSON_TYPE, 'sec-fetch-site': 'cross-site' }, 403, /cross-site/],
      // DNS rebinding: the page's own name resolved to 127.0.0.1.
      [{ ...JSON_TYPE, host: `evil.example:${new URL(t.url).port}` }, 403, /Host: localhost/],
    ];
    for (const [headers, status, error] of refused) {
      const r = await send(load, 'POST', { host, ...headers }, body);
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.json.error).toMatch(error);
    }
    expect(t.server.model('clf')!.stable.version).toBe('1.0.0');
    // Same-origin JSON from a local tool is accepted.
    const local = await send(load, 'POST', { ...JSON_TYPE, host, origin: `http://${host}` }, body);
    expect(local.status).toBe(200);
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
  });

  it('validates model names like the registry and loads only from allowed folders', async () => {
    const { t } = await server();
    const outside = mkdtempSync(join(tmpdir(), 'modelci-outside-'));
    dirs.push(outside);
    const foreign = writeClassifier(join(outside, 'x.onnx'), CLASSIFIER_V2);
    const load = (name: string, parameters: Record<string, unknown>) =>
      send(`${t.url}/v2/repository/models/${name}/load`, 'POST', JSON_TYPE, { parameters });
    const traversal = await load('..%2F..%2Fx', { uri: t.v2, version: '2.0.0' });
    expect(traversal.status).toBe(400);
    expect(traversal.json.error).toMatch(/invalid model name "..\/..\/x"/);
    expect((await load('Upper', { uri: t.v2 })).status).toBe(400);
    const away = await load('clf', { uri: foreign, version: '9.0.0' });
    expect(away.status).toBe(403);
    expect(away.json.error).toMatch(/not inside a folder the server may load models from/);
    expect(
      (await load('clf', { uri: join(t.dir, '..', outside.split('/').pop()!, 'x.onnx') })).status,
    ).toBe(403);
    // A symlink inside the allowed folder that points out of it is followed, then refused.
    symlinkSync(foreign, join(t.dir, 'link.onnx'));
    expect((await load('clf', { uri: join(t.dir, 'link.onnx') })).status).toBe(403);
    expect(t.server.model('clf')!.stable.version).toBe('1.0.0');
    // A new model under a valid name from the allowed folder is fine.
    expect((await load('clf-b', { uri: t.v2, version: '2.0.0' })).status).toBe(200);
  });

  it('answers 403 to every load when the server has no allowed folder', async () => {
    t = await startTestServer({ allowModelDirs: [] });
    const r = await send(`${t.url}/v2/repository/models/clf/load`, 'POST', JSON_TYPE, {
      parameters: { uri: t.v2, version: '2.0.0' },
    });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/--allow-model-dir/);
  });
});

describe('repository API with an admin token', () => {
  it('needs the token on loopback too, compared exactly', async () => {
    const token = 'admin-0123456789abcdef';
    t = await startTestServer({ adminToken: token });
    const load = `${t.url}/v2/repository/models/clf/load`;
    const body = { parameters: { uri: t.v2, version: '2.0.0' } };
    const none = await send(load, 'POST', JSON_TYPE, body);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="modelci-admin"');
    const wrong = await send(
      load,
      'POST',
      { ...JSON_TYPE, authorization: `Bearer ${token.slice(0, -1)}` },
      body,
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/invalid_token/);
    expect(t.server.model('clf')!.stable.version).toBe('1.0.0');
    const ok = await send(load, 'POST', { ...JSON_TYPE, authorization: `Bearer ${token}` }, body);
    expect(ok.status).toBe(200);
  });
});

describe('a real browser on the same machine', () => {
  it('cannot hot-swap the model from a page on another origin', { timeout: 120_000 }, async () => {
    t = await startTestServer();
    const page = mkdtempSync(join(tmpdir(), 'modelci-page-'));
    dirs.push(page);
    const { createServer } = await import('node:http');
    // The attacker's page: a simple cross-site POST (no preflight) and a form post, both with a
    // JSON-looking body, to the loopback server's repository API.
    const payload = JSON.stringify({ parameters: { uri: t.v2, version: 'pwned' } });
    const target = `${t.url}/v2/repository/models/clf/load`;
    const html = `<!doctype html><body><form id=f method=POST action="${target}" enctype="text/plain" target=sink>
<input name='${payload.slice(0, -1)}' value='}'></form><iframe name=sink></iframe>
<script>
fetch(${JSON.stringify(target)}, {method: 'POST', mode: 'no-cors', headers: {'content-type': 'text/plain'}, body: ${JSON.stringify(payload)}})
  .finally(() => document.getElementById('f').submit());
</script></body>`;
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const siteUrl = `http://localhost:${(site.address() as { port: number }).port}/`;
    mkdirSync(join(page, 'profile'));
    const { spawn } = await import('node:child_process');
    try {
      // Asynchronous: the server answers from this very process while the browser runs.
      const browser = spawn(
        '/usr/bin/chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${join(page, 'profile')}`,
          '--virtual-time-budget=5000',
          '--dump-dom',
          siteUrl,
        ],
        { stdio: 'ignore', timeout: 90_000 },
      );
      const code = await new Promise<number | null>((r) => browser.on('exit', r));
      expect(code).toBe(0);
    } finally {
      await new Promise((r) => site.close(r));
    }
    // The browser did send both requests; the server refused them and kept the model.
    const repository = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text())
      .get('modelci_serve_http_requests_total')!
      .samples.filter((s) => s.labels.handler === 'repository');
    expect(repository.reduce((n, s) => n + s.value, 0)).toBeGreaterThanOrEqual(2);
    expect(repository.every((s) => s.labels.code === '415' || s.labels.code === '403')).toBe(true);
    expect(t.server.model('clf')!.stable.version).toBe('1.0.0');
  });
});
