// Issue 21, point 3: the context `modelci package` writes is built with buildah and run with podman
// for real (Docker is not available here): against a stand-in for node:*-bookworm-slim (Debian
// bookworm minbase + this machine's Node.js, cached between runs), the image answers the Open
// Inference Protocol as scikit-learn and `modelci serve` do, as a non-root user, its health check
// passes (and fails without a server) and its labels are there. A cold run builds the base image
// first (mmdebstrap, a few minutes on a loaded machine); a warm one costs the context build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataTensor } from '../../../src/core/serve/protocol.js';
import { builtBundle } from '../../harness/bundles.js';
import { runCli } from '../../harness/cli.js';
import {
  CONTAINERS_CONF,
  ensureBaseImage,
  podman,
  type BaseImage,
} from '../../harness/container-base.js';
import {
  corpusModel,
  corpusPath,
  holdoutRequest,
  offReference,
  REFERENCE_TOLERANCE,
} from '../../harness/exporter-corpus.js';
import { getJson, postJson } from '../../harness/model-server.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { tempDir } from '../../harness/temp.js';

// One input per column (FP32, INT64 and BYTES tensors), three classes: the widest corpus request.
const CORPUS_MODEL = corpusModel('wine_columns_pipeline.onnx');
// Quotes, a variable, a backslash and a line break: a label must hold them as text, on one line.
const DESCRIPTION = 'Wine "cultivar" from $HOME\\lab\nsecond line';

interface Output {
  name: string;
  datatype: string;
  shape: number[];
  data: (number | string)[];
}

let work: string;
let conf: string;
let base: BaseImage;
let ctx: string;
let labels: [string, string][];
const suffix = randomBytes(4).toString('hex');
const image = `localhost/modelci-test-package:${suffix}`;
const container = `modelci-test-package-${suffix}`;
let url: string;
let localServe: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function buildah(args: string[]) {
  return spawnSync('buildah', args, { cwd: work, encoding: 'utf8', timeout: 900_000 });
}

async function waitReady(base: string, what: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = await fetch(`${base}/v2/health/ready`).catch(() => undefined);
    if (r?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`not ready after 120 s: ${what()}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

async function infer(base: string): Promise<Output[]> {
  const meta = (await getJson(`${base}/v2/models/wine`)).json;
  const res = await postJson(`${base}/v2/models/wine/infer`, {
    inputs: holdoutRequest(CORPUS_MODEL, meta.inputs as MetadataTensor[]),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.outputs as Output[];
}

beforeAll(async () => {
  work = tempDir('modelci-container-');
  conf = join(work, 'containers.conf');
  writeFileSync(conf, CONTAINERS_CONF);
  base = ensureBaseImage();

  const registry = join(work, 'registry');
  registerVersion(registry, 'wine', '2.1.0', readFileSync(corpusPath(CORPUS_MODEL.name)));
  pointStage(registry, 'wine', 'production', '2.1.0');
  const record = join(registry, 'wine/model.yaml');
  writeFileSync(
    record,
    stringify({
      schema: 'modelci/model@1',
      name: 'wine',
      description: DESCRIPTION,
      created_at: '2026-01-01T00:00:00Z',
    }),
  );
  const packaged = runCli(
    ['package', '--model', 'wine#production', '--out', 'ctx', '--json'],
    work,
    {
      GITHUB_REPOSITORY: 'acme/models',
    },
  );
  expect(packaged.code, packaged.stderr).toBe(0);
  ({ context: ctx, labels } = JSON.parse(packaged.stdout) as {
    context: string;
    labels: [string, string][];
  });

  const built = buildah([
    'bud',
    '--quiet',
    '--format',
    'docker', // HEALTHCHECK is a Docker image field: the OCI format drops it
    '--isolation',
    'chroot',
    '--build-arg',
    `BASE=${base.tag}`,
    '-t',
    image,
    ctx,
  ]);
  expect(built.status, built.stderr).toBe(0);

  const port = await freePort();
  // The port through the environment, a serve option as an argument after the image name.
  const run = podman(conf, [
    'run',
    '--detach',
    '--name',
    container,
    '--network',
    'host',
    '--env',
    `MODELCI_SERVE_PORT=${port}`,
    image,
    '--threads',
    '2',
  ]);
  expect(run.status, run.stderr).toBe(0);
  url = `http://127.0.0.1:${port}`;
  await waitReady(url, () => podman(conf, ['logs', container]).stderr);
}, 1_800_000);

