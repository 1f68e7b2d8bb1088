import type { RequestInput } from '../core/serve/protocol.js';
import { ModelServer } from './server.js';

/** Single-row requests sent before the timed ones: the first runs of a session allocate. */
export const LATENCY_WARMUP = 5;

export interface LatencyProbe {
  /** Milliseconds per timed request, one array per model, in request order. */
  timings: number[][];
  /** Requests timed per model, and warm-up requests sent before them (not timed). */
  requests: number;
  warmup: number;
  /** How, in words, for the report. */
  method: string;
}

/**
 * Prediction latency as a client of `modelci serve` sees it: each model is served by an
 * in-process server on loopback (one onnxruntime thread per session, as serve runs), and each
 * single-row request is sent and timed on its own, from the request to the parsed response
 * (JSON encoding, HTTP, validation, inference). Each model gets its own requests (its inputs),
 * made from the same rows; with several models the requests alternate between them, so a slow
 * moment of the machine costs both alike.
 */
export async function probeLatency(
  models: { file: string; requests: RequestInput[][] }[],
  opts: { warmup?: number } = {},
): Promise<LatencyProbe> {
  const count = Math.min(...models.map((m) => m.requests.length));
  const warmup = Math.min(opts.warmup ?? LATENCY_WARMUP, count);
  const server = new ModelServer({ host: '127.0.0.1', port: 0, threads: 1 });
  try {
    for (const [m, { file }] of models.entries())
      await server.load({ name: `m${m}`, version: '1', file });
    const url = await server.listen();
    const send = async (m: number, inputs: RequestInput[]): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${url}/v2/models/m${m}/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inputs }),
      });
      const body = (await res.json()) as { error?: string };
      const ms = performance.now() - t0;
      // Evaluation already ran these rows through the model: a failure here is a bug, not input.
      if (res.status !== 200) throw new Error(`latency probe: HTTP ${res.status}: ${body.error}`);
      return ms;
    };
    for (let i = 0; i < warmup; i++)
      for (let m = 0; m < models.length; m++) await send(m, models[m]!.requests[i]!);
    const timings = models.map((): number[] => []);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < models.length; j++) {
        const m = (i + j) % models.length;
        timings[m]!.push(await send(m, models[m]!.requests[i]!));
      }
    return {
      timings,
      requests: count,
      warmup,
      method:
        'single-row requests to modelci serve on loopback, each timed on its own from request to parsed response',
    };
  } finally {
    await server.close();
  }
}
