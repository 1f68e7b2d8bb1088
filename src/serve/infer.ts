import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  parseInferenceRequest,
  ProtocolError,
  SMOKE_PARAMETER,
  validateAgainstSignature,
  type InferenceResponse,
} from '../core/serve/protocol.js';
import { BodyTooLarge, ClientGone, readJson } from './http-body.js';
import type { InferenceLabels } from './metrics.js';
import { reply, type Exchange, type ServerContext } from './server-context.js';

function statusOf(e: unknown, exchange: Exchange): number {
  if (exchange.timedOut) return 408;
  if (e instanceof BodyTooLarge) return 413;
  if (e instanceof ClientGone) return 499;
  if (e instanceof ProtocolError) return e.status;
  return 500;
}

/**
 * `POST /v2/models/{name}[/versions/{version}]/infer`: check the caller, validate, route (canary),
 * run (batched with concurrent requests when on), log, answer, then hand the request to the
 * shadow version, if any (shadow-runner.ts). Every request is counted once, with
 * the status it was answered with and the same labels in every series.
 */
export async function infer(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  version: string | undefined,
  exchange: Exchange,
): Promise<void> {
  const { metrics, options } = ctx;
  const started = performance.now();
  const served = ctx.pool.get(name);
  // Names not served are one label value, so clients cannot blow up label cardinality.
  const labels: InferenceLabels = { model: served ? name : '_unknown', version: '', role: '' };
  let status = 200;
  let onItsWay = false;
  // Tells the model this request is no longer on its way (once), so batches stop waiting for it.
  const arrive = () => {
    if (!onItsWay) return false;
    onItsWay = false;
    return served!.arrived();
  };
  metrics.inflight.inc();
  try {
    ctx.access.admit(ctx.access.authenticate(req));
    if (!served) throw new ProtocolError(404, `unknown model "${name}"`);
    served.incoming();
    onItsWay = true;
    const body = await readJson(req, options.maxBodyBytes, res);
    const request = parseInferenceRequest(body);
    const model = served.route(request.id, version);
    if (!model)
      throw new ProtocolError(
        404,
        `model "${name}" has no version "${version}" loaded; loaded: ${served.versions.map((m) => m.version).join(', ')}`,
      );
    labels.version = model.version;
    const role = served.canary?.model === model ? 'canary' : 'stable';
    labels.role = role;
    const weight = served.weight;
    try {
      const decoded = validateAgainstSignature(request, model.signature, {
        maxBatch: options.maxBatch,
      });
      const outputs = await model.infer(decoded, arrive());
      const response: InferenceResponse = {
        model_name: name,
        model_version: model.version,
        ...(request.id === undefined ? {} : { id: request.id }),
        outputs,
      };
      const rows = decoded.inputs[0]?.shape[0] ?? 1;
      metrics.countRows(labels, rows);
      // The deploy smoke test's requests are not traffic: neither logged nor shadowed.
      const traffic = request.parameters?.[SMOKE_PARAMETER] !== true;
      const features = options.features?.[name];
      let logKey: string | undefined;
      if (options.predictionLog && traffic) {
        const logged = options.predictionLog.write({
          model: name,
          version: model.version,
          role,
          id: request.id,
          ms: performance.now() - started,
          weight,
          inputs: decoded.inputs,
          outputs,
          ...(features ? { features } : {}),
        });
        logKey = logged.request;
        metrics.logRows.inc({ model: name, outcome: 'written' }, logged.rows);
        if (logged.dropped)
          metrics.logRows.inc({ model: name, outcome: 'dropped' }, logged.dropped);
      }
      reply(ctx, res, 200, response);
      const shadow = traffic ? served.shadow : undefined;
      if (shadow) {
        // Held from now, so a swap meanwhile releases its session only after the run.
        shadow.acquire();
        const job = {
          name,
          model: shadow,
          request: decoded,
          id: request.id,
          logKey,
          ...(features ? { features } : {}),
        };
        // Queued once the answer is out; an answer that never goes out is not run again.
        res.once('close', () => {
          if (res.writableFinished) ctx.shadows.offer(job);
          else shadow.release();
        });
      }
    } finally {
      model.release();
    }
  } catch (e) {
    status = statusOf(e, exchange);
    throw e;
  } finally {
    arrive();
    metrics.inflight.dec();
    metrics.recordInference(labels, status, (performance.now() - started) / 1000);
  }
}
