import { spawn } from 'node:child_process';

export interface ShellCommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Killed at the timeout (the whole process group: TERM, then KILL after the grace period). */
  timedOut: boolean;
  /** The last ~2,000 characters of stdout and stderr, for error messages. */
  tail: string;
}

export interface ShellCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Each line of output, as it comes. */
  onLine: (line: string) => void;
  /** Between TERM and KILL (default 5 s): time for the command to clean up. */
  graceMs?: number;
}

/**
 * The one way a user's shell command runs (training commands, deploy commands): `sh -c` in a
 * process group of its own, output streamed line by line, and at the timeout the whole group gets
 * SIGTERM, then SIGKILL after a grace period, so no child of the shell outlives it. Rejects only
 * when the shell cannot start.
 */
export function runShellCommand(
  command: string,
  o: ShellCommandOptions,
): Promise<ShellCommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      cwd: o.cwd,
      env: o.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const lines = (stream: NodeJS.ReadableStream): void => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-2000);
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const p of parts) o.onLine(p);
      });
      stream.on('end', () => rest && o.onLine(rest));
    };
    lines(child.stdout);
    lines(child.stderr);
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), o.graceMs ?? 5000).unref();
    }, o.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The KILL stays armed (unref'd): children that ignored TERM must not outlive the shell.
      resolve({ code, signal, timedOut, tail });
    });
  });
}
