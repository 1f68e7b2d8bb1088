import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { describeError } from '../core/errors.js';
import { ProtocolError } from '../core/serve/protocol.js';
import { AccessControl } from './access.js';
import { BodyTooLarge, ClientGone, sendJson } from './http-body.js';
import type { LoadedModel, ModelSource } from './loaded-model.js';
import { ServerMetrics } from './metrics.js';
import { ModelDirs } from './model-dirs.js';
import { ModelPool, type LoadOptions } from './model-pool.js';
import { route } from './routes.js';
import { SecretSet } from './secrets.js';
import { ShadowRunner } from './shadow-runner.js';
import type { Exchange, ServerContext } from './server-context.js';
import {
  resolveServerOptions,
  type ModelServerOptions,
  type ResolvedServerOptions,
} from './server-options.js';
import type { ServedModel } from './served-model.js';

export type { ModelServerOptions } from './server-options.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'HPE_INVALID_EOF_STATE']);

/** A whole HTTP response written on a socket the HTTP parser gave up on (no request object). */
function rawJsonAnswer(status: number, error: string): string {
  const body = JSON.stringify({ error });
  return (
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

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
  readonly access: AccessControl;
  readonly adminToken: SecretSet | undefined;
  readonly modelDirs: ModelDirs;
  readonly shadows: ShadowRunner;
  private readonly http: Server;
  private readonly exchanges = new WeakMap<Duplex, { exchange: Exchange; res: ServerResponse }>();
  private closingDown = false;
  private closing: Promise<void> | undefined;

  constructor(options: ModelServerOptions = {}) {
    this.options = resolveServerOptions(options);
    this.pool = new ModelPool(this.metrics, {
      ...(this.options.threads ? { threads: this.options.threads } : {}),
      ...(this.options.batch ? { batch: this.options.batch } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
    this.access = new AccessControl({
      apiKeys: this.options.apiKeys,
      rateLimit: this.options.rateLimit,
    });
    this.adminToken = this.options.adminToken ? SecretSet.of(this.options.adminToken) : undefined;
    this.modelDirs = new ModelDirs(this.options.allowModelDirs ?? []);
    this.shadows = new ShadowRunner(this.metrics, {
      capacity: this.options.shadowQueue,
      predictionLog: this.options.predictionLog,
      log: this.options.log,
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
    this.http.on('clientError', (err, socket) => this.connectionError(err, socket));
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
      // Shadow runs of answered requests finish (or were dropped) before their sessions go.
      await this.shadows.idle();
      await this.pool.close();
      await this.options.predictionLog?.close();
    })();
    return this.closing;
  }

  /**
   * The HTTP parser refused a request or Node's request timeout fired. A request being handled
   * gets its 408 through its own response (and is counted once, as 408, by its handler); otherwise
   * the answer is written on the socket, with a JSON body like every other error.
   */
  private connectionError(err: Error, socket: Duplex): void {
    const code = (err as NodeJS.ErrnoException).code;
    const timeout = code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const open = this.exchanges.get(socket);
    if (timeout && open && !open.res.headersSent) {
      open.exchange.timedOut = true;
      open.res.setHeader('connection', 'close');
      sendJson(open.res, 408, {
        error: `the request was not received within ${this.options.requestTimeoutMs} ms`,
      });
      open.res.on('finish', () => socket.destroy());
      return;
    }
    // The client left (its request, if any, is counted as 499 by its handler): nothing to answer.
    if (open || !socket.writable || socket.destroyed || CLIENT_GONE.has(code ?? '')) {
      socket.destroy();
      return;
    }
    const status = timeout ? 408 : code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = timeout
      ? `the request was not received within ${this.options.requestTimeoutMs} ms`
      : status === 431
        ? 'the request headers are too large'
        : `malformed HTTP request (${code ?? 'parse error'})`;
    this.metrics.countHttp('connection', status);
    socket.end(rawJsonAnswer(status, message));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const exchange: Exchange = { handler: 'other', timedOut: false, closed: false };
    const socket: Socket = req.socket;
    this.exchanges.set(socket, { exchange, res });
    res.on('close', () => {
      exchange.closed = true;
      if (this.exchanges.get(socket)?.exchange === exchange) this.exchanges.delete(socket);
      // An answer that never went out completely: the client left first (nginx's 499).
      const code = res.writableFinished ? res.statusCode : 499;
      this.metrics.countHttp(exchange.handler, code);
    });
    try {
      await route(this, req, res, exchange);
    } catch (e) {
      if (exchange.timedOut || res.headersSent) return;
      if (e instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, {
          error: `request body is larger than ${this.options.maxBodyBytes} bytes`,
        });
        // The rest of the body is not read: close the socket once the answer is out.
        res.on('finish', () => req.socket.destroy());
      } else if (e instanceof ClientGone) {
        req.socket.destroy();
      } else if (e instanceof ProtocolError) {
        for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
        sendJson(res, e.status, { error: e.message }, this.draining);
      } else if (!exchange.closed) {
        // (Not req.destroyed: a request whose body was read is destroyed already.)
        this.options.log?.(`internal error on ${req.method} ${req.url}: ${describeError(e)}`);
        sendJson(res, 500, { error: describeError(e) }, this.draining);
      }
    }
  }
}
