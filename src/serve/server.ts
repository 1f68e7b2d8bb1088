import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../core/errors.js';
import { ProtocolError } from '../core/serve/protocol.js';
import { BodyTooLarge } from './http-body.js';
import type { LoadedModel, ModelSource } from './loaded-model.js';
import { ServerMetrics } from './metrics.js';
import { ModelPool, type LoadOptions } from './model-pool.js';
import { route } from './routes.js';
import { reply, type ServerContext } from './server-context.js';
import {
  resolveServerOptions,
  type ModelServerOptions,
  type ResolvedServerOptions,
} from './server-options.js';
import type { ServedModel } from './served-model.js';

export type { ModelServerOptions } from './server-options.js';

/**
 * The Open Inference Protocol (KServe v2 REST) server: health, metadata, inference, a model
 * repository extension for hot swaps, and Prometheus metrics. This class is the lifecycle: it
 * binds, maps errors to answers, and drains on close; the routes live in routes.ts, infer.ts and
 * admin-api.ts, the models in model-pool.ts. Node's http server enforces the request timeout (408)
 * so one slow client cannot hold a worker.
 */
export class ModelServer implements ServerContext {
  readonly metrics = new ServerMetrics();
  readonly options: ResolvedServerOptions;
  readonly pool: ModelPool;
  private readonly http: Server;
  private closingDown = false;
  private inflight = 0;
  private closing: Promise<void> | undefined;

  constructor(options: ModelServerOptions = {}) {
    this.options = resolveServerOptions(options);
    this.pool = new ModelPool(this.metrics, {
      ...(this.options.threads ? { threads: this.options.threads } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
    const t = this.options.requestTimeoutMs;
    this.http = createServer(
      {
        requestTimeout: t,
        headersTimeout: t,
        keepAliveTimeout: 5_000,
        // How often node checks the request timeout; finer for short timeouts (tests).
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(t / 4))),
      },
      (req, res) => void this.handle(req, res),
    );
    this.http.on('clientError', (err, socket) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
        this.metrics.errors.inc({ model: '', reason: 'timeout' });
      if (socket.writable && !socket.destroyed)
        socket.end(
          code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
            : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n',
        );
      else socket.destroy();
    });
  }

  get draining(): boolean {
    return this.closingDown;
  }

  /** Loads a model version as the stable version of `source.name` (replacing any, hot). */
  load(source: ModelSource, params: LoadOptions = {}): Promise<LoadedModel> {
    return this.pool.load(source, params);
  }

  model(name: string): ServedModel | undefined {
    return this.pool.get(name);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    return this.url;
  }

  get url(): string {
    const addr = this.http.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }

  /**
   * Graceful shutdown: stop accepting, report not ready, let in-flight requests finish (up to the
   * grace period), then release the models and flush the prediction log.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closingDown = true;
      const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
      this.http.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.options.log?.('shutdown grace period over; closing remaining connections');
          this.http.closeAllConnections();
          resolve();
        }, this.options.shutdownGraceMs);
        timer.unref();
      });
      await Promise.race([closed, grace]);
      clearTimeout(timer);
      await this.pool.close();
      await this.options.predictionLog?.close();
    })();
    return this.closing;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inflight++;
    this.metrics.inflight.set({}, this.inflight);
    res.on('close', () => {
      this.inflight--;
      this.metrics.inflight.set({}, this.inflight);
    });
    try {
      await route(this, req, res);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        this.metrics.errors.inc({ model: '', reason: 'too_large' });
        res.setHeader('connection', 'close');
        reply(this, res, 413, {
          error: `request body is larger than ${this.options.maxBodyBytes} bytes`,
        });
        // The rest of the body is not read: close the socket once the answer is out.
        res.on('finish', () => req.socket.destroy());
      } else if (e instanceof ProtocolError) {
        reply(this, res, e.status, { error: e.message });
      } else if (!res.headersSent && !req.destroyed) {
        this.options.log?.(`internal error on ${req.method} ${req.url}: ${describeError(e)}`);
        reply(this, res, 500, { error: describeError(e) });
      }
    }
  }
}
