// Listing training runs as they accumulate: 100, 1,000 and 10,000 runs over 5 models, written as
// `modelci train` writes them (one root commit per run, the record in run.json and in the message)
// with git fast-import, once: the stores are cached in bench/.cache/ and copied for each
// measurement (they hold no runs index, as an older modelci leaves them). The floor is bare
// `git for-each-ref` over the same refs, measured in the same run; refs are measured loose (as
// written) and packed (after `git pack-refs`, as gc leaves them). The first listing builds the
// runs index (every run read once); the others read the index. The CLI runs as the bundled
// `modelci` in a child process (what a user or a workflow step pays, node start included);
// listRuns runs in this process (the listing itself).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TABLE_LIMIT } from '../src/commands/invoke/runs.js';
import { listRuns } from '../src/commands/runs.js';
import { runCommitMessage } from '../src/core/runs/message.js';
import { RUN_SCHEMA, type RunRecord } from '../src/core/runs/record.js';
import { RunStore } from '../src/git/run-refs.js';
import { rng } from '../test/harness/random.js';

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js');
// Bump when the generated store changes: a cached store of another version is not reused.
const CACHE = resolve(import.meta.dirname, '.cache/runs-v1');
const SIZES = [100, 1_000, 10_000];
const MODELS = 5;
const RUNS = 7;
const env = {
  ...process.env,
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
};

