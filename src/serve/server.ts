import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../core/errors.js';
import { PROMETHEUS_CONTENT_TYPE } from '../core/serve/prometheus.js';
import {
  parseInferenceRequest,
  ProtocolError,
  SMOKE_PARAMETER,
  validateAgainstSignature,
  type InferenceResponse,
  type MetadataTensor,
} from '../core/serve/protocol.js';
import { LoadedModel, type ModelSource } from './loaded-model.js';
import { ServerMetrics } from './metrics.js';
import type { PredictionLog } from './prediction-log.js';
import { ServedModel } from './served-model.js';

export interface ModelServerOptions {
  /** Interface to bind; loopback unless asked otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Request bodies above this get 413 (default 8 MiB). */
  maxBodyBytes?: number;
  /** Time to receive a whole request before the server answers 408 and closes (default 30 s). */
  requestTimeoutMs?: number;
  /** How long shutdown waits for in-flight requests before closing their sockets (default 30 s). */
  shutdownGraceMs?: number;
  /** Largest first dimension accepted in one request (default 10 000). */
  maxBatch?: number;
  predictionLog?: PredictionLog;
  /** Feature names per model for the prediction log (single wide input). */
  features?: Record<string, string[]>;
  /**
   * Reloads a model from where it came from (registry mode: the stage pointer), for
   * `POST /v2/repository/models/{name}/load` without a `uri` and for SIGHUP.
   */
  reload?: (name: string) => Promise<ModelSource>;
  /** Bearer token for the repository (load/unload) API; without one it only answers loopback. */
  adminToken?: string;
  serverVersion?: string;
  /** onnxruntime intra-op threads per session (default 1). */
  threads?: number;
  log?: (line: string) => void;
}

export interface LoadParameters {
  uri?: string;
  version?: string;
  sha256?: string;
  /** Load as the canary with this share of traffic (0 removes the canary). */
  canary_weight?: number;
}

const JSON_TYPE = 'application/json';

class BodyTooLarge extends Error {}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/**
 * The Open Inference Protocol (KServe v2 REST) server: health, metadata, inference, a model
 * repository extension for hot swaps, and Prometheus metrics. Node's http server enforces the
 * request timeout (408) so one slow client cannot hold a worker; shutdown drains in-flight work.
 */
export class ModelServer {
  readonly metrics = new ServerMetrics();
  private readonly models = new Map<string, ServedModel>();
  private readonly http: Server;
  private readonly opts: Required<
    Pick<
      ModelServerOptions,
      'host' | 'port' | 'maxBodyBytes' | 'requestTimeoutMs' | 'shutdownGraceMs' | 'maxBatch'
    >
  > &
    ModelServerOptions;
  private draining = false;
  private inflight = 0;
  private closing: Promise<void> | undefined;
  private readonly loads = new Map<string, Promise<unknown>>();

  constructor(options: ModelServerOptions = {}) {
    this.opts = {
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 8 << 20,
      requestTimeoutMs: 30_000,
      shutdownGraceMs: 30_000,
      maxBatch: 10_000,
      ...options,
    };
    const t = this.opts.requestTimeoutMs;
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

  /** Loads a model version as the stable version of `source.name` (replacing any, hot). */
  async load(source: ModelSource, params: { canaryWeight?: number } = {}): Promise<LoadedModel> {
    // One load per model name at a time, so two swaps cannot interleave.
    const previous = this.loads.get(source.name) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.loadNow(source, params));
    this.loads.set(source.name, run);
    return run;
  }

  private async loadNow(
    source: ModelSource,
    params: { canaryWeight?: number },
  ): Promise<LoadedModel> {
    let next: LoadedModel;
    try {
      next = await LoadedModel.load(source, { threads: this.opts.threads ?? 1 });
    } catch (e) {
      this.metrics.swaps.inc({ model: source.name, outcome: 'failed' });
      throw e;
    }
    const served = this.models.get(source.name);
    if (!served) {
      if (params.canaryWeight !== undefined) {
        await next.dispose();
        throw new ProtocolError(
          400,
          `model "${source.name}" has no stable version yet; load one before a canary`,
        );
      }
      this.models.set(source.name, new ServedModel(source.name, next));
    } else if (params.canaryWeight !== undefined) {
      served.setCanary(next, params.canaryWeight);
    } else {
      served.swapStable(next);
    }
    this.metrics.swaps.inc({ model: source.name, outcome: 'loaded' });
    this.refreshInfo(source.name);
    this.opts.log?.(
      `loaded ${source.name} version ${source.version}${params.canaryWeight !== undefined ? ` as canary (weight ${params.canaryWeight})` : ''}`,
    );
    return next;
  }

