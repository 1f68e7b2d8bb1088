import type { ServerResponse } from 'node:http';
import { sendJson } from './http-body.js';
import type { ServerMetrics } from './metrics.js';
import type { ModelPool } from './model-pool.js';
import type { ResolvedServerOptions } from './server-options.js';

/** What the route handlers share: the models, the metrics, the options and the drain state. */
export interface ServerContext {
  readonly pool: ModelPool;
  readonly metrics: ServerMetrics;
  readonly options: ResolvedServerOptions;
  /** True once shutdown began: answers say `Connection: close` and readiness turns false. */
  readonly draining: boolean;
}

export function reply(
  ctx: ServerContext,
  res: ServerResponse,
  status: number,
  body: unknown,
): void {
  sendJson(res, status, body, ctx.draining);
}
