import { flagOpt, listOpt, stringOpt, type Command } from './command.js';
import { ModelciError } from '../core/errors.js';
import { fileSource, parseModelFlag, runServe, type ServeOptions } from '../commands/serve.js';
import { registrySources } from '../serve/registry-source.js';
import { VERSION } from './main.js';

function integer(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new ModelciError('USAGE', `${flag} must be a whole number ≥ ${min} (got "${value}")`);
  return Number(value);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve ONNX models over the Open Inference Protocol (KServe v2 REST)',
  usage: [
    'Usage: modelci serve --model <name>=<file.onnx> [--model ...] --port <port>',
    '       modelci serve --registry <dir> --stage <stage> --port <port>',
    '',
    'Options:',
    '  --port <n>                  port to listen on; 0 picks a free one (default 8080)',
    '  --host <addr>               interface to bind (default 127.0.0.1)',
    '  --canary <name>=<file>      serve a second version of <name> to a share of requests',
    '  --canary-weight <0..1>      the canary share (default 0.1)',
    '  --log-predictions <file>    append one JSONL row per prediction (read by drift)',
    '  --features <name>=<a,b,..>  feature names for the prediction log of a wide input',
    '  --max-body-bytes <n>        larger request bodies get 413 (default 8388608)',
    '  --request-timeout-ms <n>    slow clients get 408 after this (default 30000)',
    '  --threads <n>               onnxruntime threads per model session (default 1)',
    '  --admin-token <t>           token for the repository (hot swap) API; env MODELCI_SERVE_TOKEN',
    '',
    'Prints "modelci serve: listening on <url>" once ready; SIGTERM drains and exits 0;',
    'SIGHUP (registry mode) reloads the stage pointers and hot-swaps changed versions.',
  ].join('\n'),
  options: {
    model: { type: 'string', multiple: true },
    registry: { type: 'string' },
    stage: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    canary: { type: 'string', multiple: true },
    'canary-weight': { type: 'string' },
    'log-predictions': { type: 'string' },
    features: { type: 'string', multiple: true },
    'max-body-bytes': { type: 'string' },
    'request-timeout-ms': { type: 'string' },
    'admin-token': { type: 'string' },
    threads: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(args, io) {
    const registry = stringOpt(args, 'registry');
    const stage = stringOpt(args, 'stage');
    const modelFlags = listOpt(args, 'model');
    if (registry && modelFlags.length)
      throw new ModelciError('USAGE', 'give either --model or --registry, not both');
    if (registry && !stage)
      throw new ModelciError('USAGE', '--registry needs --stage', {
        hint: 'e.g. --stage production',
      });
    const weightText = stringOpt(args, 'canary-weight') ?? '0.1';
    const weight = Number(weightText);
    if (!Number.isFinite(weight) || weight < 0 || weight > 1)
      throw new ModelciError('USAGE', `--canary-weight must be in [0, 1] (got "${weightText}")`);
    const features: Record<string, string[]> = {};
    for (const f of listOpt(args, 'features')) {
      const { name, file } = parseModelFlag(f, '--features');
      features[name] = file.split(',').map((s) => s.trim());
    }
    const quiet = flagOpt(args, 'quiet');
    const log = (line: string) => {
      if (!quiet) io.stderr(`modelci serve: ${line}\n`);
    };
    let options: ServeOptions;
    const common = {
      port: integer(stringOpt(args, 'port'), '--port', 0) ?? 8080,
      ...(stringOpt(args, 'host') ? { host: stringOpt(args, 'host')! } : {}),
      ...(stringOpt(args, 'log-predictions')
        ? { predictionLog: stringOpt(args, 'log-predictions')! }
        : {}),
      ...(Object.keys(features).length ? { features } : {}),
      ...(stringOpt(args, 'max-body-bytes')
        ? { maxBodyBytes: integer(stringOpt(args, 'max-body-bytes'), '--max-body-bytes', 1)! }
        : {}),
      ...(stringOpt(args, 'request-timeout-ms')
        ? {
            requestTimeoutMs: integer(
              stringOpt(args, 'request-timeout-ms'),
              '--request-timeout-ms',
              1,
            )!,
          }
        : {}),
      ...((stringOpt(args, 'admin-token') ?? io.env.MODELCI_SERVE_TOKEN)
        ? { adminToken: (stringOpt(args, 'admin-token') ?? io.env.MODELCI_SERVE_TOKEN)! }
        : {}),
      ...(stringOpt(args, 'threads')
        ? { threads: integer(stringOpt(args, 'threads'), '--threads', 1)! }
        : {}),
      serverVersion: VERSION,
      canaries: listOpt(args, 'canary').map((c) => {
        const { name, file } = parseModelFlag(c, '--canary');
        return { source: fileSource(name, file), weight };
      }),
      log,
    };
    if (registry) {
      const reg = await registrySources(registry, stage!);
      options = { ...common, models: reg.models, reload: reg.reload };
    } else {
      options = {
        ...common,
        models: modelFlags.map((f) => {
          const { name, file } = parseModelFlag(f);
          return fileSource(name, file);
        }),
      };
    }
    const handle = await runServe(options);
    io.stdout(`modelci serve: listening on ${handle.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log(`${signal}: draining in-flight requests`);
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        process.off('SIGHUP', onHup);
        void handle.close().then(resolve);
      };
      const onTerm = () => stop('SIGTERM');
      const onInt = () => stop('SIGINT');
      const onHup = () => {
        handle.reloadAll().catch((e: unknown) => log(`reload failed: ${(e as Error).message}`));
      };
      process.on('SIGTERM', onTerm);
      process.on('SIGINT', onInt);
      process.on('SIGHUP', onHup);
    });
    log('stopped');
    return 0;
  },
};
