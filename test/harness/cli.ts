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
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
