import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitCommandLine } from '../../core/command-line.js';
import { ModelciError } from '../../core/errors.js';
import type { DeployTarget, TargetContext, TargetFactory, TargetResult } from './target.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

/** How to run `modelci`: MODELCI_CLI (a command line), else the CLI bundle next to this code. */
export function modelciCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.MODELCI_CLI) return splitCommandLine(env.MODELCI_CLI);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const cli = join(dir, 'dist', 'cli', 'index.js');
    if (existsSync(cli)) return [process.execPath, cli];
    dir = dirname(dir);
  }
  throw new ModelciError('DEPLOY', 'cannot find the modelci CLI to start the server', {
    hint: 'Set MODELCI_CLI to the command that runs modelci',
  });
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** `up`; `down` when nothing answers (refused, unreachable); `slow` when no answer came in time. */
async function probe(base: string, timeoutMs = 1_000): Promise<'up' | 'down' | 'slow'> {
  try {
    const res = await fetch(`${base}/v2/health/live`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok ? 'up' : 'down';
  } catch (e) {
    return (e as Error).name === 'TimeoutError' ? 'slow' : 'down';
  }
}

/** `target: server` (the default): the environment's `url` says where. */
export const serverTarget: TargetFactory = () => new ServerTarget();

/**
 * The built-in server as a target: a running `modelci serve` at the environment's URL gets the
 * version hot-swapped in through its repository API (no dropped requests); when nothing answers on
 * a loopback URL, a new server is started in the background with the model.
 */
export class ServerTarget implements DeployTarget {
  readonly kind = 'server';

  constructor(
    private readonly opts: { logDir?: string; token?: string; env?: NodeJS.ProcessEnv } = {},
  ) {}

  async deploy(ctx: TargetContext): Promise<TargetResult> {
    const base = (ctx.url ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
    const url = new URL(base);
    const state = await probe(base);
    // On loopback, nothing listening is refused at once: a probe that timed out reached a busy
    // server (a loaded runner), which gets the swap rather than a second server on its port.
    if (state === 'up' || (state === 'slow' && isLoopback(url))) return this.swap(base, ctx);
    if (!isLoopback(url))
      throw new ModelciError('DEPLOY', `no modelci server answers at ${base}`, {
        hint: 'Start `modelci serve` there first; deploy only starts servers on loopback',
      });
    return this.start(base, url, ctx);
  }

  private async swap(base: string, ctx: TargetContext): Promise<TargetResult> {
    const token =
      this.opts.token ?? process.env.MODELCI_SERVE_ADMIN_TOKEN ?? process.env.MODELCI_SERVE_TOKEN;
    const res = await fetch(`${base}/v2/repository/models/${encodeURIComponent(ctx.model)}/load`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        parameters: { uri: ctx.artifactPath, version: ctx.version, sha256: ctx.sha256 },
      }),
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (res.status !== 200)
      throw new ModelciError(
        'DEPLOY',
        `the server at ${base} refused version ${ctx.version}: HTTP ${res.status} ${body.error ?? ''}`.trim(),
      );
    ctx.log(`server: hot-swapped ${ctx.model} to ${ctx.version} at ${base}`);
    return { url: base, detail: `hot-swapped ${ctx.model} to ${ctx.version} on ${base}` };
  }

  private async start(base: string, url: URL, ctx: TargetContext): Promise<TargetResult> {
    const [cmd, ...args] = modelciCommand(this.opts.env);
    const logDir = this.opts.logDir ?? process.env.RUNNER_TEMP ?? tmpdir();
    mkdirSync(logDir, { recursive: true });
    const logFile = join(logDir, `modelci-serve-${ctx.environment}.log`);
    const out = openSync(logFile, 'a');
    const child = spawn(
      cmd!,
      [
        ...args,
        'serve',
        '--artifact',
        `${ctx.model}=${ctx.artifactPath}`,
        '--host',
        url.hostname.replace(/^\[|\]$/g, ''),
        '--port',
        url.port || '80',
        // The swap below loads the artifact by path: the server may load from its folder only.
        // Later swaps, canaries and shadows load other versions of the model by path: every
        // store keeps a model's artifacts under one folder (<model>/<sha256>/<file>).
        '--allow-model-dir',
        dirname(dirname(ctx.artifactPath)),
      ],
      { detached: true, stdio: ['ignore', out, out] },
    );
    child.unref();
    const deadline = Date.now() + ctx.timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new ModelciError('DEPLOY', `modelci serve exited with code ${child.exitCode}`, {
          file: logFile,
          hint: 'See the server log',
        });
      if ((await probe(base)) === 'up') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if ((await probe(base)) !== 'up')
      throw new ModelciError('DEPLOY', `modelci serve did not start at ${base} in time`, {
        file: logFile,
      });
    // The first load names the version by file; swap in the registry version label.
    const swapped = await this.swap(base, ctx);
    ctx.log(`server: started modelci serve (pid ${child.pid}) at ${base}; log ${logFile}`);
    return {
      ...swapped,
      pid: child.pid!,
      detail: `started modelci serve (pid ${child.pid}) with ${ctx.model} ${ctx.version} on ${base}`,
    };
  }
}
