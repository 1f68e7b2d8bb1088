// `npm run bench -- drift`: `modelci drift` (the bundled CLI, in a child process) over a reference
// and a current CSV of 1,000,000 rows x 20 columns (12 numeric, 8 categorical), against the peer
// measured in this run on the same files: pandas `read_csv` + scipy's tests per column (the same
// tests modelci picks: Wasserstein normed for numeric, Jensen-Shannon for categorical, > 1000 rows),
// with Debian's python3-pandas / python3-scipy. Figures: wall time, peak RSS, ratios. modelci runs
// twice: on both cores (the default: the two sides are profiled at once) and with
// MODELCI_THREADS=1, and the two JSON results are compared (they must be identical).
// Targets (issue 20): pandas+scipy / modelci >= 8, peak RSS < 300 MB at any row count.
// Growth: the same at each size of GROWTH (default 100k, 1M, 10M rows; files generated on the fly
// and removed one size at a time; the peer is skipped above 1M rows unless BENCH_PEER_10M=1).
// Second leg, performance drift: two labelled windows (label, predicted label, score) checked with
// --label/--prediction/--score against the same run without them (the summary's own cost) and
// against pandas read_csv + scikit-learn's metrics on both windows.
//   BENCH_ROWS=200000 GROWTH=100000 BENCH_PERFORMANCE=0 npm run bench -- drift   (quicker)
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
import { CATEGORICAL, NUMERIC, ROWS, normal, rand, writeCsv } from './drift-data.js';

const GROWTH = (process.env.GROWTH ?? '100000,1000000,10000000').split(',').map(Number);
const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import pandas, scipy'], { stdio: 'ignore' }).status === 0,
);
const CLI = join(process.cwd(), 'dist/cli/index.js');

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
u = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - t0, "drifted": drifted,
                  "max_rss_mb": u.ru_maxrss / 1024, "cpu_seconds": u.ru_utime + u.ru_stime}))
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

