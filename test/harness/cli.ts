// The bundled CLI as users run it (`npm run build` first): one child process per command line.
import { spawnSync } from 'node:child_process';
import { builtBundle } from './bundles.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `modelci <args>` in `cwd` with this process's environment (plus `env`), stack traces off. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [builtBundle('dist/cli/index.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MODELCI_DEBUG: '', ...env },
    // A child that never exits (Node 20 can deadlock in its own shutdown, nodejs/node#54918)
    // would block this synchronous call, and with it the test's own timeout: kill it instead, so
    // the test fails with a message rather than stalling the run.
    timeout: 600_000,
    killSignal: 'SIGKILL',
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const stderr = timedOut
    ? `${r.stderr}\n[runCli: modelci ${args.join(' ')} killed after 600 s]`
    : r.stderr;
  return { code: r.status ?? -1, stdout: r.stdout, stderr };
}
