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

type Autocannon = (opts: Record<string, unknown>) => Promise<LoadResult>;

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const autocannon = require('autocannon') as Autocannon;
  return autocannon({
    method: 'GET',
    connections: 4,
    ...opts,
    headers: { 'content-type': 'application/json', ...opts.headers },
  });
}
