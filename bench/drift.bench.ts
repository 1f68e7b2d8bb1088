// `npm run bench -- drift`: `modelci drift` (the bundled CLI, in a child process) over a reference
// and a current CSV of 1,000,000 rows x 20 columns (12 numeric, 8 categorical), against the peer
// measured in this run on the same files: pandas `read_csv` + scipy's tests per column (the same
// tests modelci picks: Wasserstein normed for numeric, Jensen-Shannon for categorical, > 1000 rows),
// with Debian's python3-pandas / python3-scipy. Figures: wall time, peak RSS, ratios.
// Second leg, performance drift: two labelled windows (label, predicted label, score) checked with
// --label/--prediction/--score against the same run without them (the summary's own cost) and
// against pandas read_csv + scikit-learn's metrics on both windows.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const NUMERIC = 12;
const CATEGORICAL = 8;
const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import pandas, scipy'], { stdio: 'ignore' }).status === 0,
);
const CLI = join(process.cwd(), 'dist/cli/index.js');

// mulberry32: 32-bit integer steps. (An LCG written in float arithmetic, used here before, loses
// low bits above 2^53 and cycled after 10,466 draws: the "1M-row" files repeated one short pattern.)
let seed = 7;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const CATS = Array.from({ length: CATEGORICAL }, (_, c) =>
  Array.from({ length: 3 + c * 4 }, (_, k) => `c${c}_v${k}`),
);

