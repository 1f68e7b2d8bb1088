// Real git for the registry tests: a bare repository as `origin` and clones of it.
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
