import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROMETHEUS_CONTENT_TYPE } from '../core/serve/prometheus.js';
import { ProtocolError, type MetadataTensor } from '../core/serve/protocol.js';
import { repositoryApi } from './admin-api.js';
import { infer } from './infer.js';
import { reply, type Exchange, type ServerContext } from './server-context.js';

function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new ProtocolError(400, `malformed URL path ${path}`);
      }
    });
}

/** GET, or HEAD (Node sends the headers of the GET answer without its body). */
function expectRead(req: IncomingMessage, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new ProtocolError(405, `${path} accepts GET and HEAD, not ${req.method}`, {
      allow: 'GET, HEAD',
    });
}

/**
 * Dispatches one request by path. Health answers everyone (probes); metrics needs an API key when
 * keys are set; server and model metadata and inference need a key and a token from the caller's
 * bucket; the repository API has its own guard.
 */
export async function route(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  exchange: Exchange,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const method = req.method ?? 'GET';
  if (path === '/metrics') {
    exchange.handler = 'metrics';
    ctx.access.authenticate(req);
    expectRead(req, path);
    res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
    res.end(ctx.metrics.render());
    return;
  }
  const seg = pathSegments(path);
  if (seg[0] !== 'v2') throw new ProtocolError(404, `no route ${method} ${path}`);
  if (seg[1] === 'health' && seg.length === 3 && (seg[2] === 'live' || seg[2] === 'ready')) {
    exchange.handler = 'health';
    expectRead(req, path);
    if (seg[2] === 'live') return reply(ctx, res, 200, { live: true });
    const ready = !ctx.draining && ctx.pool.size > 0;
    // The protocol: 200 means ready, a 4xx status means not ready.
    return reply(ctx, res, ready ? 200 : 400, { ready });
  }
  if (seg[1] === 'repository') {
    exchange.handler = 'repository';
    return repositoryApi(ctx, req, res, seg.slice(2));
  }
  if (seg[1] === 'models' && seg.length >= 3)
    return modelRoute(ctx, req, res, seg.slice(2), exchange);
  exchange.handler = 'metadata';
  ctx.access.admit(ctx.access.authenticate(req));
  if (seg.length === 1) {
    expectRead(req, path);
    return reply(ctx, res, 200, {
      name: 'modelci',
      version: ctx.options.serverVersion ?? '0',
      extensions: ['model_repository'],
    });
  }
  exchange.handler = 'other';
  throw new ProtocolError(404, `no route ${method} ${path}`);
}

/** `/v2/models/{name}[/versions/{v}][/ready|/infer]`. */
async function modelRoute(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
  exchange: Exchange,
): Promise<void> {
  const [name, ...tail] = rest as [string, ...string[]];
  let version: string | undefined;
  if (tail[0] === 'versions') {
    if (tail.length < 2) throw new ProtocolError(404, `no route ${req.url}`);
    version = tail[1];
    tail.splice(0, 2);
  }
  const action = tail[0];
  if (tail.length > 1 || (action !== undefined && action !== 'ready' && action !== 'infer'))
    throw new ProtocolError(404, `no route ${req.method} ${req.url}`);
  if (action === 'infer') {
    // Inference checks the caller itself, so its 401 and 429 are counted per model.
    exchange.handler = 'infer';
    if (req.method !== 'POST')
      throw new ProtocolError(405, `${req.url} accepts POST, not ${req.method}`, { allow: 'POST' });
    return infer(ctx, req, res, name, version, exchange);
  }
  if (action === 'ready') {
    // Model readiness is a health endpoint in the protocol: open to probes, like /v2/health.
    exchange.handler = 'health';
  } else {
    exchange.handler = 'metadata';
    ctx.access.admit(ctx.access.authenticate(req));
  }
  expectRead(req, req.url ?? '');
  const served = ctx.pool.get(name);
  const versions = served?.versions ?? [];
  const target =
    version === undefined ? served?.stable : versions.find((m) => m.version === version);
  if (action === 'ready') {
    // Ready answers for unknown models too (false), as the protocol's ModelReady does.
    const ready = target !== undefined && !ctx.draining;
    return reply(ctx, res, ready ? 200 : 400, { name, ready });
  }
  if (!target)
    throw new ProtocolError(
      404,
      served
        ? `model "${name}" has no version "${version}" loaded; loaded: ${versions.map((m) => m.version).join(', ')}`
        : `unknown model "${name}"`,
    );
  const meta = (t: MetadataTensor) => ({ name: t.name, datatype: t.datatype, shape: t.shape });
  return reply(ctx, res, 200, {
    name,
    versions: versions.map((m) => m.version),
    platform: 'onnxruntime_onnx',
    inputs: target.signature.inputs.map(meta),
    outputs: target.signature.outputs.map(meta),
  });
}
