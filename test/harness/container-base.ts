// A stand-in for node:*-bookworm-slim, built here because Docker Hub is out of reach: Debian
// bookworm (mmdebstrap --variant=minbase) plus this machine's Node.js binary. Built once and kept
// in the local image store under a tag that hashes what went in, so later runs reuse it.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

const CONTAINERFILE = `FROM scratch
ADD base.tar /
COPY node /usr/local/bin/node
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["node"]
`;

/** crun cannot manage cgroups or set rlimits in this sandbox: runc, and no default ulimits. */
export const CONTAINERS_CONF = '[containers]\ndefault_ulimits = []\n';

/** `podman` with runc; `conf` is a containers.conf holding CONTAINERS_CONF. */
export function podman(conf: string, args: string[], timeout = 120_000) {
  return spawnSync('podman', ['--runtime', 'runc', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTAINERS_CONF: conf },
    timeout,
  });
}

/** The base image's tag for this node binary and recipe. */
export function baseImageTag(): string {
  const node = process.execPath;
  const hash = createHash('sha256')
    .update(readFileSync(node))
    .update(CONTAINERFILE)
    .update('bookworm minbase')
    .digest('hex')
    .slice(0, 16);
  return `localhost/modelci-test-base:node${process.versions.node}-${hash}`;
}

export interface BaseImage {
  tag: string;
  /** Seconds spent building it now; 0 when it was already there. */
  builtInSeconds: number;
}

/** The stand-in base image, built when missing (about a minute: mmdebstrap + buildah). */
export function ensureBaseImage(): BaseImage {
  const tag = baseImageTag();
  if (spawnSync('podman', ['image', 'exists', tag]).status === 0) return { tag, builtInSeconds: 0 };
  const started = performance.now();
  const dir = tempDir('modelci-base-');
  try {
    execFileSync(
      'mmdebstrap',
      ['--quiet', '--variant=minbase', 'bookworm', join(dir, 'base.tar')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 900_000,
      },
    );
    copyFileSync(process.execPath, join(dir, 'node'));
    writeFileSync(join(dir, 'Containerfile'), CONTAINERFILE);
    execFileSync(
      'buildah',
      ['bud', '--quiet', '--isolation', 'chroot', '-t', tag, '-f', 'Containerfile', '.'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tag, builtInSeconds: (performance.now() - started) / 1000 };
}
