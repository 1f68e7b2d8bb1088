// `npm run bench -- validate` (issue 19, point 5): `modelci validate` over the drift benchmark's
// file (1,000,000 rows x 20 columns, bench/drift-data.ts) against `modelci profile` of the same
// file, both the bundled CLI in a child process, measured alternately in this run (median of RUNS
// each). Target: validating is no slower than profiling (ratio <= 1). Two validate legs: against the
// contract inferred from the file (no violation), and against that contract with two hand-tightened
// expectations, as a team edits one (a range a third of the rows break, a category no longer
// allowed): violations counted per row, with their examples.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
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
  writeCsv(join(dir, 'ref.csv'), 0);
  cli(dir, ['profile', 'ref.csv', '-o', 'seed.json']);
  cli(dir, ['contract', 'infer', '--data', 'seed.json', '--out', 'contract.yaml']);
  // num0 is standard normal: about 32% of its rows fall outside [-1, 1]; cat7's first level goes.
  const strict = parse(readFileSync(join(dir, 'contract.yaml'), 'utf8')) as {
    columns: Record<string, { range?: unknown; allowed?: string[] }>;
  };
  strict.columns.num0!.range = { min: -1, max: 1 };
  strict.columns.cat7!.allowed = strict.columns.cat7!.allowed!.slice(1);
  writeFileSync(join(dir, 'strict.yaml'), stringify(strict));
  const legs = {
    profile: [] as Run[],
    clean: [] as Run[],
    strict: [] as Run[],
  };
  const validate = (contract: string) =>
    // exit 3: the strict contract fails the file, which is the point of that leg.
    cli(dir, ['validate', '--contract', contract, '--data', 'ref.csv', '--json'], [0, 3]);
  for (let i = 0; i < RUNS; i++) {
    legs.profile.push(cli(dir, ['profile', 'ref.csv', '-o', 'p.json']));
    legs.clean.push(validate('contract.yaml'));
    legs.strict.push(validate('strict.yaml'));
  }
  const report = (r: Run) =>
    JSON.parse(r.stdout) as {
      violations: { column?: string; check: string; count: number }[];
    };
  const clean = report(legs.clean[0]!);
  const strictReport = report(legs.strict[0]!);
  if (strictReport.violations.length !== 2)
    throw new Error(`expected the two tightened expectations to fail: ${legs.strict[0]!.stdout}`);
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
    `| modelci validate, the contract inferred from the file | ${t(legs.clean).toFixed(2)} s | ${rss(legs.clean).toFixed(0)} MB | 0 |`,
  );
  console.log(
    `| modelci validate, two expectations tightened | ${t(legs.strict).toFixed(2)} s | ${rss(legs.strict).toFixed(0)} MB | ${strictReport.violations.map((v) => `${v.column} ${v.check}: ${v.count.toLocaleString('en-US')} rows`).join('; ')} |`,
  );
  const ratio = t(legs.clean) / t(legs.profile);
  const ratioStrict = t(legs.strict) / t(legs.profile);
  console.log(
    `\nRatios (validate / profile): ${ratio.toFixed(2)} clean, ${ratioStrict.toFixed(2)} with violations. Target <= 1: ${Math.max(ratio, ratioStrict) <= 1 ? 'met' : 'NOT met'}.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
