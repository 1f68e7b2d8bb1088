// `npm run bench -- site`: the catalog site of a registry of 20 models × 500 versions with its git
// history (10,800 commits). Build: `runSite` in this process against a floor measured in the same
// run (reading and parsing every registry file, which any build must do). Load: each page kind
// opened from disk (file://) in headless Chromium, median of RUNS navigations (Navigation Timing:
// start to loadEventEnd), against a floor page (an empty HTML document) loaded the same way.
// The goal: every page loads in under a second from disk.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSite } from '../src/commands/site.js';
import { readStructuredFile } from '../src/data/structured-file.js';
import { launchBrowser } from '../test/harness/browser.js';
import { generateRegistryHistory } from './registry-history.js';

const MODELS = Number(process.env.BENCH_MODELS ?? 20);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 500);
const RUNS = 7;
// A model in the middle of the registry (model-07 of 20).
const PROBE = `model-${String(Math.min(7, MODELS - 1)).padStart(2, '0')}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const root = mkdtempSync(join(tmpdir(), 'modelci-bench-site-'));
try {
  const repo = join(root, 'repo');
  let t0 = performance.now();
  const { commits } = generateRegistryHistory(repo, { models: MODELS, versions: VERSIONS });
  const generated = performance.now() - t0;

  // Floor: read and parse every registry file, as any build of this site must (once untimed, so
  // that neither side pays for loading and compiling the parser).
  t0 = performance.now();
  const walk = (dir: string): number =>
    readdirSync(dir).reduce((n, name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return n + walk(p);
      readStructuredFile(p);
      return n + 1;
    }, 0);
  walk(join(repo, 'registry'));
  t0 = performance.now();
  const files = walk(join(repo, 'registry'));
  const floor = performance.now() - t0;

  t0 = performance.now();
  const site = await runSite({
    out: join(root, 'site'),
    registry: join(repo, 'registry'),
    now: '2026-03-25T12:00:00Z',
  });
  const build = performance.now() - t0;

  const kinds: [string, string][] = [
    ['catalog', 'index.html'],
    [`model page (${VERSIONS} versions)`, `models/${PROBE}/index.html`],
    ['model card', `models/${PROBE}/versions/1.${Math.ceil(VERSIONS / 2)}.0.html`],
    ['audit log, page 1', 'audit.html'],
    ['audit log of one model', `models/${PROBE}/audit.html`],
  ];
  const floorPage = join(root, 'floor.html');
  writeFileSync(
    floorPage,
    '<!doctype html><html lang="en"><title>floor</title><p>floor</p></html>',
  );
  const b = await launchBrowser();
  const load = async (file: string): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await b.browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Runs in the page; Node's types for `performance` do not know navigation entries.
      times.push(
        (await page.evaluate(
          'performance.getEntriesByType("navigation")[0].loadEventEnd',
        )) as number,
      );
      await page.close();
    }
    return median(times);
  };
  const floorLoad = await load(floorPage);
  const rows: string[] = [];
  for (const [kind, path] of kinds) {
    const file = join(site.out, path);
    const t = await load(file);
    rows.push(
      `| ${kind} | ${(statSync(file).size / 1024).toFixed(0)} kB | ${ms(t)} | ${(t / floorLoad).toFixed(1)}× | ${t < 1000 ? 'yes' : 'NO'} |`,
    );
  }
  await b.close();

  console.log(
    `Catalog site of ${MODELS} models × ${VERSIONS} versions, ${commits.toLocaleString('en')} registry commits (generated in ${ms(generated)}).\n`,
  );
  console.log('| build | time | ratio |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| floor: read + parse ${files.toLocaleString('en')} registry files | ${ms(floor)} | 1.0× |`,
  );
  console.log(
    `| modelci site: ${site.pages.toLocaleString('en')} pages, ${(site.bytes / 1e6).toFixed(1)} MB | ${ms(build)} | ${(build / floor).toFixed(1)}× |`,
  );
  console.log(
    `\nPage load from disk in Chromium (file://), median of ${RUNS}, floor: an empty page (${ms(floorLoad)}).\n`,
  );
  console.log('| page | size | load | × floor | under 1 s |');
  console.log('| --- | ---: | ---: | ---: | :---: |');
  for (const r of rows) console.log(r);
} finally {
  rmSync(root, { recursive: true, force: true });
}