afterAll(() => {
  localServe?.kill('SIGKILL');
  if (!conf) return;
  podman(conf, ['rm', '--force', '--time', '0', container]);
  podman(conf, ['rmi', '--force', image]);
});

describe('the packaged image, built with buildah and run with podman', () => {
  it('answers a KServe v2 request with scikit-learn’s probabilities and labels', async () => {
    const outputs = await infer(url);
    const proba = outputs.find((o) => o.name === 'output_probability')!;
    const k = CORPUS_MODEL.classes!.length;
    expect(proba.shape).toEqual([CORPUS_MODEL.probabilities!.length, k]);
    CORPUS_MODEL.probabilities!.forEach((row, i) =>
      row.forEach((p, j) =>
        expect(offReference(proba.data[i * k + j] as number, p), `row ${i}`).toBeLessThan(
          REFERENCE_TOLERANCE,
        ),
      ),
    );
    expect(outputs.find((o) => o.name === 'output_label')!.data).toEqual(CORPUS_MODEL.predictions);
  });

  it('gives the same answer as `modelci serve` on this machine', async () => {
    const child = spawn(
      process.execPath,
      [
        builtBundle('dist/cli/index.js'),
        'serve',
        '--artifact',
        `wine=${corpusPath(CORPUS_MODEL.name)}`,
        '--port',
        '0',
        '--quiet',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    localServe = child;
    const local = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    expect(await infer(url)).toEqual(await infer(local));
    child.kill('SIGTERM');
  });

  it('runs the server as user 10001, not root', () => {
    const id = podman(conf, ['exec', container, 'id', '-u']);
    expect(id.stdout.trim()).toBe('10001');
    // PID 1 is the server itself (node, no shell in between): its real, effective, saved and fs uids.
    const status = podman(conf, ['exec', container, 'cat', '/proc/1/status']).stdout;
    expect(status).toMatch(/^Uid:\s+10001\s+10001\s+10001\s+10001$/m);
    expect(podman(conf, ['exec', container, 'cat', '/proc/1/cmdline']).stdout.split('\0')).toEqual([
      'node',
      '/opt/modelci/bin/modelci.js',
      'serve',
      '--threads',
      '2',
      '',
    ]);
  });

  it('its HEALTHCHECK passes against the server, and fails where no server answers', () => {
    const check = podman(conf, ['healthcheck', 'run', container]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    // The same command in a container of the image without a network: nothing answers there.
    const alone = podman(conf, [
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      'node',
      image,
      '/opt/modelci-healthcheck.mjs',
    ]);
    expect(alone.status).toBe(1);
    const inspect = JSON.parse(podman(conf, ['image', 'inspect', image]).stdout)[0];
    expect(inspect.Healthcheck.Test).toEqual(['CMD', 'node', '/opt/modelci-healthcheck.mjs']);
  });

  it('carries the OCI labels and the model’s name, version, sha256; data stays one line of text', () => {
    const inspect = JSON.parse(podman(conf, ['image', 'inspect', image]).stdout)[0];
    const got = inspect.Labels as Record<string, string>;
    for (const [k, v] of labels) expect(got[k], k).toBe(v);
    expect(got).toMatchObject({
      'org.opencontainers.image.base.name': base.tag,
      'org.opencontainers.image.version': '2.1.0',
      'org.opencontainers.image.source': 'https://github.com/acme/models',
      'org.opencontainers.image.description': 'Wine "cultivar" from $HOME\\lab second line',
      'io.modelci.model.name': 'wine',
      'io.modelci.model.version': '2.1.0',
    });
    expect(got['io.modelci.model.sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(inspect.Config.User).toBe('10001:10001');
    expect(Object.keys(inspect.Config.ExposedPorts)).toEqual(['8080/tcp']);
  });

  it(
    'a context whose artifact changed after packaging does not build',
    { timeout: 600_000 },
    () => {
      const file = join(ctx, 'model/wine.onnx');
      const bytes = readFileSync(file);
      bytes[0] = bytes.at(0)! ^ 1;
      writeFileSync(file, bytes);
      const r = buildah(['bud', '--isolation', 'chroot', '--build-arg', `BASE=${base.tag}`, ctx]);
      expect(r.status).not.toBe(0);
      expect(r.stdout + r.stderr).toContain('wine.onnx: FAILED');
    },
  );
});