// Reports the child's own peak RSS and CPU time (every thread) at exit (getrusage), the same
// measures Python reports.
const RSS_HOOK = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nMAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`;

interface OursResult {
  seconds: number;
  rssMb: number;
  /** CPU time of every thread (steadier than wall time on a shared machine). */
  cpuSeconds: number;
  drifted: number;
  performance?: { metrics: { name: string; reference: number; current: number }[] };
  /** The JSON result without its time stamp: the same data must give the same bytes. */
  result: string;
}

function ours(
  dir: string,
  files: [string, string] = ['ref.csv', 'cur.csv'],
  extra: string[] = [],
  threads?: number,
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
      env: { ...process.env, MODELCI_THREADS: threads === undefined ? '' : String(threads) },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`modelci drift failed: ${r.stderr}`);
  const rss = /MAXRSS (\d+) CPU (\d+)/.exec(r.stderr);
  const out = JSON.parse(r.stdout) as {
    columns: { drifted: boolean }[];
    performance: OursResult['performance'] | null;
    checked_at?: string;
  };
  return {
    seconds,
    rssMb: Number(rss?.[1] ?? 0) / 1024,
    cpuSeconds: Number(rss?.[2] ?? 0) / 1e6,
    drifted: out.columns.filter((c) => c.drifted).length,
    ...(out.performance ? { performance: out.performance } : {}),
    result: JSON.stringify({ ...out, checked_at: '' }),
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

function peer(
  dir: string,
  files: [string, string] = ['ref.csv', 'cur.csv'],
): { seconds: number; rssMb: number; cpuSeconds: number; drifted: number } | null {
  if (!PYTHON) return null;
  const script = join(dir, 'peer.py');
  writeFileSync(script, PEER);
  const t0 = performance.now();
  const r = spawnSync(PYTHON, [script, join(dir, files[0]), join(dir, files[1])], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pandas + scipy failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { max_rss_mb: number; cpu_seconds: number; drifted: number };
  return { seconds, rssMb: out.max_rss_mb, cpuSeconds: out.cpu_seconds, drifted: out.drifted };
}

type Leg = Pick<OursResult, 'seconds' | 'rssMb' | 'cpuSeconds'>;
const cell = (l: Leg) =>
  `${l.seconds.toFixed(2)} s, ${l.rssMb.toFixed(0)} MB, CPU ${l.cpuSeconds.toFixed(1)} s`;

/** Both cores, one thread, the peer (when asked for), on one pair of files. */
function legs(dir: string, files: [string, string], withPeer: boolean) {
  const two = ours(dir, files);
  const one = ours(dir, files, [], 1);
  return { two, one, py: withPeer ? peer(dir, files) : null, same: two.result === one.result };
}

if (!existsSync(CLI)) throw new Error('run `npm run build` first (the bench runs the bundled CLI)');
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-drift-'));
writeFileSync(join(dir, 'none.yaml'), 'version: 1\n');
try {
  writeCsv(join(dir, 'ref.csv'), 0);
  writeCsv(join(dir, 'cur.csv'), 0.5);
  const mb = (statSync(join(dir, 'ref.csv')).size + statSync(join(dir, 'cur.csv')).size) / 2 ** 20;
  const { two: a, one, py: b, same } = legs(dir, ['ref.csv', 'cur.csv'], true);
  console.log(
    `Drift over two CSVs of ${ROWS.toLocaleString('en-US')} rows x ${NUMERIC + CATEGORICAL} columns (${mb.toFixed(0)} MiB together).\n`,
  );
  console.log('| | wall time | peak RSS | drifted columns |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| modelci drift (bundled CLI, both cores) | ${a.seconds.toFixed(2)} s | ${a.rssMb.toFixed(0)} MB | ${a.drifted} |`,
  );
  console.log(
    `| modelci drift, MODELCI_THREADS=1 | ${one.seconds.toFixed(2)} s | ${one.rssMb.toFixed(0)} MB | ${one.drifted} |`,
  );
  if (b) {
    console.log(
      `| pandas read_csv + scipy per column | ${b.seconds.toFixed(2)} s | ${b.rssMb.toFixed(0)} MB | ${b.drifted} |`,
    );
    console.log(
      `\nRatios: pandas+scipy / modelci **${(b.seconds / a.seconds).toFixed(2)}** (one thread: ${(b.seconds / one.seconds).toFixed(2)}); one thread / both cores ${(one.seconds / a.seconds).toFixed(2)}; peak RSS modelci / pandas+scipy ${(a.rssMb / b.rssMb).toFixed(2)}.`,
    );
  } else console.log('\n(pandas + scipy leg skipped: no python3 with pandas and scipy)');
  console.log(
    `CPU seconds (every thread; steadier than wall time when the machine is shared): modelci both cores ${a.cpuSeconds.toFixed(2)}, one thread ${one.cpuSeconds.toFixed(2)}` +
      (b
        ? `, pandas+scipy ${b.cpuSeconds.toFixed(2)} (pandas+scipy / modelci ${(b.cpuSeconds / a.cpuSeconds).toFixed(2)})`
        : '') +
      '.',
  );
  console.log(
    `Both cores and one thread give the same JSON result: ${same ? 'yes' : 'NO'}.\n` +
      `Targets: pandas+scipy / modelci >= 8: ${b ? (b.seconds / a.seconds >= 8 ? 'met' : 'NOT met') : 'n/a'}; peak RSS < 300 MB: ${Math.max(a.rssMb, one.rssMb) < 300 ? 'met' : 'NOT met'}.`,
  );
  if (!same) process.exitCode = 1;

  // Growth: the same check at each size (files generated on the fly, removed one size at a time).
  console.log(
    '\nGrowth (two CSVs of the given rows x 20 columns; ratios are pandas+scipy / modelci):\n',
  );
  console.log('| rows | modelci, both cores | modelci, one thread | pandas + scipy | identical |');
  console.log('| ---: | ---: | ---: | ---: | :---: |');
  for (const rows of GROWTH) {
    let g = rows === ROWS ? { two: a, one, py: b, same } : undefined;
    if (!g) {
      writeCsv(join(dir, 'gref.csv'), 0, rows);
      writeCsv(join(dir, 'gcur.csv'), 0.5, rows);
      const withPeer = rows <= 1_000_000 || process.env.BENCH_PEER_10M === '1';
      g = legs(dir, ['gref.csv', 'gcur.csv'], withPeer);
      rmSync(join(dir, 'gref.csv'), { force: true });
      rmSync(join(dir, 'gcur.csv'), { force: true });
    }
    const peerCell = g.py
      ? `${cell(g.py)} (×${(g.py.seconds / g.two.seconds).toFixed(2)})`
      : PYTHON
        ? 'skipped above 1M rows (BENCH_PEER_10M=1 runs it)'
        : 'skipped: no python3';
    console.log(
      `| ${rows.toLocaleString('en-US')} | ${cell(g.two)} | ${cell(g.one)} | ${peerCell} | ${g.same ? 'yes' : 'NO'} |`,
    );
    if (!g.same) process.exitCode = 1;
  }
  if (process.env.BENCH_PERFORMANCE !== '0') performanceLeg(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
