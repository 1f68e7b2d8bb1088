#!/usr/bin/env node
// `npm run bench [-- <filter>]`: runs every bench/*.bench.ts (via tsx) one after another, so they do
// not compete for the two cores. Each bench measures its own floor or peer in the same run and prints
// its figures as ratios; this runner only sequences them and collects their output in bench/out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
mkdirSync(join(here, 'out'), { recursive: true });
let failed = 0;
for (const f of files) {
  console.log(`\n### ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    cwd: join(here, '..'),
    maxBuffer: 64 << 20,
  });
  process.stdout.write(r.stdout);
  writeFileSync(join(here, 'out', f.replace(/\.ts$/, '.md')), r.stdout);
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status})`);
  }
}
if (files.length === 0) console.log('no benchmarks matched');
process.exitCode = failed ? 1 : 0;
