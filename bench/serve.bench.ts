// `npm run bench -- serve`: single-row inference requests on loopback under autocannon at 1, 8 and
// 64 connections against three servers started in this run: `modelci serve` unbatched, `modelci
// serve --batch-max-rows 64 --batch-wait-ms 2`, and the FastAPI + scikit-learn peer
// (bench/peers/fastapi_serve.py, uvicorn, one worker) with the same model; plus the floor, an
// in-process onnxruntime `session.run` loop on the same row. Two models: a linear classifier (20
// features; a run costs microseconds, so HTTP and JSON dominate) and an MLP (256-1024-1024-3, where
// the run dominates and batching pays). Figures: requests/s, p50/p99 latency, the server's CPU
// time per request, ratios to unbatched, to the peer and to the floor.
//
// The three servers run side by side (an idle one costs nothing) and each figure is measured in
// ROUNDS slices taken in turn, the order rotating: on a machine shared with others the load moves
// within a run, and legs measured one after another for minutes compared the load of two moments
// more than two servers. The server's CPU time per request (from /proc) moves less with the load
// than throughput does. The load generator runs in this process, the servers in their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { quantile, runLoad, type TimedLoadResult } from '../test/harness/load-generator.js';
import { buildOnnxModel, type NodeSpec } from '../src/onnx/build.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 4;
const CONNECTIONS = [1, 8, 64];
const BATCH_ROWS = 64;
const BATCH_WAIT_MS = 2;

// A fixed pseudo-random model and row (mulberry32), so runs compare.
let seed = 42;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
};

interface Layer {
  weights: number[][];
  bias: number[];
}

/** Dense layers with weights scaled by 1/sqrt(fan-in), so activations stay of order one. */
function layers(sizes: number[]): Layer[] {
  return sizes.slice(1).map((out, i) => {
    const scale = 1 / Math.sqrt(sizes[i]!);
    return {
      weights: Array.from({ length: sizes[i]! }, () =>
        Array.from({ length: out }, () => rand() * scale),
      ),
      bias: Array.from({ length: out }, () => rand() * 0.1),
    };
  });
}

