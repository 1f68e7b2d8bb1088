#!/usr/bin/env node
// `modelci --version` answers before the CLI bundle loads (one small read instead of parsing the
// dispatcher and its chunks: issue 20 wants it within 1.3× of bare node); everything else,
// `-V` anywhere but first included, goes to the bundle, which gives the same answer.
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  await import('../dist/cli/index.js');
}
