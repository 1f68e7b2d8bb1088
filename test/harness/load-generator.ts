// autocannon (a real HTTP load generator) with the few result fields the tests and the benchmark
// read; autocannon ships no types.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  /** Seconds to run; or `amount` requests. */
  duration?: number;
  amount?: number;
  pipelining?: number;
}

interface Stats {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}

export interface LoadResult {
  requests: Stats;
  latency: Stats;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
}

interface Tracker {
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}

type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: LoadResult) => void,
) => Tracker;

export interface TimedLoadResult extends LoadResult {
  /** Every 2xx response time in milliseconds (autocannon's own histogram rounds to 1 ms). */
  times: number[];
}

export function runLoad(opts: LoadOptions): Promise<TimedLoadResult> {
  const autocannon = require('autocannon') as Autocannon;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const tracker = autocannon(
      {
        method: 'GET',
        connections: 4,
        ...opts,
        headers: { 'content-type': 'application/json', ...opts.headers },
      },
      (err, result) => (err ? reject(err) : resolve({ ...result, times })),
    );
    tracker.on('response', (_c, status, _b, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}

/** The q-quantile (0..1) of a sample, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
