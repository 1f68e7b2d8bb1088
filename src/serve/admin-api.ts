import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../core/errors.js';
import { isValidName } from '../core/registry/names.js';
import { ProtocolError } from '../core/serve/protocol.js';
import { checkAdminAccess } from './admin-guard.js';
import { readJson } from './http-body.js';
import type { ModelSource } from './loaded-model.js';
import { reply, type ServerContext } from './server-context.js';

export interface LoadParameters {
  uri?: string;
  version?: string;
  sha256?: string;
  /** Load as the canary with this share of traffic (0 removes the canary). */
  canary_weight?: number;
  /** Load as the shadow: run every request after its answer, never answer. */
  shadow?: boolean;
  /** Unload: which arm to remove (`canary` or `shadow`); default both. */
  role?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where the version to load comes from: an allowed file, or the registry (registry mode). */
async function sourceFor(
  ctx: ServerContext,
  name: string,
  params: LoadParameters,
): Promise<ModelSource> {
  if (params.uri !== undefined) {
    if (typeof params.uri !== 'string') throw new ProtocolError(400, '"uri" must be a string');
    const file = ctx.modelDirs.resolve(params.uri);
    return {
      name,
      file,
      version: typeof params.version === 'string' ? params.version : params.uri,
      ...(typeof params.sha256 === 'string' ? { sha256: params.sha256 } : {}),
    };
  }
  if (!ctx.options.reload)
    throw new ProtocolError(400, 'give "parameters": {"uri": "<file.onnx>", "version": "..."}');
  if (params.version !== undefined && typeof params.version !== 'string')
    throw new ProtocolError(400, '"version" must be a string');
  try {
    return await ctx.options.reload(name, params.version);
  } catch (e) {
    throw new ProtocolError(400, `cannot load "${name}" from the registry: ${describeError(e)}`);
  }
}

/**
 * The model repository extension: `POST /v2/repository/index`, `.../models/{name}/load` (hot swap,
 * canary, shadow) and `.../unload` (removes the canary and/or the shadow). Guarded by admin-guard.ts; names are registry
 * names; files come from the allowed folders only.
 */
export async function repositoryApi(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
): Promise<void> {
  const { options, pool } = ctx;
  checkAdminAccess(req, { token: ctx.adminToken, boundHost: options.host });
  if (req.method !== 'POST')
    throw new ProtocolError(405, `${req.url} accepts POST, not ${req.method}`, { allow: 'POST' });
  if (rest.length === 1 && rest[0] === 'index') {
    const index = pool
      .all()
      .flatMap((s) => [
        ...s.versions.map((m) => ({ name: s.name, version: m.version, state: 'READY' })),
        ...(s.shadow
          ? [{ name: s.name, version: s.shadow.version, state: 'READY', reason: 'shadow' }]
          : []),
      ]);
    return reply(ctx, res, 200, index);
  }
  if (rest.length !== 3 || rest[0] !== 'models' || (rest[2] !== 'load' && rest[2] !== 'unload'))
    throw new ProtocolError(404, `no route POST ${req.url}`);
  const name = rest[1]!;
  if (!isValidName(name))
    throw new ProtocolError(
      400,
      `invalid model name "${name.slice(0, 80)}": use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit (no "..")`,
    );
  const body = (await readJson(req, options.maxBodyBytes, res)) ?? {};
  if (!isObject(body)) throw new ProtocolError(400, 'the body must be a JSON object');
  const params = body.parameters ?? {};
  if (!isObject(params)) throw new ProtocolError(400, '"parameters" must be an object');
  const p = params as LoadParameters;
  if (rest[2] === 'unload') {
    // Only the canary and the shadow can be unloaded: the stable version is replaced, never removed.
    if (!pool.get(name)) throw new ProtocolError(404, `unknown model "${name}"`);
    if (p.role !== undefined && p.role !== 'canary' && p.role !== 'shadow')
      throw new ProtocolError(400, '"role" must be "canary" or "shadow" (absent: both)');
    if (p.role !== 'shadow') pool.removeCanary(name);
    if (p.role !== 'canary') pool.removeShadow(name);
    return reply(ctx, res, 200, {});
  }
  const weight = p.canary_weight;
  if (weight !== undefined && (typeof weight !== 'number' || weight < 0 || weight > 1))
    throw new ProtocolError(400, '"canary_weight" must be a number in [0, 1]');
  if (p.shadow !== undefined && typeof p.shadow !== 'boolean')
    throw new ProtocolError(400, '"shadow" must be true or false');
  if (p.shadow && weight !== undefined)
    throw new ProtocolError(400, 'a version is loaded as a canary or as a shadow, not both');
  if (weight === 0) {
    pool.removeCanary(name);
    return reply(ctx, res, 200, {});
  }
  // A new weight for the canary already loaded (a progressive rollout's next step): no reload.
  const canary = pool.get(name)?.canary;
  if (
    weight !== undefined &&
    p.uri === undefined &&
    canary &&
    (p.version === undefined || p.version === canary.model.version)
  ) {
    pool.setCanaryWeight(name, weight);
    return reply(ctx, res, 200, { name, version: canary.model.version, canary_weight: weight });
  }
  const source = await sourceFor(ctx, name, p);
  try {
    const loaded = await pool.load(
      source,
      p.shadow ? { shadow: true } : weight === undefined ? {} : { canaryWeight: weight },
    );
    reply(ctx, res, 200, { name, version: loaded.version, sha256: loaded.sha256 });
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError(400, `cannot load "${name}": ${describeError(e)}`);
  }
}
