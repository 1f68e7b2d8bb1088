import { readFileSync } from 'node:fs';
import { ModelciError } from '../core/errors.js';
import { quantile } from '../core/stats/quantile.js';
import { SMOKE_PARAMETER } from '../core/serve/protocol.js';
import {
  compareOutputs,
  parseSmokeSamples,
  type SmokeSample,
} from '../core/deploy/smoke-samples.js';
import { formatNumber } from '../core/report/number-format.js';

export interface SmokeOptions {
  /** Base URL of an Open Inference Protocol server, e.g. http://127.0.0.1:8080. */
  url: string;
  model: string;
  /** The version the server must answer with (catches a swap that did not happen). */
  version?: string;
  samples: SmokeSample[];
  /** Use at most this many samples (default: all). */
  count?: number;
  /** Output tolerance, absolute or relative to the recorded value (default 1e-4). */
  tolerance?: number;
  /** Budget for the 95th percentile of prediction latency, in ms (default: no budget). */
  latencyMs?: number;
  /** How long to wait for the server to report ready (default 30 s). */
  readyTimeoutMs?: number;
  /** Per-request timeout (default 10 s). */
  requestTimeoutMs?: number;
  /** API key for a server started with --api-keys (default: env MODELCI_SERVE_API_KEY). */
  apiKey?: string;
  log?: (line: string) => void;
}

export interface SmokeCheck {
  name: string;
  passed: boolean;
  detail: string;
}

export interface SmokeResult {
  passed: boolean;
  checks: SmokeCheck[];
  /** Per-prediction latencies in ms, in sample order. */
  latencies: number[];
  p50Ms: number | undefined;
  p95Ms: number | undefined;
}

export function readSmokeSamples(file: string): SmokeSample[] {
  return readSmokeSamplesFile(file).samples;
}

/** The file's text and its parsed samples (register stores the text as it was checked). */
export function readSmokeSamplesFile(file: string): { text: string; samples: SmokeSample[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelciError('FILE', `cannot read smoke samples: ${(e as Error).message}`, {
      file,
      hint: 'Record them with `modelci evaluate --smoke-samples <file>`, or set environments.<env>.smoke.samples',
    });
  }
  return { text, samples: parseSmokeSamples(text, file) };
}

/** Latency percentile as evaluate reports it (numpy 'linear'), undefined without timings. */
function latencyQuantile(values: number[], q: number): number | undefined {
  return values.length ? quantile(values, q) : undefined;
}

async function getOk(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * The deploy smoke test: the server is ready, the model is ready, every sample's prediction
 * matches what evaluation recorded, and the latency stays within budget. Never throws for a
 * failing server: the result says what failed, so deploy can roll back.
 */
export async function runSmokeTest(o: SmokeOptions): Promise<SmokeResult> {
  const base = o.url.replace(/\/+$/, '');
  const tolerance = o.tolerance ?? 1e-4;
  const requestTimeout = o.requestTimeoutMs ?? 10_000;
  const apiKey = o.apiKey ?? process.env.MODELCI_SERVE_API_KEY;
  const checks: SmokeCheck[] = [];
  const latencies: number[] = [];
  const done = (): SmokeResult => ({
    passed: checks.every((c) => c.passed),
    checks,
    latencies,
    p50Ms: latencyQuantile(latencies, 0.5),
    p95Ms: latencyQuantile(latencies, 0.95),
  });

  const deadline = Date.now() + (o.readyTimeoutMs ?? 30_000);
  let ready = false;
  while (!(ready = await getOk(`${base}/v2/health/ready`, requestTimeout)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  checks.push({
    name: 'health',
    passed: ready,
    detail: ready ? `${base}/v2/health/ready answered 200` : `${base} did not become ready`,
  });
  if (!ready) return done();
  const modelReady = await getOk(
    `${base}/v2/models/${encodeURIComponent(o.model)}/ready`,
    requestTimeout,
  );
  checks.push({
    name: 'model ready',
    passed: modelReady,
    detail: modelReady ? `model "${o.model}" is ready` : `model "${o.model}" is not ready`,
  });
  if (!modelReady) return done();

  const samples = o.samples.slice(0, o.count ?? o.samples.length);
  const failures: string[] = [];
  const versions = new Set<string>();
  for (const sample of samples) {
    const t0 = performance.now();
    let status = 0;
    let body: Record<string, unknown> = {};
    try {
      const res = await fetch(`${base}/v2/models/${encodeURIComponent(o.model)}/infer`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        // SMOKE_PARAMETER keeps these requests out of the server's prediction log (not traffic).
        body: JSON.stringify({
          id: `smoke-${sample.line}`,
          parameters: { [SMOKE_PARAMETER]: true },
          inputs: sample.inputs,
        }),
        signal: AbortSignal.timeout(requestTimeout),
      });
      status = res.status;
      body = (await res.json()) as Record<string, unknown>;
    } catch (e) {
      failures.push(`sample line ${sample.line}: request failed: ${(e as Error).message}`);
      continue;
    }
    latencies.push(performance.now() - t0);
    if (status !== 200) {
      failures.push(`sample line ${sample.line}: HTTP ${status}: ${String(body.error ?? '')}`);
      continue;
    }
    if (typeof body.model_version === 'string') versions.add(body.model_version);
    const outputs: Record<string, unknown[]> = {};
    for (const out of (body.outputs as { name: string; data: unknown[] }[] | undefined) ?? [])
      outputs[out.name] = out.data;
    const diff = compareOutputs(sample.outputs, outputs, tolerance);
    if (diff)
      failures.push(
        diff.index < 0
          ? `sample line ${sample.line}: output "${diff.output}" ${diff.actual} (expected ${diff.expected})`
          : `sample line ${sample.line}: output "${diff.output}"[${diff.index}] = ${JSON.stringify(diff.actual)}, recorded ${JSON.stringify(diff.expected)} (tolerance ${tolerance})`,
      );
  }
  checks.push({
    name: 'predictions',
    passed: failures.length === 0,
    detail:
      failures.length === 0
        ? `${samples.length} predictions match the recorded outputs (tolerance ${tolerance})`
        : `${failures.length} of ${samples.length} predictions differ: ${failures.slice(0, 3).join('; ')}`,
  });
  if (o.version !== undefined) {
    const wrong = [...versions].filter((v) => v !== o.version);
    checks.push({
      name: 'version',
      passed: wrong.length === 0 && versions.size > 0,
      detail:
        wrong.length === 0 && versions.size > 0
          ? `the server answers with version ${o.version}`
          : `the server answered with version ${[...versions].join(', ') || 'none'}, expected ${o.version}`,
    });
  }
  if (o.latencyMs !== undefined) {
    const p95 = latencyQuantile(latencies, 0.95);
    checks.push({
      name: 'latency',
      passed: p95 !== undefined && p95 <= o.latencyMs,
      detail: `p95 ${p95 === undefined ? 'n/a' : formatNumber(p95, 3)} ms (budget ${o.latencyMs} ms)`,
    });
  }
  for (const c of checks) o.log?.(`smoke ${c.name}: ${c.passed ? 'ok' : 'FAILED'}: ${c.detail}`);
  return done();
}
