import { ModelciError } from '../core/errors.js';
import { fileSource, parseModelFlag, runServe, type ServeOptions } from '../commands/serve.js';
import { registrySources } from '../commands/registry-sources.js';
import { serveSpec } from '../spec/commands/serve.js';
import { defineCliCommand } from './command.js';
import { VERSION } from './version.js';

export const serveCommand = defineCliCommand({
  spec: serveSpec,
  async run({ values: v, spelled }, io) {
    const artifactFlag = spelled.get('artifact') ?? '--artifact';
    const registry = v.registry;
    const stage = v.stage;
    const modelFlags = v.artifact;
    if (registry && modelFlags.length)
      throw new ModelciError('USAGE', 'give either --artifact or --registry, not both');
    if (registry && !stage)
      throw new ModelciError('USAGE', '--registry needs --stage', {
        hint: 'e.g. --stage production',
      });
    if (!registry && !modelFlags.length)
      throw new ModelciError('USAGE', 'nothing to serve', {
        hint: 'Pass --artifact <name>=<file.onnx>, or --registry <dir> --stage <stage>',
      });
    const features: Record<string, string[]> = {};
    for (const f of v.features) {
      const { name, file } = parseModelFlag(f, '--features');
      features[name] = file.split(',').map((s) => s.trim());
    }
    const log = (line: string) => {
      if (!v.quiet) io.stderr(`modelci serve: ${line}\n`);
    };
    const common = {
      port: v.port,
      host: v.host,
      ...(v.logPredictions ? { predictionLog: v.logPredictions } : {}),
      ...(Object.keys(features).length ? { features } : {}),
      maxBodyBytes: v.maxBodyBytes,
      requestTimeoutMs: v.requestTimeoutMs,
      ...(v.adminToken ? { adminToken: v.adminToken } : {}),
      threads: v.threads,
      serverVersion: VERSION,
      canaries: v.canary.map((c) => {
        const { name, file } = parseModelFlag(c, '--canary');
        return { source: fileSource(name, file), weight: v.canaryWeight };
      }),
      log,
    };
    let options: ServeOptions;
    if (registry) {
      const reg = await registrySources(registry, stage!);
      options = { ...common, models: reg.models, reload: reg.reload };
    } else {
      options = {
        ...common,
        models: modelFlags.map((f) => {
          const { name, file } = parseModelFlag(f, artifactFlag);
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
});