function sh(cmd: string, args: string[], cwd: string, input?: string): string {
  const r = spawnSync(cmd, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function time(cmd: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  sh(cmd, args, cwd);
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A run record of the size real ones have: params, training metrics, an evaluation, fingerprints. */
function record(i: number, rand: () => number): RunRecord {
  const start = Date.UTC(2026, 0, 1) + i * 60_000;
  const iso = new Date(start).toISOString();
  const id = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${hex(i, 6)}`;
  const metric = () => {
    const v = 0.8 + rand() * 0.19;
    return { value: v, ci: [v - 0.02, v + 0.02] as [number, number] };
  };
  return {
    schema: RUN_SCHEMA,
    id,
    model_name: `model-${i % MODELS}`,
    status: i % 17 === 0 ? 'failed' : 'succeeded',
    trainer: 'command',
    command: 'python train.py --epochs 20',
    seed: 42,
    params: {
      C: rand(),
      max_iter: 200,
      penalty: 'l2',
      optimizer: { name: 'adam', lr: rand() / 100, betas: [0.9, 0.999] },
      layers: [64, 32, 16],
      dropout: 0.1,
      batch_size: 256,
    },
    metrics: { train_accuracy: rand(), train_loss: rand(), epochs: 20 },
    evaluation: {
      dataset: {
        path: 'data/holdout.csv',
        sha256: 'e'.repeat(64),
        bytes: 1_000_000,
        rows: 10_000,
        label: 'y',
      },
      metrics: Object.fromEntries(
        ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'].map(
          (m) => [m, metric()],
        ),
      ),
      confidence: 0.95,
      evaluated_at: iso,
    },
    data: {
      train: { path: 'data/train.csv', sha256: 'd'.repeat(64), bytes: 4_000_000, rows: 40_000 },
      holdout: { path: 'data/holdout.csv', sha256: 'e'.repeat(64), bytes: 1_000_000, rows: 10_000 },
    },
    model: {
      path: 'model.onnx',
      sha256: hex(i, 64),
      bytes: 123_456,
      signature: {
        inputs: [{ name: 'input', type: 'float', shape: ['N', 30] }],
        outputs: [{ name: 'label', type: 'int64', shape: ['N'] }],
      },
      opsets: { '': 17, 'ai.onnx.ml': 3 },
    },
    code: {
      commit: hex(i * 7919, 40),
      dirty: false,
      branch: i % 3 === 0 ? 'main' : `feature-${i % 11}`,
      files: { 'train.py': hex(i, 40) },
    },
    environment: {
      os: 'linux 6.8.0',
      arch: 'x64',
      node: '20.19.0',
      modelci: '0.1.0',
      python: '3.11.2',
    },
    started_at: iso,
    finished_at: new Date(start + 45_000).toISOString(),
    duration_ms: 45_000,
    tags: i % 50 === 0 ? ['baseline'] : [],
  };
}

/** A repository holding `total` runs, written in one fast-import stream into the cache (once). */
function cached(total: number): string {
  const dir = join(CACHE, String(total));
  if (existsSync(dir)) return dir;
  mkdirSync(CACHE, { recursive: true });
  const building = mkdtempSync(join(CACHE, `${total}-building-`));
  generate(building, total);
  renameSync(building, dir);
  return dir;
}

/** A copy of the cached store to measure in (the listing writes its index there). */
function copyOf(total: number): string {
  const repo = mkdtempSync(join(tmpdir(), `modelci-runs-bench-${total}-`));
  cpSync(cached(total), repo, { recursive: true });
  return repo;
}

/** Bytes of the run summaries the listing reads (the commit messages). */
function messageBytes(total: number): number {
  const rand = rng(total);
  let bytes = 0;
  for (let i = 0; i < total; i++) bytes += Buffer.byteLength(runCommitMessage(record(i, rand)));
  return bytes;
}

function generate(repo: string, total: number): void {
  sh('git', ['init', '--quiet', '-b', 'main'], repo);
  const rand = rng(total);
  const parts: string[] = [];
  for (let i = 0; i < total; i++) {
    const r = record(i, rand);
    const blob = JSON.stringify(r, null, 2) + '\n';
    const message = runCommitMessage(r);
    const t = Math.floor(Date.parse(r.finished_at) / 1000);
    parts.push(
      `blob\nmark :${2 * i + 1}\ndata ${Buffer.byteLength(blob)}\n${blob}\n`,
      `commit refs/modelci/runs/${r.model_name}/${r.id}\nmark :${2 * i + 2}\n`,
      `author bench <bench@example.com> ${t} +0000\ncommitter bench <bench@example.com> ${t} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}\nM 100644 :${2 * i + 1} run.json\n\n`,
    );
  }
  sh('git', ['fast-import', '--quiet'], repo, parts.join(''));
}

const f = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const rows: string[] = [];
const filterArgs = [
  '--model',
  'model-3',
  '--branch',
  'main',
  '--where',
  'accuracy>=0.9',
  '--sort',
  'roc_auc',
  '--limit',
  '20',
];
for (const total of SIZES) {
  const bytes = messageBytes(total);
  for (const layout of ['loose', 'packed'] as const) {
    const repo = copyOf(total);
    if (layout === 'packed') sh('git', ['pack-refs', '--all'], repo);
    const store = RunStore.at(repo, env);
    // The first listing finds no index: it reads every run once and writes the index.
    const c0 = performance.now();
    const cold = (await listRuns(store, { filter: {}, limit: TABLE_LIMIT })).matched;
    const first = performance.now() - c0;
    if (cold !== total) throw new Error(`listed ${cold} of ${total} runs`);
    const floor: number[] = [];
    const contents: number[] = [];
    const node: number[] = [];
    const table: number[] = [];
    const all: number[] = [];
    const json: number[] = [];
    const filtered: number[] = [];
    const inproc: number[] = [];
    const full: number[] = [];
    let listed = 0;
    for (let i = 0; i < RUNS; i++) {
      floor.push(time('git', ['for-each-ref', 'refs/modelci/runs/'], repo));
      // What listing cost before the index: git reading every run commit's message.
      contents.push(
        time('git', ['for-each-ref', '--format=%(contents)', 'refs/modelci/runs/'], repo),
      );
      node.push(time(process.execPath, ['-e', ''], repo));
      table.push(time(process.execPath, [CLI, 'runs', 'list'], repo));
      all.push(time(process.execPath, [CLI, 'runs', 'list', '--all'], repo));
      json.push(time(process.execPath, [CLI, 'runs', 'list', '--json'], repo));
      filtered.push(time(process.execPath, [CLI, 'runs', 'list', ...filterArgs], repo));
      // Whole records (every run.json read): the old `--json`, now asked for with --full.
      if (i < 3) full.push(time(process.execPath, [CLI, 'runs', 'list', '--json', '--full'], repo));
      const t0 = performance.now();
      const newest = await listRuns(store, { filter: {}, limit: TABLE_LIMIT });
      inproc.push(performance.now() - t0);
      listed = newest.matched;
      // The records shown are read, as the table reads them.
      if (newest.runs.some((r) => !r.record.id)) throw new Error('a listed run has no id');
    }
    if (listed !== total) throw new Error(`matched ${listed} of ${total} runs`);
    const fl = median(floor);
    const cell = (xs: number[]) => `${f(median(xs))} ms (${(median(xs) / fl).toFixed(1)}×)`;
    rows.push(
      `| ${total.toLocaleString('en')} | ${layout} | ${(bytes / 1e6).toFixed(1)} MB | ${f(fl)} ms | ${f(median(contents))} ms | ${f(median(node))} ms | ${cell([first])} | ${cell(inproc)} | ${cell(table)} | ${cell(all)} | ${cell(json)} | ${cell(filtered)} | ${cell(full)} |`,
    );
    rmSync(repo, { recursive: true, force: true });
  }
}

console.log(
  `Listing runs, median of ${RUNS} (--full: of 3), ${MODELS} models; ratios to the floor \`git for-each-ref refs/modelci/runs/\` in the same repository.`,
);
console.log(
  `The store is built once (bench/.cache/) without a runs index, as an older modelci leaves it. "first listing" builds the index (in process, every run read once); the other figures read it. \`runs list\` prints the newest ${TABLE_LIMIT} (its default; every run is still listed, sorted and counted), \`--all\` and \`--json\` every run. CLI: the bundled \`modelci\` as a child process, node start included.\n`,
);
console.log(
  "| runs | refs | summaries | floor: for-each-ref | for-each-ref reading every message (listing before the index) | `node -e ''` | first listing: builds the index | listRuns, newest 50 (in process) | `runs list` | `runs list --all` | `runs list --json` | `runs list` filtered + sorted | `runs list --json --full` |",
);
console.log(
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rows) console.log(r);
