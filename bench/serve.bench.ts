// `npm run bench -- serve`: the built-in server (`modelci serve`, in a child process) under
// autocannon on loopback, against the floor measured in this run: in-process `session.run` on the
// same inputs. Figures: requests/s, p50/p99 latency, ratio to the floor, per-request overhead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { quantile, runLoad } from '../test/harness/load-generator.js';
import { writeClassifier, type LinearClassifier } from '../test/harness/onnx-models.js';

const FEATURES = 20;
const CLASSES = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

// A fixed pseudo-random model and data (LCG), so runs compare.
let seed = 42;
// mulberry32 in [-1, 1) (a float-arithmetic LCG cycles after ~10k draws).
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
};
const model: LinearClassifier = {
  weights: Array.from({ length: FEATURES }, () => Array.from({ length: CLASSES }, rand)),
  bias: Array.from({ length: CLASSES }, rand),
};
const rows = (n: number) => Array.from({ length: n }, () => Array.from({ length: FEATURES }, rand));

const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-serve-'));
const file = writeClassifier(join(dir, 'clf.onnx'), model);

async function floor(data: number[][]): Promise<{ rps: number; p50: number; p99: number }> {
  const session = await ort.InferenceSession.create(file);
  const feeds = {
    input: new ort.Tensor('float32', Float32Array.from(data.flat()), [data.length, FEATURES]),
  };
  for (let i = 0; i < 200; i++) await session.run(feeds);
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    await session.run(feeds);
    times.push(performance.now() - t0);
  }
  await session.release();
  const total = times.reduce((a, b) => a + b, 0);
  return {
    rps: (times.length / total) * 1000,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
  };
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'serve', '--model', `clf=${file}`, '--port', '0', '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`modelci serve exited ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const fmt = (n: number, d = 2) => n.toFixed(d);
const lines: string[] = [
  `Built-in server (modelci serve, child process) vs in-process session.run, ${FEATURES} features, ${CLASSES} classes, ${SECONDS}s per figure, loopback, autocannon.`,
  '',
  '| rows/request | connections | floor req/s | server req/s | ratio | floor p50 ms | server p50 ms | server p99 ms | overhead ms (mean) | overhead ms (p50) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const server = await startServer();
try {
  // Warm the server's JIT on both request sizes before any figure is taken.
  for (const n of [1, 64])
    await runLoad({
      url: `${server.url}/v2/models/clf/infer`,
      method: 'POST',
      body: JSON.stringify({
        inputs: [{ name: 'input', shape: [n, FEATURES], datatype: 'FP32', data: rows(n) }],
      }),
      connections: 4,
      duration: 2,
    });
  for (const n of [1, 64]) {
    const data = rows(n);
    const f = await floor(data);
    const body = JSON.stringify({
      inputs: [{ name: 'input', shape: [n, FEATURES], datatype: 'FP32', data }],
    });
    for (const connections of [1, 8]) {
      const url = `${server.url}/v2/models/clf/infer`;
      await runLoad({ url, method: 'POST', body, connections, duration: 1 }); // warm-up
      const r = await runLoad({ url, method: 'POST', body, connections, duration: SECONDS });
      if (r.errors || r.non2xx)
        throw new Error(`load failed: ${r.errors} errors, ${r.non2xx} non-2xx`);
      const rps = r['2xx'] / r.duration;
      const p50 = quantile(r.times, 0.5);
      // With one connection requests are sequential: the mean time per request minus the floor's
      // is what HTTP + JSON + validation cost on top of onnxruntime.
      const overhead = connections === 1 ? fmt(1000 / rps - 1000 / f.rps, 3) : '';
      const overheadP50 = connections === 1 ? fmt(p50 - f.p50, 3) : '';
      lines.push(
        `| ${n} | ${connections} | ${fmt(f.rps, 0)} | ${fmt(rps, 0)} | ${fmt(rps / f.rps, 3)} | ${fmt(f.p50, 3)} | ${fmt(p50, 3)} | ${fmt(quantile(r.times, 0.99), 3)} | ${overhead} | ${overheadP50} |`,
      );
    }
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
lines.push(
  '',
  'ratio = server req/s ÷ floor req/s (the floor runs one call at a time in one thread; with 8 connections the server overlaps JSON work with inference).',
  'overhead (one connection, requests in sequence): mean = 1000/server req/s − 1000/floor req/s; p50 = server p50 − floor p50 (robust to a busy machine).',
);
console.log(lines.join('\n'));
