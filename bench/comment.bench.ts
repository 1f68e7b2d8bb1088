// `npm run bench -- comment`: wall time of the bundled comment action (actions/comment/dist) from
// process start to exit, posting to the GitHub stand-in on loopback, as a ratio to bare
// `node -e ''` started the same way in the same run (median of several runs each). Targets (issue
// 20): the re-run that updates ≤ 2.5×, `modelci --version` (bin/modelci.js, what `npx modelci`
// runs) ≤ 1.3×. The stand-in is a test double in this process: two untimed runs (create, then
// update) compile its validators for every request the timed runs make, and its own CPU time per
// timed run is printed, as it shares the machine with the action it answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ACTIONS_TOKEN, startGitHubServer } from '../test/harness/github/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const root = join(import.meta.dirname, '..');
const bundle = join(root, 'actions/comment/dist/index.js');
const cli = join(root, 'bin/modelci.js');

function wall(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });
}

/** Bytes of the bundle file and every chunk it imports statically (what node parses before running). */
function startupBytes(entry: string, seen = new Set<string>()): number {
  if (seen.has(entry)) return 0;
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  let total = statSync(entry).size;
  for (const m of src.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g))
    total += startupBytes(join(dirname(entry), m[1]!), seen);
  return total;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const gh = await startGitHubServer();
const dir = mkdtempSync(join(tmpdir(), 'modelci-bench-comment-'));
try {
  const { pull } = gh.state.repo('acme/models').addPull({ title: 'bench', head: 'bench' });
  for (const f of [
    'modelci.yaml',
    'metrics/base.json',
    'metrics/head.json',
    'metrics/history.json',
  ])
    writeFileSync(
      join(dir, f.replace('metrics/', '')),
      readFileSync(join(root, 'examples/churn', f)),
    );
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: pull.number,
      pull_request: { number: pull.number, head: { sha: pull.head.sha } },
    }),
  );
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  const actionEnv = (run: number): NodeJS.ProcessEnv => {
    const out = join(dir, `out-${run}`);
    const summary = join(dir, `summary-${run}`);
    writeFileSync(out, '');
    writeFileSync(summary, ''); // the runner creates both files before the step starts
    return {
      ...baseEnv,
      INPUT_BASE: 'base.json',
      INPUT_HEAD: 'head.json',
      INPUT_HISTORY: 'history.json',
      INPUT_CONFIG: 'modelci.yaml',
      INPUT_TOKEN: ACTIONS_TOKEN,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: pull.mergeCommitSha ?? pull.head.sha,
      GITHUB_WORKFLOW: 'PR',
      // A new run id per run: every run after the first really PATCHes the comment.
      GITHUB_RUN_ID: String(1000 + run),
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: dir,
    };
  };

  // Warm the file cache for both, and the stand-in's validators for both the request that creates
  // the comment and those that update it; then alternate so load changes hit all alike.
  await wall(['-e', ''], baseEnv, dir);
  await wall([bundle], actionEnv(0), dir);
  await wall([bundle], actionEnv(-1), dir);
  const floor: number[] = [];
  const action: number[] = [];
  const offline: number[] = [];
  const version: number[] = [];
  const standIn: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    floor.push(await wall(['-e', ''], baseEnv, dir));
    const cpu = process.cpuUsage();
    action.push(await wall([bundle], actionEnv(i), dir));
    const used = process.cpuUsage(cpu);
    standIn.push((used.user + used.system) / 1000);
    // Same run without a token: start-up, reading, rendering and the summary, no HTTP.
    offline.push(await wall([bundle], { ...actionEnv(100 + i), INPUT_TOKEN: '' }, dir));
    version.push(await wall([cli, '--version'], baseEnv, dir));
  }
  const comments = gh.state.repo('acme/models').commentsOn(pull.number);
  if (comments.length !== 1) throw new Error(`expected one comment, found ${comments.length}`);
  gh.assertNoViolations();

  const f = median(floor);
  const a = median(action);
  console.log(`| measure (median of ${RUNS}) | ms | ratio to node -e '' |`);
  console.log('| :--- | ---: | ---: |');
  console.log(`| node -e '' (floor) | ${f.toFixed(1)} | 1.00× |`);
  console.log(
    `| comment action, start to exit (update comment) | ${a.toFixed(1)} | ${(a / f).toFixed(2)}× (target ≤ 2.5×) |`,
  );
  console.log(
    `| … of which the GitHub stand-in's CPU (this process: HTTP, OpenAPI validation) | ${median(standIn).toFixed(1)} | |`,
  );
  const o = median(offline);
  console.log(
    `| comment action without a token (no HTTP) | ${o.toFixed(1)} | ${(o / f).toFixed(2)}× |`,
  );
  const v = median(version);
  console.log(`| modelci --version | ${v.toFixed(1)} | ${(v / f).toFixed(2)}× (target ≤ 1.3×) |`);
  console.log('');
  console.log('| bundle | parsed at start-up (static imports) |');
  console.log('| :--- | ---: |');
  for (const f of ['dist/actions/comment.js', 'dist/actions/evaluate.js', 'dist/cli/index.js'])
    console.log(`| ${f} | ${(startupBytes(join(root, f)) / 1024).toFixed(0)} KiB |`);
  // What the first GitHub request adds: the client chunk (Octokit) and what it imports statically.
  const seen = new Set<string>();
  startupBytes(join(root, 'dist/actions/comment.js'), seen);
  const client = readdirSync(join(root, 'dist/chunks')).filter((f) => /^client-\w+\.js$/.test(f));
  const added = client.reduce((n, f) => n + startupBytes(join(root, 'dist/chunks', f), seen), 0);
  console.log(
    `| dist/actions/comment.js: added by its first GitHub request (Octokit client) | +${(added / 1024).toFixed(0)} KiB |`,
  );
} finally {
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
}