  private refreshInfo(name: string): void {
    const served = this.models.get(name);
    this.metrics.modelInfo.remove({ model: name });
    if (!served) return;
    const s = served.stable;
    this.metrics.modelInfo.set(
      { model: name, version: s.version, sha256: s.sha256, role: 'stable', weight: '' },
      1,
    );
    const c = served.canary;
    if (c)
      this.metrics.modelInfo.set(
        {
          model: name,
          version: c.model.version,
          sha256: c.model.sha256,
          role: 'canary',
          weight: String(c.weight),
        },
        1,
      );
  }

  model(name: string): ServedModel | undefined {
    return this.models.get(name);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => {
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
      this.draining = true;
      const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
      this.http.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.opts.log?.('shutdown grace period over; closing remaining connections');
          this.http.closeAllConnections();
          resolve();
        }, this.opts.shutdownGraceMs);
        timer.unref();
      });
      await Promise.race([closed, grace]);
      clearTimeout(timer);
      await Promise.allSettled([...this.loads.values()]);
      for (const served of this.models.values()) served.retireAll();
      await this.opts.predictionLog?.close();
    })();
    return this.closing;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    const headers: Record<string, string | number> = {
      'content-type': JSON_TYPE,
      'content-length': Buffer.byteLength(text),
    };
    if (this.draining) headers.connection = 'close';
    res.writeHead(status, headers);
    res.end(text);
  }

  private fail(res: ServerResponse, status: number, message: string): void {
    this.send(res, status, { error: message });
  }

  private readBody(req: IncomingMessage): Promise<Buffer> {
    const limit = this.opts.maxBodyBytes;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          req.removeAllListeners('data');
          req.pause();
          reject(new BodyTooLarge());
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
      req.on('aborted', () => reject(new Error('client aborted')));
    });
  }

  private async readJson(req: IncomingMessage): Promise<unknown> {
    const body = await this.readBody(req);
    if (body.length === 0) return undefined;
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new ProtocolError(400, `malformed JSON body: ${(e as Error).message}`);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inflight++;
    this.metrics.inflight.set({}, this.inflight);
    res.on('close', () => {
      this.inflight--;
      this.metrics.inflight.set({}, this.inflight);
    });
    try {
      await this.route(req, res);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        this.metrics.errors.inc({ model: '', reason: 'too_large' });
        res.setHeader('connection', 'close');
        this.fail(res, 413, `request body is larger than ${this.opts.maxBodyBytes} bytes`);
        // The rest of the body is not read: close the socket once the answer is out.
        res.on('finish', () => req.socket.destroy());
      } else if (e instanceof ProtocolError) {
        this.fail(res, e.status, e.message);
      } else if (!res.headersSent && !req.destroyed) {
        this.opts.log?.(`internal error on ${req.method} ${req.url}: ${describeError(e)}`);
        this.fail(res, 500, describeError(e));
      }
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
      res.end(this.metrics.render());
      return;
    }
    const seg = path
      .split('/')
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          throw new ProtocolError(400, `malformed URL path ${path}`);
        }
      });
    if (seg[0] !== 'v2') throw new ProtocolError(404, `no route ${method} ${path}`);
    const expect = (m: string) => {
      if (method !== m) throw new ProtocolError(405, `${path} accepts ${m}, not ${method}`);
    };
    if (seg.length === 1) {
      expect('GET');
      return this.send(res, 200, {
        name: 'modelci',
        version: this.opts.serverVersion ?? '0',
        extensions: ['model_repository'],
      });
    }
    if (seg[1] === 'health' && seg.length === 3 && (seg[2] === 'live' || seg[2] === 'ready')) {
      expect('GET');
      if (seg[2] === 'live') return this.send(res, 200, { live: true });
      const ready = !this.draining && this.models.size > 0;
      // The protocol: 200 means ready, a 4xx status means not ready.
      return this.send(res, ready ? 200 : 400, { ready });
    }
    if (seg[1] === 'models' && seg.length >= 3) return this.routeModel(req, res, seg.slice(2));
    if (seg[1] === 'repository') return this.routeRepository(req, res, seg.slice(2));
    throw new ProtocolError(404, `no route ${method} ${path}`);
  }

  private async routeModel(
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
      return this.infer(req, res, name, version);
    }
    if (req.method !== 'GET')
      throw new ProtocolError(405, `${req.url} accepts GET, not ${req.method}`);
    const served = this.models.get(name);
    const versions = served?.versions ?? [];
    const target =
      version === undefined ? served?.stable : versions.find((m) => m.version === version);
    if (action === 'ready') {
      // Ready answers for unknown models too (false), as the protocol's ModelReady does.
      const ready = target !== undefined && !this.draining;
      return this.send(res, ready ? 200 : 400, { name, ready });
    }
    if (!target)
      throw new ProtocolError(
        404,
        served
          ? `model "${name}" has no version "${version}" loaded; loaded: ${versions.map((m) => m.version).join(', ')}`
          : `unknown model "${name}"`,
      );
    const meta = (t: MetadataTensor) => ({ name: t.name, datatype: t.datatype, shape: t.shape });
    return this.send(res, 200, {
      name,
      versions: versions.map((m) => m.version),
      platform: 'onnxruntime_onnx',
      inputs: target.signature.inputs.map(meta),
      outputs: target.signature.outputs.map(meta),
    });
  }

  private async infer(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    version: string | undefined,
  ): Promise<void> {
    const started = performance.now();
    const served = this.models.get(name);
    const label = served ? name : '_unknown';
    let status = 200;
    let versionLabel = '';
    let role = '';
    try {
      if (!served) throw new ProtocolError(404, `unknown model "${name}"`);
      const body = await this.readJson(req);
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
          maxBatch: this.opts.maxBatch,
        });
        const outputs = await model.infer(decoded);
        const response: InferenceResponse = {
          model_name: name,
          model_version: model.version,
          ...(request.id === undefined ? {} : { id: request.id }),
          outputs,
        };
        const rows = decoded.inputs[0]?.shape[0] ?? 1;
        this.metrics.rows.inc({ model: name, version: model.version }, rows);
        if (request.parameters?.[SMOKE_PARAMETER] !== true)
          this.opts.predictionLog?.write({
            model: name,
            version: model.version,
            id: request.id,
            inputs: decoded.inputs,
            outputs,
            ...(this.opts.features?.[name] ? { features: this.opts.features[name] } : {}),
          });
        this.send(res, 200, response);
      } finally {
        model.release();
      }
    } catch (e) {
      status = e instanceof BodyTooLarge ? 413 : e instanceof ProtocolError ? e.status : 500;
      if (!(e instanceof BodyTooLarge))
        this.metrics.errors.inc({ model: label, reason: status >= 500 ? 'server' : 'client' });
      throw e;
    } finally {
      this.metrics.requests.inc({
        model: label,
        version: versionLabel,
        role,
        code: String(status),
      });
      this.metrics.latency.observe({ model: label }, (performance.now() - started) / 1000);
    }
  }

  private async routeRepository(
    req: IncomingMessage,
    res: ServerResponse,
    rest: string[],
  ): Promise<void> {
    const token = this.opts.adminToken;
    if (token) {
      if (req.headers.authorization !== `Bearer ${token}`)
        throw new ProtocolError(401, 'the repository API needs "Authorization: Bearer <token>"');
    } else if (!isLoopback(this.opts.host)) {
      throw new ProtocolError(
        403,
        'the repository API is disabled: start the server with an admin token',
      );
    }
    if (req.method !== 'POST')
      throw new ProtocolError(405, `${req.url} accepts POST, not ${req.method}`);
    if (rest.length === 1 && rest[0] === 'index') {
      const index = [...this.models.values()].flatMap((s) =>
        s.versions.map((m) => ({ name: s.name, version: m.version, state: 'READY' })),
      );
      return this.send(res, 200, index);
    }
    if (rest.length !== 3 || rest[0] !== 'models' || (rest[2] !== 'load' && rest[2] !== 'unload'))
      throw new ProtocolError(404, `no route POST ${req.url}`);
    const name = rest[1]!;
    const body = (await this.readJson(req)) ?? {};
    const params = (body as { parameters?: LoadParameters }).parameters ?? {};
    if (typeof params !== 'object') throw new ProtocolError(400, '"parameters" must be an object');
    if (rest[2] === 'unload') {
      // Only the canary can be unloaded: the stable version is replaced, never removed.
      const served = this.models.get(name);
      if (!served) throw new ProtocolError(404, `unknown model "${name}"`);
      served.setCanary(undefined, 0);
      this.refreshInfo(name);
      return this.send(res, 200, {});
    }
    const weight = params.canary_weight;
    if (weight !== undefined && (typeof weight !== 'number' || weight < 0 || weight > 1))
      throw new ProtocolError(400, '"canary_weight" must be a number in [0, 1]');
    if (weight === 0) {
      this.models.get(name)?.setCanary(undefined, 0);
      this.refreshInfo(name);
      return this.send(res, 200, {});
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
    } else if (this.opts.reload) {
      source = await this.opts.reload(name);
    } else {
      throw new ProtocolError(400, 'give "parameters": {"uri": "<file.onnx>", "version": "..."}');
    }
    try {
      const loaded = await this.load(source, weight === undefined ? {} : { canaryWeight: weight });
      this.send(res, 200, { name, version: loaded.version, sha256: loaded.sha256 });
    } catch (e) {
      if (e instanceof ProtocolError) throw e;
      throw new ProtocolError(400, `cannot load "${name}": ${describeError(e)}`);
    }
  }
}
