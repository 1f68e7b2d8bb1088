// End-to-end evaluation throughput: read CSV + infer + metrics on 1,000,000 rows x 30 float
// features with a logistic model, as a ratio to the floor measured in the same run (one
// onnxruntime session.run over a pre-built tensor of the same rows; target >= 0.5), and the
// peak RSS of the evaluation run in a child process (target < 1 GB). Data is generated here.
//   npm run bench -- evaluate          (ROWS=200000 for a quicker run)
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearClassifierModel } from '../src/onnx/build.js';
import { loadOnnxRuntime } from '../src/onnx/runtime.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const F = 30;

// Child mode: run the evaluation and report time and peak RSS.
if (process.argv[2] === '--child') {
  const { runEvaluate } = await import('../src/commands/evaluate.js');
  const t0 = performance.now();
  const { report } = await runEvaluate({
    model: process.argv[3]!,
    data: process.argv[4]!,
    label: 'y',
    task: 'binary',
    bootstrap: { resamples: 0 },
  });
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      ms,
      rows: report.dataset.rows,
      auc: report.metrics.roc_auc!.value,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
  process.exit(0);
}

let seed = 12345;
const rand = (): number => {
  // xorshift32: fast, deterministic data.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-eval-'));
const csv = join(dir, 'holdout.csv');
const model = join(dir, 'model.onnx');
const w = Array.from({ length: F }, (_, j) => ((j % 7) - 3) / 10);
writeFileSync(model, linearClassifierModel({ coef: [w], intercept: [0.1], classes: [0, 1] }));
const x = new Float32Array(ROWS * F);
{
  const out = createWriteStream(csv);
  out.write([...Array.from({ length: F }, (_, j) => `f${j}`), 'y'].join(',') + '\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    let z = 0.1;
    const cells: string[] = [];
    for (let j = 0; j < F; j++) {
      const v = Math.round((rand() * 4 - 2) * 1e4) / 1e4;
      x[i * F + j] = v;
      z += w[j]! * v;
      cells.push(String(v));
    }
    cells.push(rand() < 1 / (1 + Math.exp(-z)) ? '1' : '0');
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

// Floor: one session.run over a pre-built tensor of the same rows.
const ort = await loadOnnxRuntime();
const session = await ort.InferenceSession.create(model);
const tensor = new ort.Tensor('float32', x, [ROWS, F]);
await session.run({ float_input: new ort.Tensor('float32', x.subarray(0, F * 1000), [1000, F]) });
const floors: number[] = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  await session.run({ float_input: tensor });
  floors.push(performance.now() - t0);
}
const floorMs = Math.min(...floors);

const runs: { ms: number; rows: number; auc: number; maxRssKb: number }[] = [];
for (let r = 0; r < 2; r++) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/evaluate.bench.ts', '--child', model, csv],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  runs.push(JSON.parse(out));
}
const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
const rssMb = Math.max(...runs.map((r) => r.maxRssKb)) / 1024;
console.log(`| figure | value |`);
console.log(`| --- | --- |`);
console.log(
  `| rows x features | ${ROWS} x ${F} (${(statSync(csv).size / 1e6).toFixed(0)} MB CSV) |`,
);
console.log(
  `| floor: one session.run over a pre-built tensor | ${floorMs.toFixed(0)} ms (${((ROWS / floorMs) * 1000).toFixed(0)} rows/s) |`,
);
console.log(
  `| end to end: read CSV + infer + metrics (no bootstrap) | ${best.ms.toFixed(0)} ms (${((ROWS / best.ms) * 1000).toFixed(0)} rows/s) |`,
);
console.log(
  `| **ratio end-to-end / floor throughput** (target >= 0.5) | **${(floorMs / best.ms).toFixed(3)}** |`,
);
console.log(`| peak RSS of the evaluation process (target < 1024 MB) | ${rssMb.toFixed(0)} MB |`);
console.log(`| roc_auc (sanity) | ${best.auc.toFixed(4)} |`);
rmSync(dir, { recursive: true, force: true });
