import { execFile } from 'node:child_process';
import { arch, platform, release } from 'node:os';
import type { RunEnvironment } from '../core/runs/record.js';
import { VERSION } from '../core/version.js';

/** The interpreter a training command starts, when it is Python (`python train.py`, `python3 -m x`). */
function pythonOf(command: string | undefined): string | undefined {
  const first = command?.trim().split(/\s+/)[0];
  return first && /(^|\/)python[0-9.]*$/.test(first) ? first : undefined;
}

function versionOf(
  program: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(program, ['--version'], { env, cwd, timeout: 10_000 }, (err, stdout, stderr) => {
      // Python 2 printed its version on stderr.
      const text = `${stdout}${stderr}`.trim().replace(/^Python\s+/i, '');
      resolve(err || !text ? undefined : text.split('\n')[0]);
    });
  });
}

/** OS, architecture and runtime versions of the machine a run trains on. */
export async function machineEnvironment(
  command: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<RunEnvironment> {
  const python = pythonOf(command);
  const pythonVersion = python ? await versionOf(python, env, cwd) : undefined;
  return {
    os: `${platform()} ${release()}`,
    arch: arch(),
    node: process.versions.node,
    modelci: VERSION,
    ...(pythonVersion ? { python: pythonVersion } : {}),
  };
}