function writeCsv(file: string, shift: number): void {
  const fd = openSync(file, 'w');
  const header = [
    ...Array.from({ length: NUMERIC }, (_, i) => `num${i}`),
    ...Array.from({ length: CATEGORICAL }, (_, i) => `cat${i}`),
  ];
  writeSync(fd, header.join(',') + '\n');
  let chunk = '';
  for (let r = 0; r < ROWS; r++) {
    const cells: string[] = [];
    for (let i = 0; i < NUMERIC; i++)
      cells.push((normal() * (1 + i) + (i < 4 ? shift : 0)).toFixed(4));
    for (let c = 0; c < CATEGORICAL; c++) {
      const k = CATS[c]!;
      cells.push(
        k[Math.min(k.length - 1, Math.floor(rand() ** (1 + (c < 3 ? shift : 0)) * k.length))]!,
      );
    }
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const PEER = `
import resource, sys, time, json
import numpy as np, pandas as pd
from scipy import stats
from scipy.spatial import distance
t0 = time.perf_counter()
ref = pd.read_csv(sys.argv[1]); cur = pd.read_csv(sys.argv[2])
drifted = 0
for col in ref.columns:
    a = ref[col].dropna(); b = cur[col].dropna()
    if pd.api.types.is_numeric_dtype(a):
        score = stats.wasserstein_distance(a, b) / max(np.std(a), 0.001); d = score >= 0.1
    else:
        keys = sorted(set(a.unique()) | set(b.unique()))
        ra = a.value_counts(); rb = b.value_counts()
        score = distance.jensenshannon([ra.get(k, 0) for k in keys], [rb.get(k, 0) for k in keys]); d = score >= 0.1
    drifted += int(d)
print(json.dumps({"seconds": time.perf_counter() - t0, "drifted": drifted,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

/** y ~ Bernoulli(0.4); score from a logistic model; `noise` flips scores towards the wrong class. */
function writeLabelled(file: string, noise: number): void {
  const fd = openSync(file, 'w');
  writeSync(fd, 'y,pred,p\n');
  let chunk = '';
  for (let r = 0; r < ROWS; r++) {
    const y = rand() < 0.4 ? 1 : 0;
    const z = normal() * (1 + noise) + (y ? 1.5 : -1.5) * (1 - noise);
    const p = 1 / (1 + Math.exp(-z));
    chunk += `${y},${p >= 0.5 ? 1 : 0},${p.toFixed(6)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const PEER_METRICS = `
import resource, sys, time, json
import pandas as pd
from sklearn import metrics as M
t0 = time.perf_counter()
out = {}
for side, f in (("reference", sys.argv[1]), ("current", sys.argv[2])):
    d = pd.read_csv(f); y = d["y"]; l = d["pred"]; p = d["p"]
    out[side] = {"accuracy": M.accuracy_score(y, l), "precision": M.precision_score(y, l),
        "recall": M.recall_score(y, l), "f1": M.f1_score(y, l), "roc_auc": M.roc_auc_score(y, p),
        "pr_auc": M.average_precision_score(y, p), "log_loss": M.log_loss(y, p),
        "brier": M.brier_score_loss(y, p)}
print(json.dumps({"seconds": time.perf_counter() - t0, "metrics": out,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

// Reports the child's own peak RSS at exit (getrusage), the same measure Python reports.
const RSS_HOOK = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`;

interface OursResult {
  seconds: number;
  rssMb: number;
  drifted: number;
  performance?: { metrics: { name: string; reference: number; current: number }[] };
}

function ours(
  dir: string,
  files: [string, string] = ['ref.csv', 'cur.csv'],
  extra: string[] = [],
): OursResult {
  const hook = join(dir, 'rss-hook.mjs');
  writeFileSync(hook, RSS_HOOK);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      hook,
      CLI,
      'drift',
      '--reference',
      join(dir, files[0]),
      '--current',
      join(dir, files[1]),
      '--json',
      '--config',
      join(dir, 'none.yaml'),
      ...extra,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`modelci drift failed: ${r.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(r.stderr);
  const out = JSON.parse(r.stdout) as {
    columns: { drifted: boolean }[];
    performance: OursResult['performance'] | null;
  };
  return {
    seconds,
    rssMb: Number(rss?.[1] ?? 0) / 1024,
    drifted: out.columns.filter((c) => c.drifted).length,
    ...(out.performance ? { performance: out.performance } : {}),
  };
}

function performanceLeg(dir: string): void {
  writeLabelled(join(dir, 'lref.csv'), 0);
  writeLabelled(join(dir, 'lcur.csv'), 0.3);
  const files: [string, string] = ['lref.csv', 'lcur.csv'];
  const plain = ours(dir, files);
  const flags = ['--label', 'y', '--prediction', 'pred', '--score', 'p', '--task', 'binary'];
  const withPerf = ours(dir, files, flags);
  console.log(
    `\nPerformance drift: two labelled CSVs of ${ROWS.toLocaleString('en-US')} rows (y, pred, p).\n`,
  );
  console.log('| | wall time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| modelci drift, columns only | ${plain.seconds.toFixed(2)} s | ${plain.rssMb.toFixed(0)} MB |`,
  );
  console.log(
    `| modelci drift + performance (--label/--prediction/--score) | ${withPerf.seconds.toFixed(2)} s | ${withPerf.rssMb.toFixed(0)} MB |`,
  );
  let peerSeconds: number | undefined;
  if (PYTHON && spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0) {
    const script = join(dir, 'peer_metrics.py');
    writeFileSync(script, PEER_METRICS);
    const t0 = performance.now();
    const r = spawnSync(PYTHON, [script, join(dir, 'lref.csv'), join(dir, 'lcur.csv')], {
      encoding: 'utf8',
    });
    peerSeconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`pandas + sklearn failed: ${r.stderr}`);
    const peerOut = JSON.parse(r.stdout) as {
      max_rss_mb: number;
      metrics: Record<'reference' | 'current', Record<string, number>>;
    };
    console.log(
      `| pandas read_csv + scikit-learn metrics | ${peerSeconds.toFixed(2)} s | ${peerOut.max_rss_mb.toFixed(0)} MB |`,
    );
    // Same numbers? (scores past 100k distinct rows are rounded to 1e-4: AUC/log loss move a little)
    const worst = Math.max(
      ...withPerf.performance!.metrics.flatMap((m) =>
        (['reference', 'current'] as const)
          .filter((side) => peerOut.metrics[side][m.name] !== undefined)
          .map((side) => Math.abs(m[side] - peerOut.metrics[side][m.name]!)),
      ),
    );
    console.log(
      `\nLargest |modelci - scikit-learn| over the 8 metrics on both windows: ${worst.toExponential(2)}.`,
    );
  }
  console.log(
    `Ratios: performance summary overhead ${(withPerf.seconds / plain.seconds).toFixed(2)}x the columns-only run` +
      (peerSeconds
        ? `; modelci + performance / pandas+sklearn ${(withPerf.seconds / peerSeconds).toFixed(2)}`
        : '') +
      `. Peak RSS ${withPerf.rssMb.toFixed(0)} MB (target < 300 MB: ${withPerf.rssMb < 300 ? 'met' : 'NOT met'}).`,
  );
}

function peer(dir: string): { seconds: number; rssMb: number; drifted: number } | null {
  if (!PYTHON) return null;
  const script = join(dir, 'peer.py');
  writeFileSync(script, PEER);
  const t0 = performance.now();
  const r = spawnSync(PYTHON, [script, join(dir, 'ref.csv'), join(dir, 'cur.csv')], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pandas + scipy failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { max_rss_mb: number; drifted: number };
  return { seconds, rssMb: out.max_rss_mb, drifted: out.drifted };
}

if (!existsSync(CLI)) throw new Error('run `npm run build` first (the bench runs the bundled CLI)');
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-drift-'));
writeFileSync(join(dir, 'none.yaml'), 'version: 1\n');
try {
  writeCsv(join(dir, 'ref.csv'), 0);
  writeCsv(join(dir, 'cur.csv'), 0.5);
  const mb = (statSync(join(dir, 'ref.csv')).size + statSync(join(dir, 'cur.csv')).size) / 2 ** 20;
  const a = ours(dir);
  const b = peer(dir);
  console.log(
    `Drift over two CSVs of ${ROWS.toLocaleString('en-US')} rows x ${NUMERIC + CATEGORICAL} columns (${mb.toFixed(0)} MiB together).\n`,
  );
  console.log('| | wall time | peak RSS | drifted columns |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| modelci drift (bundled CLI) | ${a.seconds.toFixed(2)} s | ${a.rssMb.toFixed(0)} MB | ${a.drifted} |`,
  );
  if (b) {
    console.log(
      `| pandas read_csv + scipy per column | ${b.seconds.toFixed(2)} s | ${b.rssMb.toFixed(0)} MB | ${b.drifted} |`,
    );
    console.log(
      `\nRatios (modelci / pandas+scipy): time ${(a.seconds / b.seconds).toFixed(2)}, peak RSS ${(a.rssMb / b.rssMb).toFixed(2)}.`,
    );
  } else console.log('\n(pandas + scipy leg skipped: no python3 with pandas and scipy)');
  console.log(
    `Targets: time ratio < 1, modelci peak RSS < 300 MB: ${a.rssMb < 300 ? 'met' : 'NOT met'} (RSS), ${b ? (a.seconds < b.seconds ? 'met' : 'NOT met') : 'n/a'} (time).`,
  );
  if (process.env.BENCH_PERFORMANCE !== '0') performanceLeg(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