/** Gemm (+ Relu between layers) and Softmax: probabilities [N, classes]. */
function onnxOf(ls: Layer[]): Uint8Array {
  const nodes: NodeSpec[] = [];
  let x = 'input';
  ls.forEach((_, i) => {
    const last = i === ls.length - 1;
    nodes.push({ op: 'Gemm', inputs: [x, `W${i}`, `B${i}`], outputs: [last ? 'logits' : `h${i}`] });
    if (!last) {
      nodes.push({ op: 'Relu', inputs: [`h${i}`], outputs: [`a${i}`] });
      x = `a${i}`;
    }
  });
  nodes.push({ op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'] });
  return buildOnnxModel({
    name: 'bench',
    inputs: [{ name: 'input', type: 'float', shape: ['N', ls[0]!.weights.length] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: ['N', ls.at(-1)!.bias.length] }],
    nodes,
    initializers: ls.flatMap((l, i) => [
      {
        name: `W${i}`,
        type: 'float' as const,
        dims: [l.weights.length, l.bias.length],
        values: l.weights.flat(),
      },
      { name: `B${i}`, type: 'float' as const, dims: [l.bias.length], values: l.bias },
    ]),
  });
}

const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-serve-'));

interface Bench {
  name: string;
  file: string;
  row: number[];
  body: string;
}

function bench(name: string, sizes: number[]): Bench {
  const ls = layers(sizes);
  const file = join(dir, `${name}.onnx`);
  writeFileSync(file, onnxOf(ls));
  const row = Array.from({ length: sizes[0]! }, rand);
  const body = JSON.stringify({
    inputs: [{ name: 'input', shape: [1, sizes[0]], datatype: 'FP32', data: [row] }],
  });
  return { name, file, row, body };
}

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU microseconds (user + system) per answered request; NaN without /proc. */
  cpuUs?: number;
}

async function floor(b: Bench): Promise<Figure> {
  const session = await ort.InferenceSession.create(b.file, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const feeds = { input: new ort.Tensor('float32', Float32Array.from(b.row), [1, b.row.length]) };
  for (let i = 0; i < 500; i++) await session.run(feeds);
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

interface Started {
  url: string;
  /** CPU seconds the server process has used so far (NaN without /proc). */
  cpu(): number;
  stop(): Promise<void>;
}

/** User + system CPU seconds of a process, from /proc/<pid>/stat (Linux, 100 ticks a second). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

async function startModelci(b: Bench, extra: string[]): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      'serve',
      '--artifact',
      `clf=${b.file}`,
      '--port',
      '0',
      '--quiet',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`modelci serve exited ${code}`)));
  });
  return { url, cpu: () => cpuSeconds(child.pid), stop: stopper(child) };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function startPeer(b: Bench): Promise<Started> {
  const port = await freePort();
  const child = spawn('/usr/bin/python3', ['bench/peers/fastapi_serve.py', b.file, String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the FastAPI peer exited ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/v2/health/ready`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error('the FastAPI peer did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, cpu: () => cpuSeconds(child.pid), stop: stopper(child) };
}

interface Tally {
  ok: number;
  seconds: number;
  cpu: number;
  times: number[];
}

async function slice(server: Started, body: string, connections: number, seconds: number) {
  const target = {
    url: `${server.url}/v2/models/clf/infer`,
    method: 'POST' as const,
    body,
    connections,
  };
  const cpu0 = server.cpu();
  const r: TimedLoadResult = await runLoad({ ...target, duration: seconds });
  const cpu = server.cpu() - cpu0;
  if (r.errors || r.non2xx || r.timeouts)
    throw new Error(`load failed: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`);
  return { ok: r['2xx'], seconds: r.duration, cpu, times: r.times };
}

/** One figure per server at this concurrency: a warm-up each, then ROUNDS slices in turn. */
async function measureSideBySide(
  servers: Started[],
  body: string,
  connections: number,
): Promise<Figure[]> {
  for (const s of servers) await slice(s, body, connections, 1);
  const tallies: Tally[] = servers.map(() => ({ ok: 0, seconds: 0, cpu: 0, times: [] }));
  for (let round = 0; round < ROUNDS; round++)
    for (let k = 0; k < servers.length; k++) {
      const i = (k + round) % servers.length;
      const r = await slice(servers[i]!, body, connections, SECONDS / ROUNDS);
      const t = tallies[i]!;
      t.ok += r.ok;
      t.seconds += r.seconds;
      t.cpu += r.cpu;
      for (const x of r.times) t.times.push(x);
    }
  return tallies.map((t) => ({
    rps: t.ok / t.seconds,
    p50: quantile(t.times, 0.5),
    p99: quantile(t.times, 0.99),
    cpuUs: (t.cpu / t.ok) * 1e6,
  }));
}

async function check(url: string, body: string): Promise<number[]> {
  const res = await fetch(`${url}/v2/models/clf/infer`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  const json = (await res.json()) as { outputs: { name: string; data: number[] }[] };
  return json.outputs.find((o) => o.name === 'probabilities')!.data;
}

const BATCHED = `modelci batched (${BATCH_ROWS} rows, ${BATCH_WAIT_MS} ms)`;
const servers: [string, (b: Bench) => Promise<Started>][] = [
  ['modelci unbatched', (b) => startModelci(b, [])],
  [
    BATCHED,
    (b) =>
      startModelci(b, [
        '--batch-max-rows',
        String(BATCH_ROWS),
        '--batch-wait-ms',
        String(BATCH_WAIT_MS),
      ]),
  ],
  ['FastAPI + scikit-learn', startPeer],
];

const fmt = (n: number, d = 2) => n.toFixed(d);
const lines: string[] = [
  `Single-row requests, loopback, autocannon (in the bench's process), ${SECONDS} s per figure in ${ROUNDS} slices taken in turn with the other servers' (after 1 s of warm-up each); servers in child processes, side by side; the machine's cores shared by servers and load generator. CPU µs/req: the server process's user + system time per answered request.`,
];
try {
  for (const b of [
    bench('linear-20', [20, 3]),
    bench('mlp-256-1024-1024-3', [256, 1024, 1024, 3]),
  ]) {
    const results = new Map<string, Map<number, Figure>>();
    const answers: number[][] = [];
    const f = await floor(b);
    const started: Started[] = [];
    try {
      for (const [, start] of servers) started.push(await start(b));
      for (const s of started) answers.push(await check(s.url, b.body));
      for (const [name] of servers) results.set(name, new Map());
      for (const c of CONNECTIONS) {
        const figures = await measureSideBySide(started, b.body, c);
        servers.forEach(([name], i) => results.get(name)!.set(c, figures[i]!));
      }
    } finally {
      await Promise.all(started.map((s) => s.stop()));
    }
    // The servers answer the same probabilities (onnxruntime float32 vs scikit-learn float64).
    const agree = answers.every((a) => a.every((p, k) => Math.abs(p - answers[0]![k]!) < 1e-4));
    const unbatched = results.get('modelci unbatched')!;
    const peer = results.get('FastAPI + scikit-learn')!;
    lines.push(
      '',
      `**${b.name}** (answers agree across servers: ${agree ? 'yes' : 'NO'})`,
      '',
      '| server | connections | req/s | p50 ms | p99 ms | CPU µs/req | ÷ unbatched | ÷ FastAPI | ÷ floor |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| in-process session.run (floor) | 1 | ${fmt(f.rps, 0)} | ${fmt(f.p50, 3)} | ${fmt(f.p99, 3)} | | | | 1 |`,
    );
    for (const [name] of servers)
      for (const c of CONNECTIONS) {
        const x = results.get(name)!.get(c)!;
        lines.push(
          `| ${name} | ${c} | ${fmt(x.rps, 0)} | ${fmt(x.p50, 3)} | ${fmt(x.p99, 3)} | ${fmt(x.cpuUs!, 0)} | ${fmt(x.rps / unbatched.get(c)!.rps)} | ${fmt(x.rps / peer.get(c)!.rps)} | ${fmt(x.rps / f.rps, 3)} |`,
        );
      }
    const batched = results.get(BATCHED)!;
    lines.push(
      '',
      `Targets: batched ÷ unbatched at 64 connections = ${fmt(batched.get(64)!.rps / unbatched.get(64)!.rps)} (target ≥ 2; server CPU per request, unbatched ÷ batched: ${fmt(unbatched.get(64)!.cpuUs! / batched.get(64)!.cpuUs!)}); batched p99 at 1 connection = ${fmt(batched.get(1)!.p99, 3)} ms vs unbatched p99 + wait = ${fmt(unbatched.get(1)!.p99 + BATCH_WAIT_MS, 3)} ms (target: not above).`,
    );
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
