import type { BatchPolicy } from './batcher.js';
import type { ModelSource } from './loaded-model.js';
import type { PredictionLog } from './prediction-log.js';
import type { SecretSet } from './secrets.js';

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
   * Loads a model from where it came from (registry mode: the stage pointer, or `version` when
   * given), for `POST /v2/repository/models/{name}/load` without a `uri` and for SIGHUP.
   */
  reload?: (name: string, version?: string) => Promise<ModelSource>;
  /**
   * Bearer token for the repository (load/unload) API; without one it only answers loopback, and
   * only requests a browser cannot send cross-site (admin-guard.ts).
   */
  adminToken?: string;
  /** Folders the repository API may load `uri` files from (none: registry loads only). */
  allowModelDirs?: string[];
  /** API keys: inference, metadata and /metrics then need `Authorization: Bearer <key>`. */
  apiKeys?: SecretSet;
  /** Token bucket per API key (or client address without keys): rate per second and burst. */
  rateLimit?: { perSecond: number; burst: number };
  /** Shadow runs waiting at most; beyond it they are dropped and counted (default 64). */
  shadowQueue?: number;
  /** Dynamic batching of concurrent requests to the same model version. */
  batch?: BatchPolicy;
  serverVersion?: string;
  /** onnxruntime intra-op threads per session (default 1). */
  threads?: number;
  log?: (line: string) => void;
}

export type ResolvedServerOptions = Required<
  Pick<
    ModelServerOptions,
    'host' | 'port' | 'maxBodyBytes' | 'requestTimeoutMs' | 'shutdownGraceMs' | 'maxBatch'
  >
> &
  ModelServerOptions;

export function resolveServerOptions(options: ModelServerOptions): ResolvedServerOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 8 << 20,
    requestTimeoutMs: 30_000,
    shutdownGraceMs: 30_000,
    maxBatch: 10_000,
    ...options,
  };
}
