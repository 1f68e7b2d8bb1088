/**
 * Worker threads for the CPU-bound cores (bootstrap resamples, drift profiles). One worker script
 * serves every task: `worker.ts` from source (run through tsx), `dist/modelci-worker.js` in the
 * bundles (an entry of scripts/build.mjs's one esbuild pass), found from this module's chunk.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ModelciError, type ErrorCode, type ErrorWhere } from '../core/errors.js';

/** What a worker is asked to do: its `task` picks the handler in worker.ts. */
export interface WorkerTask {
  task: string;
}

/**
 * Threads asked for: `requested`, else MODELCI_THREADS (1 = single-threaded), else undefined
 * (the caller decides from the work size, up to `availableThreads()`).
 */
export function requestedThreads(requested?: number): number | undefined {
  const fromEnv = Number(process.env.MODELCI_THREADS);
  const n = requested ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  return n === undefined ? undefined : Math.max(1, Math.min(n, 8));
}

/** The cores, at most 4: more threads than that do not pay for their start-up and copies. */
export function availableThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** The worker script, or (from source, in tests and benchmarks) code that runs it through tsx. */
function workerScript(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (/\.ts$/.test(here)) {
    // tsx's ESM API (its package exports give CommonJS to require.resolve)
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
    return { script: code, eval: true };
  }
  // Bundled: this module is in dist/chunks/<chunk>.js (or an entry file in dist/); the worker
  // script is dist/modelci-worker.js.
  const script = [`../${WORKER_FILE}`, `./${WORKER_FILE}`]
    .map((p) => new URL(p, here))
    .find((u) => existsSync(fileURLToPath(u)));
  if (!script)
    throw new Error(`${WORKER_FILE} is missing next to the bundle ${fileURLToPath(here)}`);
  return { script, eval: false };
}

/** File name of the bundled worker script (dist/modelci-worker.js). */
export const WORKER_FILE = 'modelci-worker.js';

/** What a worker posts: events while it works (progress), then one result. */
export type WorkerMessage<T> =
  { ok: true; value: T } | { ok: false; error: ErrorShape } | { event: unknown };

/**
 * Runs one task in a new worker thread; resolves with the result it posts back. Events posted
 * before the result (`{ event }`) go to `onEvent`.
 */
export function runInWorker<T, W extends WorkerTask = WorkerTask>(
  task: W,
  transfer: ArrayBuffer[] = [],
  onEvent?: (event: unknown) => void,
): Promise<T> {
  const { script, eval: isCode } = workerScript();
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { eval: isCode, workerData: task, transferList: transfer });
    let settled = false;
    worker.on('message', (m: WorkerMessage<T>) => {
      if (settled) return;
      if ('event' in m) {
        onEvent?.(m.event);
        return;
      }
      settled = true;
      if (m.ok) resolve(m.value);
      else reject(errorOf(m.error));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker for ${task.task} exited with code ${code}`));
    });
  });
}

/** A worker's failure as it crosses the thread boundary (a ModelciError keeps its code and fields). */
export interface ErrorShape {
  message: string;
  stack?: string;
  modelci?: { code: ErrorCode; where: ErrorWhere; hint?: string };
}

export function errorShapeOf(e: unknown): ErrorShape {
  if (e instanceof ModelciError)
    return {
      message: e.message,
      modelci: { code: e.code, where: e.where, ...(e.hint ? { hint: e.hint } : {}) },
    };
  const err = e instanceof Error ? e : new Error(String(e));
  return { message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
}

function errorOf(e: ErrorShape): Error {
  if (e.modelci)
    return new ModelciError(e.modelci.code, e.message, {
      ...e.modelci.where,
      ...(e.modelci.hint ? { hint: e.modelci.hint } : {}),
    });
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
