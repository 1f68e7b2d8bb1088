import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROMETHEUS_CONTENT_TYPE } from '../core/serve/prometheus.js';
import { ProtocolError, type MetadataTensor } from '../core/serve/protocol.js';
import { repositoryApi } from './admin-api.js';
import { infer } from './infer.js';
import { reply, type ServerContext } from './server-context.js';

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

/** Dispatches one request by path: metrics, server metadata, health, models, repository. */
export async function route(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const method = req.method ?? 'GET';
  if (path === '/metrics') {
    res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
    res.end(ctx.metrics.render());
    return;
  }
  const seg = pathSegments(path);
  if (seg[0] !== 'v2') throw new ProtocolError(404, `no route ${method} ${path}`);
  const expect = (m: string) => {
    if (method !== m) throw new ProtocolError(405, `${path} accepts ${m}, not ${method}`);
  };
  if (seg.length === 1) {
    expect('GET');
    return reply(ctx, res, 200, {
      name: 'modelci',
      version: ctx.options.serverVersion ?? '0',
      extensions: ['model_repository'],
    });
  }
  if (seg[1] === 'health' && seg.length === 3 && (seg[2] === 'live' || seg[2] === 'ready')) {
    expect('GET');
    if (seg[2] === 'live') return reply(ctx, res, 200, { live: true });
    const ready = !ctx.draining && ctx.pool.size > 0;
    // The protocol: 200 means ready, a 4xx status means not ready.
    return reply(ctx, res, ready ? 200 : 400, { ready });
  }
  if (seg[1] === 'models' && seg.length >= 3) return modelRoute(ctx, req, res, seg.slice(2));
  if (seg[1] === 'repository') return repositoryApi(ctx, req, res, seg.slice(2));
  throw new ProtocolError(404, `no route ${method} ${path}`);
}

/** `/v2/models/{name}[/versions/{v}][/ready|/infer]`. */
async function modelRoute(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
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
    if (req.method !== 'POST')
      throw new ProtocolError(405, `${req.url} accepts POST, not ${req.method}`);
    return infer(ctx, req, res, name, version);
  }
  if (req.method !== 'GET')
    throw new ProtocolError(405, `${req.url} accepts GET, not ${req.method}`);
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
