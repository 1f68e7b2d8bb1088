import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../core/errors.js';
import { ProtocolError } from '../core/serve/protocol.js';
import { readJson } from './http-body.js';
import type { ModelSource } from './loaded-model.js';
import { reply, type ServerContext } from './server-context.js';

export interface LoadParameters {
  uri?: string;
  version?: string;
  sha256?: string;
  /** Load as the canary with this share of traffic (0 removes the canary). */
  canary_weight?: number;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/**
 * The model repository extension: `POST /v2/repository/index`, `.../models/{name}/load` (hot swap,
 * canary) and `.../unload` (removes the canary).
 */
export async function repositoryApi(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
): Promise<void> {
  const { options, pool } = ctx;
  const token = options.adminToken;
  if (token) {
    if (req.headers.authorization !== `Bearer ${token}`)
      throw new ProtocolError(401, 'the repository API needs "Authorization: Bearer <token>"');
  } else if (!isLoopback(options.host)) {
    throw new ProtocolError(
      403,
      'the repository API is disabled: start the server with an admin token',
    );
  }
  if (req.method !== 'POST')
    throw new ProtocolError(405, `${req.url} accepts POST, not ${req.method}`);
  if (rest.length === 1 && rest[0] === 'index') {
    const index = pool
      .all()
      .flatMap((s) =>
        s.versions.map((m) => ({ name: s.name, version: m.version, state: 'READY' })),
      );
    return reply(ctx, res, 200, index);
  }
  if (rest.length !== 3 || rest[0] !== 'models' || (rest[2] !== 'load' && rest[2] !== 'unload'))
    throw new ProtocolError(404, `no route POST ${req.url}`);
  const name = rest[1]!;
  const body = (await readJson(req, options.maxBodyBytes)) ?? {};
  const params = (body as { parameters?: LoadParameters }).parameters ?? {};
  if (typeof params !== 'object') throw new ProtocolError(400, '"parameters" must be an object');
  if (rest[2] === 'unload') {
    // Only the canary can be unloaded: the stable version is replaced, never removed.
    if (!pool.get(name)) throw new ProtocolError(404, `unknown model "${name}"`);
    pool.removeCanary(name);
    return reply(ctx, res, 200, {});
  }
  const weight = params.canary_weight;
  if (weight !== undefined && (typeof weight !== 'number' || weight < 0 || weight > 1))
    throw new ProtocolError(400, '"canary_weight" must be a number in [0, 1]');
  if (weight === 0) {
    pool.removeCanary(name);
    return reply(ctx, res, 200, {});
  }
  let source: ModelSource;
  if (params.uri !== undefined) {
    if (typeof params.uri !== 'string') throw new ProtocolError(400, '"uri" must be a string');
    source = {
      name,
      file: params.uri,
      version: typeof params.version === 'string' ? params.version : params.uri,
      ...(typeof params.sha256 === 'string' ? { sha256: params.sha256 } : {}),
    };
  } else if (options.reload) {
    source = await options.reload(name);
  } else {
    throw new ProtocolError(400, 'give "parameters": {"uri": "<file.onnx>", "version": "..."}');
  }
  try {
    const loaded = await pool.load(source, weight === undefined ? {} : { canaryWeight: weight });
    reply(ctx, res, 200, { name, version: loaded.version, sha256: loaded.sha256 });
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError(400, `cannot load "${name}": ${describeError(e)}`);
  }
}
