import { readFileSync } from 'node:fs';
import { ModelciError } from '../../core/errors.js';
import { parseApiKeys } from '../../core/serve/api-keys.js';
import { parseRate } from '../../core/serve/rate-limit.js';
import type { serveSpec } from '../../spec/commands/serve.js';
import type { Parsed } from '../../spec/option-spec.js';
import { registrySources } from '../registry-sources.js';
import {
  fileSource,
  parseModelFlag,
  runServe,
  type ServeHandle,
  type ServeOptions,
} from '../serve.js';
import type { Invocation } from '../invocation.js';

type ServeValues = Parsed<typeof serveSpec.options>['values'];

function readSecretFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelciError('USAGE', `cannot read the ${what}: ${(e as Error).message}`, { file });
  }
}

type ProductionOptions = Pick<
  ServeOptions,
  'apiKeys' | 'rateLimit' | 'adminToken' | 'allowModelDirs' | 'batch' | 'maxLogBytesPerRequest'
>;

/** API keys, rate limit, admin token, allowed folders and batching: secrets from files or env only. */
function productionOptions(
  v: ServeValues,
  given: ReadonlySet<string>,
  env: NodeJS.ProcessEnv,
): ProductionOptions {
  const out: ProductionOptions = { maxLogBytesPerRequest: v.maxLogBytes };
  if (v.apiKeys) out.apiKeys = parseApiKeys(readSecretFile(v.apiKeys, 'API key file'), v.apiKeys);
  else if (env.MODELCI_SERVE_API_KEYS)
    out.apiKeys = parseApiKeys(env.MODELCI_SERVE_API_KEYS, 'MODELCI_SERVE_API_KEYS');
  if (v.rateLimit !== undefined) {
    const perSecond = parseRate(v.rateLimit);
    if (perSecond === undefined)
      throw new ModelciError(
        'USAGE',
        `--rate-limit must look like 100/s or 6000/min (got "${v.rateLimit}")`,
      );
    out.rateLimit = { perSecond, burst: v.rateBurst ?? Math.max(1, Math.ceil(perSecond)) };
  } else if (v.rateBurst !== undefined)
    throw new ModelciError('USAGE', '--rate-burst needs --rate-limit');
  const token = v.adminTokenFile
    ? readSecretFile(v.adminTokenFile, 'admin token file').trim()
    : (env.MODELCI_SERVE_ADMIN_TOKEN ?? env.MODELCI_SERVE_TOKEN)?.trim();
  if (token !== undefined) {
    if (token.length < 16)
      throw new ModelciError('USAGE', 'the admin token must be at least 16 characters', {
        ...(v.adminTokenFile ? { file: v.adminTokenFile } : {}),
        hint: 'Generate one with: openssl rand -hex 32',
      });
    out.adminToken = token;
  }
  if (v.allowModelDir.length) out.allowModelDirs = v.allowModelDir;
  if (v.batchMaxRows > 1) out.batch = { maxRows: v.batchMaxRows, waitMs: v.batchWaitMs };
  else if (given.has('batch-wait-ms'))
    throw new ModelciError('USAGE', '--batch-wait-ms needs --batch-max-rows above 1');
  return out;
}

/**
 * `modelci serve`: the served models (files or a registry stage), the production settings (API
 * keys, limits, admin lock, batching) and the server, listening once this resolves.
 */
export async function invokeServe(
  { values: v, given, spelled }: Parsed<typeof serveSpec.options>,
  inv: Pick<Invocation, 'processEnv' | 'log'>,
  serverVersion: string,
): Promise<ServeHandle> {
  const artifactFlag = spelled.get('artifact') ?? '--artifact';
  const registry = v.registry;
  const stage = v.stage;
  if (registry && v.artifact.length)
    throw new ModelciError('USAGE', 'give either --artifact or --registry, not both');
  if (registry && !stage)
    throw new ModelciError('USAGE', '--registry needs --stage', {
      hint: 'e.g. --stage production',
    });
  if (!registry && !v.artifact.length)
    throw new ModelciError('USAGE', 'nothing to serve', {
      hint: 'Pass --artifact <name>=<file.onnx>, or --registry <dir> --stage <stage>',
    });
  const features: Record<string, string[]> = {};
  for (const f of v.features) {
    const { name, file } = parseModelFlag(f, '--features');
    features[name] = file.split(',').map((s) => s.trim());
  }
  const common = {
    port: v.port,
    host: v.host,
    ...(v.logPredictions ? { predictionLog: v.logPredictions } : {}),
    ...(Object.keys(features).length ? { features } : {}),
    maxBodyBytes: v.maxBodyBytes,
    requestTimeoutMs: v.requestTimeoutMs,
    ...productionOptions(v, given, inv.processEnv),
    threads: v.threads,
    serverVersion,
    canaries: v.canary.map((c) => {
      const { name, file } = parseModelFlag(c, '--canary');
      return { source: fileSource(name, file), weight: v.canaryWeight };
    }),
    shadows: v.shadow.map((f) => {
      const { name, file } = parseModelFlag(f, '--shadow');
      return fileSource(name, file);
    }),
    shadowQueue: v.shadowQueue,
    log: inv.log,
  };
  let options: ServeOptions;
  if (registry) {
    const reg = await registrySources(registry, stage!);
    // Artifacts the registry stores in its folder may be loaded by path too (deploy does).
    const allowModelDirs = [...(common.allowModelDirs ?? []), registry];
    options = { ...common, allowModelDirs, models: reg.models, reload: reg.reload };
  } else {
    options = {
      ...common,
      models: v.artifact.map((f) => {
        const { name, file } = parseModelFlag(f, artifactFlag);
        return fileSource(name, file);
      }),
    };
  }
  return runServe(options);
}
