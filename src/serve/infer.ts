import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  parseInferenceRequest,
  ProtocolError,
  SMOKE_PARAMETER,
  validateAgainstSignature,
  type InferenceResponse,
} from '../core/serve/protocol.js';
import { BodyTooLarge, readJson } from './http-body.js';
import { reply, type ServerContext } from './server-context.js';

/** `POST /v2/models/{name}[/versions/{version}]/infer`: validate, route (canary), run, log. */
export async function infer(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  version: string | undefined,
): Promise<void> {
  const { metrics, options } = ctx;
  const started = performance.now();
  const served = ctx.pool.get(name);
  const label = served ? name : '_unknown';
  let status = 200;
  let versionLabel = '';
  let role = '';
  try {
    if (!served) throw new ProtocolError(404, `unknown model "${name}"`);
    const body = await readJson(req, options.maxBodyBytes);
    const request = parseInferenceRequest(body);
    const model = served.route(request.id, version);
    if (!model)
      throw new ProtocolError(
        404,
        `model "${name}" has no version "${version}" loaded; loaded: ${served.versions.map((m) => m.version).join(', ')}`,
      );
    versionLabel = model.version;
    role = served.canary?.model === model ? 'canary' : 'stable';
    try {
      const decoded = validateAgainstSignature(request, model.signature, {
        maxBatch: options.maxBatch,
      });
      const outputs = await model.infer(decoded);
      const response: InferenceResponse = {
        model_name: name,
        model_version: model.version,
        ...(request.id === undefined ? {} : { id: request.id }),
        outputs,
      };
      const rows = decoded.inputs[0]?.shape[0] ?? 1;
      metrics.rows.inc({ model: name, version: model.version }, rows);
      if (request.parameters?.[SMOKE_PARAMETER] !== true)
        options.predictionLog?.write({
          model: name,
          version: model.version,
          id: request.id,
          inputs: decoded.inputs,
          outputs,
          ...(options.features?.[name] ? { features: options.features[name] } : {}),
        });
      reply(ctx, res, 200, response);
    } finally {
      model.release();
    }
  } catch (e) {
    status = e instanceof BodyTooLarge ? 413 : e instanceof ProtocolError ? e.status : 500;
    if (!(e instanceof BodyTooLarge))
      metrics.errors.inc({ model: label, reason: status >= 500 ? 'server' : 'client' });
    throw e;
  } finally {
    metrics.requests.inc({ model: label, version: versionLabel, role, code: String(status) });
    metrics.latency.observe({ model: label }, (performance.now() - started) / 1000);
  }
}
