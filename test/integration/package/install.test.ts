import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONNXRUNTIME_VERSION } from '../../../src/onnx/runtime.js';
import { tempDir } from '../../harness/temp.js';

// What an adopter does: `npm pack` a checkout, then `npm install <tarball>` in an empty project,
// with no flags, no .npmrc and none of this repository's environment (no ONNXRUNTIME_NODE_INSTALL),
// then run the installed `modelci`. The only shared thing is npm's cache folder, so onnxruntime-node
// (installed on first use into the user's cache folder, a temp HOME here) comes from the cache that
// `npm ci` filled instead of 100 MB from the registry on every run.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = join(REPO, 'test/fixtures');
const ref = JSON.parse(readFileSync(join(FIX, 'onnx/reference.json'), 'utf8'));

let work: string;
let project: string;
let env: NodeJS.ProcessEnv;
let installLog: string;
const children: ChildProcess[] = [];

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { cwd: project, env, encoding: 'utf8', timeout: 300_000 });
}

/** Every file under dir whose name says CUDA or TensorRT (what onnxruntime-node's postinstall downloads). */
function gpuFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /cuda|tensorrt/i.test(f),
  );
}

beforeAll(() => {
  work = tempDir('modelci-install-');
  for (let d = work; d !== dirname(d); d = dirname(d))
    if (existsSync(join(d, 'node_modules')))
      throw new Error(`${d}/node_modules exists: this test needs a temp folder outside any`);
  const home = join(work, 'home');
  mkdirSync(home);
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  env = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
  };
  const packed = JSON.parse(
    execFileSync('npm', ['pack', REPO, '--json', '--pack-destination', work], {
      encoding: 'utf8',
      env,
    }),
  ) as { filename: string }[];
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "adopter", "private": true }\n');
  const install = run('npm', ['install', join(work, packed[0]!.filename)]);
  installLog = install.stdout + install.stderr;
  if (install.status !== 0) throw new Error(`npm install failed: ${installLog}`);
}, 300_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('the npm tarball installed in an empty project', () => {
  it('installs modelci alone: no dependencies, no install scripts, no warnings', () => {
    expect(installLog).not.toMatch(/npm warn/i);
    expect(readdirSync(join(project, 'node_modules')).sort()).toEqual([
      '.bin',
      '.package-lock.json',
      'modelci',
    ]);
    const pkg = JSON.parse(
      readFileSync(join(project, 'node_modules/modelci/package.json'), 'utf8'),
    );
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => /install|prepare/.test(s))).toEqual([]);
    // What the CLI runs (and serve's dashboards); actions are used from a checkout (`uses:`).
    expect(readdirSync(join(project, 'node_modules/modelci')).sort()).toEqual([
      'README.md',
      'bin',
      'dist',
      'monitoring',
      'package.json',
      'schema',
    ]);
    expect(readdirSync(join(project, 'node_modules/modelci/dist')).sort()).toEqual([
      'chunks',
      'cli',
      'index.js',
      // evaluate's bootstrap resamples run in worker threads started from this script
      'modelci-worker.js',
    ]);
  });

  it('`npx modelci --help` lists the commands', () => {
    const r = run('npx', ['modelci', '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: modelci <command> [options]');
    expect(r.stdout).toMatch(/^ {2}evaluate {2,}\S/m);
    expect(r.stdout).toMatch(/^ {2}serve {2,}\S/m);
  });

  it(
    '`npx modelci evaluate` installs the CPU onnxruntime on first use and matches scikit-learn',
    { timeout: 300_000 },
    () => {
      cpSync(join(FIX, 'onnx/bc_logreg_zipmap.onnx'), join(project, 'model.onnx'));
      cpSync(join(FIX, 'data/breast_cancer.csv'), join(project, 'holdout.csv'));
      const args = ['modelci', 'evaluate', '--artifact', 'model.onnx', '--data', 'holdout.csv'];
      // Resamples on two worker threads: the installed package starts its worker script too.
      args.push('--label', 'malignant', '--resamples', '200', '--json');
      const r = spawnSync('npx', args, {
        cwd: project,
        env: { ...env, MODELCI_THREADS: '2' },
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(r.stderr).toContain(`installing onnxruntime-node@${ONNXRUNTIME_VERSION} into`);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as {
        metrics: Record<string, { value: number; ci?: [number, number] }>;
      };
      const want = ref['bc_logreg_zipmap.onnx'].metrics;
      expect(report.metrics.accuracy!.value).toBe(want.accuracy);
      expect(report.metrics.roc_auc!.value).toBeCloseTo(want.roc_auc, 6);
      const [lo, hi] = report.metrics.roc_auc!.ci!;
      expect(lo).toBeLessThan(want.roc_auc);
      expect(hi).toBeGreaterThanOrEqual(want.roc_auc);

      const installed = join(env.HOME!, '.cache/modelci-onnxruntime', ONNXRUNTIME_VERSION);
      const bin = join(installed, process.arch, 'node_modules/onnxruntime-node/bin/napi-v6');
      // This platform's CPU library only: nothing downloaded by the postinstall, no other platforms.
      expect(readdirSync(bin)).toEqual([process.platform]);
      expect(readdirSync(join(bin, process.platform, process.arch))).toContain(
        'onnxruntime_binding.node',
      );
      expect(gpuFiles(installed)).toEqual([]);
      expect(gpuFiles(project)).toEqual([]);

      // Second run: from the cache folder, nothing installed.
      const again = run('npx', args);
      expect(again.status).toBe(0);
      expect(again.stderr).toBe('');
    },
  );

  it(
    '`modelci serve` answers a KServe v2 request with the scikit-learn probabilities',
    { timeout: 120_000 },
    async () => {
      cpSync(join(FIX, 'onnx/bc_logreg_c001.onnx'), join(project, 'bc.onnx'));
      const bin = join(project, 'node_modules/.bin/modelci');
      const args = ['serve', '--artifact', 'bc=bc.onnx', '--port', '0', '--quiet'];
      const child = spawn(bin, args, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      const rows = readFileSync(join(FIX, 'data/breast_cancer.csv'), 'utf8')
        .split('\n')
        .slice(1, 3);
      const data = rows.flatMap((r) => r.split(',').slice(0, 30).map(Number));
      const res = await fetch(`${url}/v2/models/bc/infer`, {
        method: 'POST',
        body: JSON.stringify({
          inputs: [{ name: 'float_input', shape: [2, 30], datatype: 'FP32', data }],
        }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { outputs: { name: string; data: number[] }[] };
      const proba = body.outputs.find((o) => o.name === 'probabilities')!.data;
      const want: number[][] = ref['bc_logreg_c001.onnx'].proba_first_rows.slice(0, 2);
      expect(proba).toHaveLength(4);
      want.flat().forEach((p, i) => expect(proba[i]).toBeCloseTo(p, 6));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );
});
