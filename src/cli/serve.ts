import { invokeServe } from '../commands/invoke/serve.js';
import { serveSpec } from '../spec/commands/serve.js';
import { defineCliCommand } from './command.js';
import { VERSION } from './version.js';

export const serveCommand = defineCliCommand({
  spec: serveSpec,
  async run(parsed, io, inv) {
    const log = (line: string) => {
      if (!parsed.values.quiet) io.stderr(`modelci serve: ${line}\n`);
    };
    const handle = await invokeServe(parsed, { ...inv, log }, VERSION);
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
