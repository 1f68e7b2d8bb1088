// `npm run bench -- validate` (issue 19, point 5): `modelci validate` over the drift benchmark's
// file (1,000,000 rows x 20 columns, bench/drift-data.ts) against `modelci profile` of the same
// file, both the bundled CLI in a child process, measured alternately in this run (median of RUNS
// each). Target: validating is no slower than profiling (ratio <= 1). Two validate legs: the file
// the contract was inferred from (no violation), and the shifted window drift.bench calls current
// (violations found and counted, with their examples: the realistic case).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORICAL, NUMERIC, ROWS, writeCsv } from './drift-data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI = join(process.cwd(), 'dist/cli/index.js');
// Reports the child's own peak RSS at exit (getrusage).
const RSS_HOOK = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`;

interface Run {
  seconds: number;
  rssMb: number;
  stdout: string;
}

function cli(dir: string, args: string[], okCodes = [0]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(dir, 'rss-hook.mjs'), CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (!okCodes.includes(r.status ?? -1))
    throw new Error(`modelci ${args[0]} exited ${r.status}: ${r.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(r.stderr);
  return { seconds, rssMb: Number(rss?.[1] ?? 0) / 1024, stdout: r.stdout };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

if (!existsSync(CLI)) throw new Error('run `npm run build` first (the bench runs the bundled CLI)');
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-validate-'));
try {
  writeFileSync(join(dir, 'rss-hook.mjs'), RSS_HOOK);
  writeFileSync(join(dir, 'none.yaml'), 'version: 1\n');
  writeCsv(join(dir, 'ref.csv'), 0);
  writeCsv(join(dir, 'cur.csv'), 0.5);
  const config = ['--config', 'none.yaml'];
  cli(dir, ['profile', 'ref.csv', '-o', 'seed.json', ...config]);
  cli(dir, ['contract', 'infer', '--data', 'seed.json', '--out', 'contract.yaml', ...config]);
  const legs = {
    profile: [] as Run[],
    clean: [] as Run[],
    shifted: [] as Run[],
  };
  const validate = (file: string) =>
    // exit 3: the shifted window fails its checks, which is the point of the leg.
    cli(
      dir,
      ['validate', '--contract', 'contract.yaml', '--data', file, '--json', ...config],
      [0, 3],
    );
  for (let i = 0; i < RUNS; i++) {
    legs.profile.push(cli(dir, ['profile', 'ref.csv', '-o', 'p.json', ...config]));
    legs.clean.push(validate('ref.csv'));
    legs.shifted.push(validate('cur.csv'));
  }
  const report = (r: Run) =>
    JSON.parse(r.stdout) as { errors: number; warnings: number; violations: unknown[] };
  const clean = report(legs.clean[0]!);
  const shifted = report(legs.shifted[0]!);
  if (clean.violations.length !== 0)
    throw new Error(`the inferred contract flags its own data: ${legs.clean[0]!.stdout}`);
  const mb = statSync(join(dir, 'ref.csv')).size / 2 ** 20;
  const t = (runs: Run[]) => median(runs.map((r) => r.seconds));
  const rss = (runs: Run[]) => Math.max(...runs.map((r) => r.rssMb));
  console.log(
    `A CSV of ${ROWS.toLocaleString('en-US')} rows x ${NUMERIC + CATEGORICAL} columns (${mb.toFixed(0)} MiB), median of ${RUNS} runs each, legs alternating.\n`,
  );
  console.log('| | wall time | peak RSS | violations |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| modelci profile | ${t(legs.profile).toFixed(2)} s | ${rss(legs.profile).toFixed(0)} MB |   |`,
  );
  console.log(
    `| modelci validate, the file the contract came from | ${t(legs.clean).toFixed(2)} s | ${rss(legs.clean).toFixed(0)} MB | 0 |`,
  );
  console.log(
    `| modelci validate, the shifted window | ${t(legs.shifted).toFixed(2)} s | ${rss(legs.shifted).toFixed(0)} MB | ${shifted.errors} errors, ${shifted.warnings} warnings |`,
  );
  const ratio = t(legs.clean) / t(legs.profile);
  const ratioShifted = t(legs.shifted) / t(legs.profile);
  console.log(
    `\nRatios (validate / profile): ${ratio.toFixed(2)} clean, ${ratioShifted.toFixed(2)} shifted. Target <= 1: ${Math.max(ratio, ratioShifted) <= 1 ? 'met' : 'NOT met'}.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
