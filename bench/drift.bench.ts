// `npm run bench -- drift`: `modelci drift` (the bundled CLI, in a child process) over a reference
// and a current CSV of 1,000,000 rows x 20 columns (12 numeric, 8 categorical), against the peer
// measured in this run on the same files: pandas `read_csv` + scipy's tests per column (the same
// tests modelci picks: Wasserstein normed for numeric, Jensen-Shannon for categorical, > 1000 rows),
// with Debian's python3-pandas / python3-scipy. Figures: wall time, peak RSS, ratios.
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

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
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

// Reports the child's own peak RSS at exit (getrusage), the same measure Python reports.
const RSS_HOOK = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`;

function ours(dir: string): { seconds: number; rssMb: number; drifted: number } {
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
      join(dir, 'ref.csv'),
      '--current',
      join(dir, 'cur.csv'),
      '--json',
      '--config',
      join(dir, 'none.yaml'),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`modelci drift failed: ${r.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(r.stderr);
  const out = JSON.parse(r.stdout) as { columns: { drifted: boolean }[] };
  return {
    seconds,
    rssMb: Number(rss?.[1] ?? 0) / 1024,
    drifted: out.columns.filter((c) => c.drifted).length,
  };
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
} finally {
  rmSync(dir, { recursive: true, force: true });
}
