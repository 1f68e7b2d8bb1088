// Evaluation speed, measured side by side in one run. `npm run bench -- evaluate`.
// A logistic model over 30 float features and CSVs generated here (never committed):
// 1) floor: one onnxruntime session.run over a pre-built tensor of the same rows;
// 2) modelci evaluate, no intervals; 3) the same with the default 1,000 bootstrap resamples
//    (target: at most 3x the no-interval run); 4) the peer: pandas read_csv + scikit-learn
//    predict_proba (a LogisticRegression holding the same weights) + sklearn.metrics (target:
//    modelci at least 3x faster, peak RSS under 400 MB); 5) the same rows as Parquet (written by
//    hyparquet-writer, one row group of up to 1Mi rows as pyarrow writes by default, snappy):
//    target at least 2x faster than the CSV; 6) growth at each size of GROWTH.
// Each modelci leg runs in its own process (time of runEvaluate, peak RSS of the process, worker
// threads included); the peer leg is skipped, and says so, without python3 + pandas + sklearn.
//   ROWS=200000 npm run bench -- evaluate          (quicker)
//   GROWTH=100000,1000000,10000000 npm run bench -- evaluate   (default: 100000,1000000)
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { linearClassifierModel } from '../src/onnx/build.js';
import { loadOnnxRuntime } from '../src/onnx/runtime.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const GROWTH = (process.env.GROWTH ?? '100000,1000000').split(',').map(Number);
const F = 30;
const W = Array.from({ length: F }, (_, j) => ((j % 7) - 3) / 10);
const INTERCEPT = 0.1;

// Child mode: run one evaluation and report its time and the process's peak RSS.
if (process.argv[2] === '--child') {
  const { runEvaluate } = await import('../src/commands/evaluate.js');
  const t0 = performance.now();
  const { report } = await runEvaluate({
    model: process.argv[3]!,
    data: process.argv[4]!,
    label: 'y',
    task: 'binary',
    bootstrap: { resamples: Number(process.argv[5]) },
  });
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      ms,
      rows: report.dataset.rows,
      auc: report.metrics.roc_auc!.value,
      aucCi: report.metrics.roc_auc!.ci,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' }).status === 0,
);

