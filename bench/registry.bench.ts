// Registry read and write cost as the registry grows: 100, 1,000 and 10,000 versions across 20
// models, generated directly and committed once. Each command runs as the bundled CLI in a child
// process (as a user or a workflow step runs it); the floor is `node -e ''` and the peer is
// `git status` in the same repository, both measured in the same run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StagePointer, VersionRecord } from '../src/core/registry/records.js';
import { recordToYaml } from '../src/registry/record-file.js';
import { runRegistryList, runRegistryShow } from '../src/commands/registry.js';

const CLI = resolve(import.meta.dirname, '../dist/cli/index.js');
const MODELS = 20;
const SIZES = [100, 1_000, 10_000];
const RUNS = 7;
const env = {
  ...process.env,
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
  GITHUB_ACTOR: 'bench',
};

function run(cmd: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A repository whose registry holds `total` versions over 20 models, two stages each. */
function generate(total: number): string {
  const repo = mkdtempSync(join(tmpdir(), `modelci-bench-${total}-`));
  git(repo, 'init', '--quiet', '-b', 'main');
  git(repo, 'config', 'user.name', 'bench');
  git(repo, 'config', 'user.email', 'bench@example.com');
  const per = total / MODELS;
  for (let m = 0; m < MODELS; m++) {
    const model = `model-${String(m).padStart(2, '0')}`;
    const dir = join(repo, 'registry', model);
    mkdirSync(join(dir, 'versions'), { recursive: true });
    mkdirSync(join(dir, 'stages'), { recursive: true });
    writeFileSync(
      join(dir, 'model.yaml'),
      recordToYaml({ schema: 'modelci/model@1', name: model, created_at: '2026-01-01T00:00:00Z' }),
    );
    for (let v = 1; v <= per; v++) {
      const version = `1.${v}.0`;
      const sha256 = createHash('sha256').update(`${model}@${version}`).digest('hex');
      const rec: VersionRecord = {
        schema: 'modelci/version@1',
        model,
        version,
        artifact: {
          uri: `github-release:acme/models/modelci-artifacts/${model}-${sha256.slice(0, 16)}-model.onnx`,
          sha256,
          bytes: 123456,
          format: 'onnx',
        },
        signature: {
          inputs: [{ name: 'input', type: 'float', shape: ['batch', 12] }],
          outputs: [
            { name: 'label', type: 'int64', shape: ['batch'] },
            { name: 'probabilities', type: 'float', shape: ['batch', 2] },
          ],
        },
        metrics: {
          accuracy: { value: 0.9, ci: [0.88, 0.92] },
          roc_auc: { value: 0.95, ci: [0.94, 0.96] },
        },
        evaluation_data: {
          path: 'data/holdout.csv',
          sha256: 'e'.repeat(64),
          bytes: 1000000,
          rows: 10000,
        },
        gates: {
          passed: true,
          results: [{ gate: 'min.roc_auc', passed: true, reason: 'roc_auc 0.95 ≥ 0.9' }],
        },
        params: { C: 1, max_iter: 200 },
        lineage: {
          commit: 'c'.repeat(40),
          ref: 'refs/heads/main',
          run_url: 'https://github.com/acme/models/actions/runs/1',
          ...(v > 1 ? { parent_version: `1.${v - 1}.0` } : {}),
        },
        created_at: '2026-01-01T00:00:00Z',
        created_by: 'bench',
      };
      writeFileSync(join(dir, 'versions', `${version}.yaml`), recordToYaml(rec));
    }
    for (const [stage, v] of [
      ['staging', per],
      ['production', Math.max(1, per - 1)],
    ] as const) {
      const p: StagePointer = {
        schema: 'modelci/stage@1',
        model,
        stage,
        version: `1.${v}.0`,
        promoted_at: '2026-01-02T00:00:00Z',
        promoted_by: 'bench',
      };
      writeFileSync(join(dir, 'stages', `${stage}.yaml`), recordToYaml(p));
    }
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', `registry with ${total} versions`);
  return repo;
}

const artifacts = mkdtempSync(join(tmpdir(), 'modelci-bench-art-'));
const rows: string[] = [];
const inprocRows: string[] = [];
const f = (ms: number) => ms.toFixed(0);
for (const total of SIZES) {
  const repo = generate(total);
  const floor: number[] = [];
  const status: number[] = [];
  const startup: number[] = [];
  const list: number[] = [];
  const show: number[] = [];
  const register: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(run(process.execPath, ['-e', ''], repo));
    status.push(run('git', ['status', '--porcelain'], repo));
    startup.push(run(process.execPath, [CLI, '--version'], repo));
    list.push(
      run(process.execPath, [CLI, 'registry', 'list', '--registry', 'registry', '--json'], repo),
    );
    show.push(
      run(
        process.execPath,
        [CLI, 'registry', 'show', 'model-07#production', '--registry', 'registry'],
        repo,
      ),
    );
    const art = join(artifacts, `a-${total}-${i}.bin`);
    writeFileSync(art, `weights ${total} ${i}`);
    register.push(
      run(
        process.execPath,
        [CLI, 'register', '--registry', 'registry', '--model', 'model-07', '--artifact', art],
        repo,
      ),
    );
  }
  // The registry's own work, in this process: no node start, no bundle load.
  const inproc = (fn: () => unknown) =>
    median(
      Array.from({ length: RUNS }, () => {
        const t0 = performance.now();
        fn();
        return performance.now() - t0;
      }),
    );
  runRegistryList(join(repo, 'registry'));
  const listIn = inproc(() => runRegistryList(join(repo, 'registry')));
  const showIn = inproc(() => runRegistryShow(join(repo, 'registry'), 'model-07#production'));
  inprocRows.push(
    `| ${total.toLocaleString('en')} | ${listIn.toFixed(1)} ms | ${showIn.toFixed(2)} ms |`,
  );
  const fl = median(floor);
  const st = median(startup);
  // What the registry itself costs: the command minus the CLI's own start (loading the bundle).
  const cell = (xs: number[]) =>
    `${f(median(xs))} ms (${(median(xs) / fl).toFixed(1)}× floor; +${f(median(xs) - st)} ms over CLI start)`;
  rows.push(
    `| ${total.toLocaleString('en')} | ${f(fl)} ms | ${f(st)} ms (${(st / fl).toFixed(1)}× floor) | ${f(median(status))} ms | ${cell(list)} | ${cell(show)} | ${cell(register)} |`,
  );
  rmSync(repo, { recursive: true, force: true });
}
rmSync(artifacts, { recursive: true, force: true });

console.log(
  `Registry commands as bundled-CLI processes, median of ${RUNS} runs, ${MODELS} models, 2 stages each.`,
);
console.log(
  "Floor: `node -e ''`; CLI start: `modelci --version` (loads the bundle); peer: `git status --porcelain` in the same repository.\n",
);
console.log(
  '| versions | floor | CLI start | git status | registry list --json | show <m>#production | register (commit, no push) |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
console.log(
  '\nThe same reads in-process (median of the runs above), i.e. what the registry itself costs:\n',
);
console.log('| versions | list (all models, versions, stages) | show <m>#production |');
console.log('| ---: | ---: | ---: |');
for (const r of inprocRows) console.log(r);
