import { basename } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { checkName } from '../core/registry/names.js';
import type { ApiKeyEntry } from '../core/serve/api-keys.js';
import type { BatchPolicy } from '../serve/batcher.js';
import type { ModelSource } from '../serve/loaded-model.js';
import { PredictionLog } from '../serve/prediction-log.js';
import { SecretSet } from '../serve/secrets.js';
import { ModelServer } from '../serve/server.js';

export interface ServeOptions {
  /** Files to serve directly (`--model name=file.onnx`). */
  models: ModelSource[];
  /** Canary versions: loaded after the stable ones with their traffic share. */
  canaries?: { source: ModelSource; weight: number }[];
  /** Shadow versions: run every request of their model after its answer, never answer. */
  shadows?: ModelSource[];
  /** Shadow runs waiting at most before more are dropped. */
  shadowQueue?: number;
  /** Re-resolves a model from its origin (registry stage pointer) on reload; file mode: none. */
  reload?: (name: string, version?: string) => Promise<ModelSource>;
  host?: string;
  port: number;
  maxBodyBytes?: number;
  requestTimeoutMs?: number;
  shutdownGraceMs?: number;
  predictionLog?: string;
  /** Cap on the prediction log bytes one request writes (default 1 MiB). */
  maxLogBytesPerRequest?: number;
  features?: Record<string, string[]>;
  adminToken?: string;
  /** Folders the repository API may load files from. */
  allowModelDirs?: string[];
  /** Accepted API keys (plain or SHA-256); inference, metadata and /metrics then need one. */
  apiKeys?: ApiKeyEntry[];
  rateLimit?: { perSecond: number; burst: number };
  batch?: BatchPolicy;
  serverVersion?: string;
  threads?: number;
  log?: (line: string) => void;
}

export interface ServeHandle {
  server: ModelServer;
  url: string;
  /** Graceful stop: in-flight requests finish first. */
  close(): Promise<void>;
  /** Reloads every model from its origin (registry mode), as a hot swap. */
  reloadAll(): Promise<void>;
}

/** `name=path` pairs from the command line or action inputs. */
export function parseModelFlag(flag: string, what = '--model'): { name: string; file: string } {
  const eq = flag.indexOf('=');
  if (eq <= 0 || eq === flag.length - 1)
    throw new ModelciError('USAGE', `${what} "${flag}" must look like <name>=<file.onnx>`, {
      hint: `e.g. ${what} churn=model.onnx`,
    });
  return { name: flag.slice(0, eq), file: flag.slice(eq + 1) };
}

export function fileSource(name: string, file: string): ModelSource {
  return { name, file, version: basename(file) };
}

/** Stable versions first, then canaries and shadows, which need their stable version. */
async function loadAll(server: ModelServer, options: ServeOptions, names: Set<string>) {
  for (const m of options.models) await server.load(m);
  for (const c of options.canaries ?? []) {
    if (!names.has(c.source.name))
      throw new ModelciError('USAGE', `canary for "${c.source.name}", which is not served`, {
        hint: 'Serve the stable version with --artifact first',
      });
    await server.load(c.source, { canaryWeight: c.weight });
  }
  for (const sh of options.shadows ?? []) {
    if (!names.has(sh.name))
      throw new ModelciError('USAGE', `shadow for "${sh.name}", which is not served`, {
        hint: 'Serve the stable version with --artifact first',
      });
    await server.load(sh, { shadow: true });
  }
}

/** Starts the inference server with every model loaded; resolves once it listens. */
export async function runServe(options: ServeOptions): Promise<ServeHandle> {
  if (options.models.length === 0)
    throw new ModelciError('USAGE', 'nothing to serve', {
      hint: 'Pass --artifact <name>=<file.onnx>, or --registry <dir> --stage <stage>',
    });
  const names = new Set<string>();
  for (const m of options.models) {
    checkName(m.name);
    if (names.has(m.name))
      throw new ModelciError('USAGE', `model "${m.name}" is given twice`, {
        hint: 'Use --canary to serve a second version of the same model',
      });
    names.add(m.name);
  }
  const server = new ModelServer({
    ...(options.host ? { host: options.host } : {}),
    port: options.port,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.shutdownGraceMs ? { shutdownGraceMs: options.shutdownGraceMs } : {}),
    ...(options.predictionLog
      ? { predictionLog: new PredictionLog(options.predictionLog, options.maxLogBytesPerRequest) }
      : {}),
    ...(options.features ? { features: options.features } : {}),
    ...(options.reload ? { reload: options.reload } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.allowModelDirs ? { allowModelDirs: options.allowModelDirs } : {}),
    ...(options.apiKeys ? { apiKeys: new SecretSet(options.apiKeys) } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.batch ? { batch: options.batch } : {}),
    ...(options.shadowQueue ? { shadowQueue: options.shadowQueue } : {}),
    ...(options.serverVersion ? { serverVersion: options.serverVersion } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await loadAll(server, options, names);
  } catch (e) {
    // Models loaded before the failure hold onnxruntime sessions: release them.
    await server.close();
    throw e;
  }
  let url: string;
  try {
    url = await server.listen();
  } catch (e) {
    await server.close();
    throw new ModelciError(
      'USAGE',
      `cannot listen on port ${options.port}: ${(e as Error).message}`,
      {
        hint: 'Pick another --port, or 0 for a free one',
      },
    );
  }
  return {
    server,
    url,
    close: () => server.close(),
    async reloadAll() {
      if (!options.reload) return;
      for (const name of names) await server.load(await options.reload(name));
    },
  };
}
