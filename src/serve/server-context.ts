import type { ServerResponse } from 'node:http';
import type { AccessControl } from './access.js';
import { sendJson } from './http-body.js';
import type { ServerMetrics } from './metrics.js';
import type { ModelDirs } from './model-dirs.js';
import type { ModelPool } from './model-pool.js';
import type { SecretSet } from './secrets.js';
import type { ShadowRunner } from './shadow-runner.js';
import type { ResolvedServerOptions } from './server-options.js';

/** What the route handlers share: the models, the metrics, the options and the drain state. */
export interface ServerContext {
  readonly pool: ModelPool;
  readonly metrics: ServerMetrics;
  readonly options: ResolvedServerOptions;
  readonly access: AccessControl;
  readonly adminToken: SecretSet | undefined;
  readonly modelDirs: ModelDirs;
  readonly shadows: ShadowRunner;
  /** True once shutdown began: answers say `Connection: close` and readiness turns false. */
  readonly draining: boolean;
}

/** Which part of the server answered, for `modelci_serve_http_requests_total{handler}`. */
export type Handler =
  'infer' | 'metadata' | 'health' | 'repository' | 'metrics' | 'other' | 'connection';

/** One request's state while it is handled. */
export interface Exchange {
  handler: Handler;
  /** Set when Node's request timeout fired: the answer is 408, whatever the handler saw. */
  timedOut: boolean;
  /** Set when the response closed (answered, timed out, or the client left). */
  closed: boolean;
}

export function reply(
  ctx: ServerContext,
  res: ServerResponse,
  status: number,
  body: unknown,
): void {
  sendJson(res, status, body, ctx.draining);
}
