// Real git for the registry tests: a bare repository as `origin` and clones of it.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import { builtBundle } from '../../harness/bundles.js';
import { linearClassifierOnnx } from '../../harness/onnx-models.js';
import { tempDir } from '../../harness/temp.js';

/** Quiet, fast git for tests: no auto gc, short retry backoff, a fixed identity. */
export const gitEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_'))),
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
  GIT_CONFIG_KEY_1: 'init.defaultBranch',
  GIT_CONFIG_VALUE_1: 'main',
  // Shorter than the defaults (500 ms doubling to 8 s) but long enough to spread 20 racing writers.
  MODELCI_RETRY_BASE_MS: '100',
  MODELCI_RETRY_MAX_MS: '1500',
  GITHUB_ACTOR: 'tester',
};

/**
 * Bound for one test that runs tens of real git and registry commands: a guard against a hang, not
 * a speed check (a loaded 2-core machine takes minutes where an idle one takes seconds).
 */
export const GIT_TEST_TIMEOUT = 300_000;

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export { tempDir };

/** A bare origin with one commit on main. */
export function makeOrigin(): string {
  const origin = join(tempDir('modelci-origin-'), 'origin.git');
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', origin], { env: gitEnv });
  const seed = clone(origin);
  writeFileSync(join(seed, 'README.md'), '# project\n');
  git(seed, 'add', 'README.md');
  git(seed, 'commit', '--quiet', '-m', 'Initial commit');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  return origin;
}

export function clone(origin: string): string {
  const dir = join(tempDir('modelci-clone-'), 'repo');
  execFileSync('git', ['clone', '--quiet', origin, dir], { env: gitEnv, stdio: 'ignore' });
  git(dir, 'config', 'user.name', 'Test User');
  git(dir, 'config', 'user.email', 'test@example.com');
  return dir;
}

/** Makes the origin refuse every push the way GitHub does for a read-only token. */
export function denyPushes(origin: string): void {
  const hook = join(origin, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    '#!/bin/sh\necho "remote: Permission to acme/models.git denied to github-actions[bot]." >&2\necho "fatal: unable to access \'https://github.com/acme/models.git/\': The requested URL returned error: 403" >&2\nexit 1\n',
  );
  chmodSync(hook, 0o755);
}

/** A real ONNX model: `features` inputs, `classes` outputs; `seed` changes the weights (bytes). */
export function onnxModel(
  dir: string,
  name: string,
  seed: number,
  features = 3,
  classes = 2,
): string {
  const weights = Array.from({ length: features }, (_, i) =>
    Array.from({ length: classes }, (_, j) => ((seed * 31 + i * 7 + j * 3) % 17) / 10 - 0.8),
  );
  const file = join(dir, name);
  writeFileSync(
    file,
    linearClassifierOnnx({
      weights,
      bias: Array.from({ length: classes }, (_, j) => seed / 100 + j),
    }),
  );
  return file;
}

/**
 * A real ONNX model (`m<seed>.onnx`) and the evaluation report `modelci evaluate` writes for it
 * (`r<seed>.json`): accuracy 0.9 with its `min.accuracy` gate passed, or 0.5 with it failed.
 */
export async function evaluatedModel(
  dir: string,
  seed: number,
  passed = true,
): Promise<{ artifact: string; report: string }> {
  const artifact = onnxModel(dir, `m${seed}.onnx`, seed);
  const report = join(dir, `r${seed}.json`);
  writeFileSync(
    report,
    JSON.stringify({
      schema: 'modelci/evaluation-report@1',
      model_name: 'churn',
      task: 'binary',
      candidate: {
        model: { path: 'm.onnx', sha256: await sha256File(artifact), bytes: 1 },
        signature: { inputs: [], outputs: [] },
      },
      dataset: { path: 'h.csv', sha256: 'e'.repeat(64), bytes: 1, label: 'y', dropped_rows: 0 },
      metrics: { accuracy: { value: passed ? 0.9 : 0.5 } },
      gates: {
        passed,
        results: [
          {
            gate: 'min.accuracy',
            passed,
            reason: passed ? 'accuracy 0.9 ≥ 0.8' : 'accuracy 0.5 < 0.8',
          },
        ],
      },
      bootstrap: { resamples: 1, seed: 1, confidence: 0.95 },
    } satisfies EvaluationReport),
  );
  return { artifact, report };
}

/** Commits modelci.yaml in `repo` and pushes it to origin's main (before any registry write). */
export function pushConfig(repo: string, yaml: string): void {
  writeFileSync(join(repo, 'modelci.yaml'), yaml);
  git(repo, 'add', 'modelci.yaml');
  git(repo, 'commit', '--quiet', '-m', 'config');
  git(repo, 'push', '--quiet', 'origin', 'HEAD:main');
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `modelci <args>` as a user runs it: the bundled CLI in a child process in `cwd`, asynchronous so
 * that many run at once; `killAfterMs`: kill -9 it then.
 */
export function runCli(cwd: string, args: string[], killAfterMs?: number): Promise<CliRun> {
  const cli = builtBundle('dist/cli/index.js');
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: gitEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** The commit on `ref` that added churn's version record `version` (where GTO tags belong). */
export function registeredAt(repo: string, version: string, ref = 'HEAD'): string {
  const file = `registry/churn/versions/${version}.yaml`;
  return git(repo, 'log', '--diff-filter=A', '--format=%H', ref, '--', file).trim();
}