// The peer: what a data scientist writes. Same weights, same metrics as modelci's binary set.
const PEER = `
import json, resource, sys, time
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn import metrics as m
t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
y = df.pop("y").to_numpy()
clf = LogisticRegression()
clf.coef_ = np.array([json.loads(sys.argv[2])]); clf.intercept_ = np.array([float(sys.argv[3])])
clf.classes_ = np.array([0, 1])
p = clf.predict_proba(df.to_numpy(dtype=np.float32))
label = p.argmax(axis=1)
out = {
  "accuracy": m.accuracy_score(y, label), "precision": m.precision_score(y, label),
  "recall": m.recall_score(y, label), "f1": m.f1_score(y, label),
  "f1_macro": m.f1_score(y, label, average="macro"), "f1_weighted": m.f1_score(y, label, average="weighted"),
  "roc_auc": m.roc_auc_score(y, p[:, 1]), "pr_auc": m.average_precision_score(y, p[:, 1]),
  "log_loss": m.log_loss(y, p), "brier": m.brier_score_loss(y, p[:, 1]),
}
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "auc": out["roc_auc"],
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

// mulberry32: 32-bit integer steps, deterministic data.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` rows; keeps features and labels in memory only when `keep` (floor, Parquet). */
async function writeCsv(
  file: string,
  rows: number,
  keep: boolean,
): Promise<{ x: Float32Array; y: Uint8Array } | null> {
  const rand = rng(12345);
  const x = keep ? new Float32Array(rows * F) : null;
  const y = keep ? new Uint8Array(rows) : null;
  const out = createWriteStream(file);
  out.write([...Array.from({ length: F }, (_, j) => `f${j}`), 'y'].join(',') + '\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    let z = INTERCEPT;
    const cells: string[] = [];
    for (let j = 0; j < F; j++) {
      const v = Math.round((rand() * 4 - 2) * 1e4) / 1e4;
      if (x) x[i * F + j] = v;
      z += W[j]! * v;
      cells.push(String(v));
    }
    const label = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    if (y) y[i] = label;
    cells.push(String(label));
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return x && y ? { x, y } : null;
}

/** The same rows as Parquet: DOUBLE columns holding the CSV's values (4 decimals, exact in float32). */
async function writeParquet(file: string, x: Float32Array, y: Uint8Array): Promise<void> {
  const rows = y.length;
  const column = (j: number) => {
    const a = new Array<number>(rows);
    for (let i = 0; i < rows; i++) a[i] = Math.round(x[i * F + j]! * 1e4) / 1e4;
    return a;
  };
  await parquetWriteFile({
    filename: file,
    columnData: [
      ...Array.from({ length: F }, (_, j) => ({
        name: `f${j}`,
        data: column(j),
        type: 'DOUBLE' as const,
      })),
      { name: 'y', data: Array.from(y), type: 'DOUBLE' as const },
    ],
    rowGroupSize: 1 << 20,
  });
}

interface Leg {
  ms: number;
  maxRssMb: number;
  auc: number;
  aucCi?: [number, number];
}

function modelci(model: string, data: string, resamples: number): Leg {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/evaluate.bench.ts', '--child', model, data, String(resamples)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as Leg;
}

function peer(dir: string, data: string): Leg | null {
  if (!PYTHON) return null;
  const script = join(dir, 'peer.py');
  writeFileSync(script, PEER);
  const r = spawnSync(PYTHON, [script, data, JSON.stringify(W), String(INTERCEPT)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pandas + scikit-learn failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Leg;
}

const best = (legs: Leg[]): Leg => legs.reduce((a, b) => (a.ms < b.ms ? a : b));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-eval-'));
try {
  const model = join(dir, 'model.onnx');
  writeFileSync(
    model,
    linearClassifierModel({ coef: [W], intercept: [INTERCEPT], classes: [0, 1] }),
  );
  const csv = join(dir, 'holdout.csv');
  const { x, y } = (await writeCsv(csv, ROWS, true))!;
  const parquet = join(dir, 'holdout.parquet');
  await writeParquet(parquet, x, y);

  // Floor: one session.run over a pre-built tensor of the same rows.
  const ort = await loadOnnxRuntime();
  const session = await ort.InferenceSession.create(model);
  const tensor = new ort.Tensor('float32', x, [ROWS, F]);
  const floors: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    await session.run({ float_input: tensor });
    floors.push(performance.now() - t0);
  }
  const floorMs = Math.min(...floors);

  const plain = best([modelci(model, csv, 0), modelci(model, csv, 0)]);
  const boot = modelci(model, csv, 1000);
  const pq = best([modelci(model, parquet, 0), modelci(model, parquet, 0)]);
  const py = peer(dir, csv);
  const mb = statSync(csv).size / 1e6;
  console.log(
    `Evaluate ${ROWS.toLocaleString('en-US')} rows x ${F} floats (${mb.toFixed(0)} MB CSV), logistic ONNX.\n`,
  );
  console.log('| leg | time | peak RSS | ratio | target |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(`| floor: one session.run over a pre-built tensor | ${s(floorMs)} | | | |`);
  console.log(
    `| modelci evaluate, CSV, no intervals | ${s(plain.ms)} | ${plain.maxRssMb.toFixed(0)} MB | floor / this ${(floorMs / plain.ms).toFixed(3)} | peak RSS < 400 MB: ${plain.maxRssMb < 400 ? 'met' : 'NOT met'} |`,
  );
  const bootRatio = boot.ms / plain.ms;
  console.log(
    `| modelci evaluate, CSV, 1,000 resamples | ${s(boot.ms)} | ${boot.maxRssMb.toFixed(0)} MB | this / no intervals **${bootRatio.toFixed(2)}** | ≤ 3: ${bootRatio <= 3 ? 'met' : 'NOT met'} |`,
  );
  const pqRatio = plain.ms / pq.ms;
  console.log(
    `| modelci evaluate, Parquet (${(statSync(parquet).size / 1e6).toFixed(0)} MB), no intervals | ${s(pq.ms)} | ${pq.maxRssMb.toFixed(0)} MB | CSV / Parquet **${pqRatio.toFixed(2)}** | ≥ 2: ${pqRatio >= 2 ? 'met' : 'NOT met'}; RSS < 400 MB: ${pq.maxRssMb < 400 ? 'met' : 'NOT met'} |`,
  );
  if (pq.auc !== plain.auc) throw new Error(`Parquet roc_auc ${pq.auc} != CSV ${plain.auc}`);
  if (py) {
    const r = py.ms / plain.ms;
    console.log(
      `| pandas read_csv + sklearn predict_proba + sklearn.metrics | ${s(py.ms)} | ${py.maxRssMb.toFixed(0)} MB | peer / modelci **${r.toFixed(2)}** (RSS ${(py.maxRssMb / plain.maxRssMb).toFixed(2)}) | ≥ 3: ${r >= 3 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `\nroc_auc: modelci ${plain.auc.toFixed(6)}, scikit-learn ${py.auc.toFixed(6)} (float32 inputs on both sides).`,
    );
  } else console.log('\n(pandas + scikit-learn leg skipped: no python3 with pandas and sklearn)');
  console.log(`roc_auc 95% interval: [${boot.aucCi?.map((v) => v.toFixed(5)).join(', ')}]`);

  // Growth: the same evaluation at each size, files generated and removed one at a time.
  console.log('\n| rows | modelci, no intervals | modelci, 1,000 resamples | pandas + sklearn |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const rows of GROWTH) {
    const file = join(dir, `growth-${rows}.csv`);
    await writeCsv(file, rows, false);
    const a = modelci(model, file, 0);
    const b = modelci(model, file, 1000);
    const c = rows <= 1_000_000 || process.env.BENCH_PEER_10M === '1' ? peer(dir, file) : null;
    const cell = (l: Leg | null, note: string) =>
      l ? `${s(l.ms)}, ${l.maxRssMb.toFixed(0)} MB` : note;
    console.log(
      `| ${rows.toLocaleString('en-US')} | ${cell(a, '')} | ${cell(b, '')} (×${(b.ms / a.ms).toFixed(2)}) | ${cell(c, PYTHON ? 'skipped above 1M rows (BENCH_PEER_10M=1 runs it)' : 'skipped: no python3')}${c ? ` (×${(c.ms / a.ms).toFixed(2)})` : ''} |`,
    );
    rmSync(file, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
