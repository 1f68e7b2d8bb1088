// `modelci package` (the bundled CLI and the action): the build context it writes for a registered
// model, checked with the tools that will read it (sha256sum, tar), and the bad inputs that must
// leave nothing behind. test/integration/package/container.test.ts builds and runs the context.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serveSpec } from '../../../src/spec/commands/serve.js';
import { runCli } from '../../harness/cli.js';
import { corpusPath } from '../../harness/exporter-corpus.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { kubernetesSchemas, schemaErrors } from '../../harness/kubernetes-schemas.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

const ONNX = readFileSync(corpusPath('bc_random_forest.onnx'));
const SHA = createHash('sha256').update(ONNX).digest('hex');

let work: string;
/** A registry with bc 1.0.0 (production) and 1.1.0, and a model whose artifact was changed. */
function makeRegistry(dir: string): string {
  const registry = join(dir, 'registry');
  registerVersion(registry, 'bc', '1.0.0', ONNX);
  registerVersion(registry, 'bc', '1.1.0', ONNX);
  pointStage(registry, 'bc', 'production', '1.0.0');
  const { uri } = registerVersion(registry, 'tampered', '1.0.0', ONNX);
  const stored = join(registry, uri.slice('git:'.length));
  const bytes = readFileSync(stored);
  bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
  writeFileSync(stored, bytes);
  return registry;
}

/** Every file under dir, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

beforeAll(() => {
  work = tempDir('modelci-package-');
  makeRegistry(work);
});

describe('modelci package writes a self-contained build context', () => {
  let ctx: string;
  let result: {
    model: string;
    version: string;
    sha256: string;
    context: string;
    arches: string[];
    labels: [string, string][];
  };

  beforeAll(() => {
    ctx = join(work, 'ctx');
    const r = runCli(['package', '--model', 'bc#production', '--out', 'ctx', '--json'], work, {
      GITHUB_REPOSITORY: 'acme/models',
    });
    expect(r.code, r.stderr).toBe(0);
    result = JSON.parse(r.stdout);
  }, 120_000);

  it('names the version the stage holds, its sha256 and the context folder', () => {
    expect(result).toMatchObject({ model: 'bc', version: '1.0.0', sha256: SHA, context: ctx });
    expect(result.arches).toEqual(['x64', 'arm64']);
    expect(Object.fromEntries(result.labels)).toMatchObject({
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.source': 'https://github.com/acme/models',
      'io.modelci.model.name': 'bc',
      'io.modelci.model.version': '1.0.0',
      'io.modelci.model.sha256': SHA,
    });
  });

  it('holds the Dockerfile inputs and nothing else at the top', () => {
    const top = readdirSync(ctx).sort();
    expect(top).toEqual([
      '.dockerignore',
      'Dockerfile',
      'README.md',
      'healthcheck.mjs',
      'kubernetes',
      'model',
      'modelci-0.1.0.tgz',
      'onnxruntime',
    ]);
    expect(readdirSync(join(ctx, 'model')).sort()).toEqual(['SHA256SUMS', 'bc.onnx']);
  });

  it('the artifact is the registered bytes, and sha256sum -c agrees with the registry', () => {
    expect(readFileSync(join(ctx, 'model/bc.onnx')).equals(ONNX)).toBe(true);
    const check = spawnSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], {
      cwd: join(ctx, 'model'),
      encoding: 'utf8',
    });
    expect(check.stdout).toBe('bc.onnx: OK\n');
    expect(check.status).toBe(0);
  });

  it('the modelci tarball is the npm package: the CLI bundle, no action entries, no sources', () => {
    const listed = execFileSync('tar', ['-tzf', join(ctx, 'modelci-0.1.0.tgz')], {
      encoding: 'utf8',
    }).split('\n');
    expect(listed).toContain('package/bin/modelci.js');
    expect(listed).toContain('package/dist/cli/index.js');
    expect(listed).toContain('package/package.json');
    expect(listed.filter((f) => /^package\/(src|test|dist\/actions)\//.test(f))).toEqual([]);
  });

  it('onnxruntime: the Linux CPU libraries only, no other platform, no GPU file, no install script', () => {
    const ort = join(ctx, 'onnxruntime/node_modules');
    expect(readdirSync(ort).sort()).toEqual(['onnxruntime-common', 'onnxruntime-node']);
    const all = files(join(ort, 'onnxruntime-node'));
    const bins = all.filter((f) => f.startsWith('bin/'));
    expect(bins.sort()).toEqual([
      'bin/napi-v6/linux/arm64/libonnxruntime.so.1',
      'bin/napi-v6/linux/arm64/onnxruntime_binding.node',
      'bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'bin/napi-v6/linux/x64/onnxruntime_binding.node',
    ]);
    expect(all.filter((f) => /cuda|tensorrt|directml|\.dll$|\.dylib$/i.test(f))).toEqual([]);
    expect(all.filter((f) => f.startsWith('script/'))).toEqual([]);
    expect(all).toContain('dist/index.js');
  });

  it('.dockerignore lets only the Dockerfile inputs through', () => {
    expect(readFileSync(join(ctx, '.dockerignore'), 'utf8')).toMatch(
      /^\*\n!model\/\n!onnxruntime\/\n!modelci-\*\.tgz\n!healthcheck\.mjs\n$/m,
    );
  });

  it('the README says how to build and run it, and lists every serve option with its variable', () => {
    const readme = readFileSync(join(ctx, 'README.md'), 'utf8');
    expect(readme).toContain('docker build -t bc:1.0.0 .');
    expect(readme).toContain('docker run --rm -p 8080:8080 bc:1.0.0');
    for (const [flag, def] of Object.entries(serveSpec.options)) {
      expect(def.env, flag).toMatch(/^MODELCI_SERVE_[A-Z_]+$/);
      expect(readme).toContain(`| \`--${flag}\` | \`${def.env}\` |`);
    }
  });

  it('the Dockerfile pins the base by digest, runs as a numeric non-root user and serves the model', () => {
    const df = readFileSync(join(ctx, 'Dockerfile'), 'utf8');
    expect(df).toMatch(/^ARG BASE=node:24-bookworm-slim@sha256:[0-9a-f]{64}$/m);
    expect(df).toMatch(/^USER 10001:10001$/m);
    expect(df).toMatch(/^EXPOSE 8080$/m);
    expect(df).toContain('MODELCI_SERVE_ARTIFACT="bc=/opt/model/bc.onnx"');
    expect(df).toMatch(/^RUN cd model && sha256sum --check --strict SHA256SUMS$/m);
    expect(df).toMatch(/^ENTRYPOINT \["node", "\/opt\/modelci\/bin\/modelci\.js", "serve"\]$/m);
  });
});

describe('the Kubernetes manifests beside the context', () => {
  const ctx = () => join(work, 'ctx');
  const doc = (file: string) => parse(readFileSync(join(ctx(), 'kubernetes', file), 'utf8'));

  it('are the Deployment, Service and InferenceService, valid against their schemas', () => {
    expect(files(join(ctx(), 'kubernetes'))).toEqual([
      'deployment.yaml',
      'kserve/inferenceservice.yaml',
      'service.yaml',
    ]);
    const v = kubernetesSchemas();
    expect(schemaErrors(v.deployment, doc('deployment.yaml'))).toEqual([]);
    expect(schemaErrors(v.service, doc('service.yaml'))).toEqual([]);
    expect(schemaErrors(v.inferenceService, doc('kserve/inferenceservice.yaml'))).toEqual([]);
  });

  it('run the image the Dockerfile makes: its user, its port, the model and its sha256', () => {
    const df = readFileSync(join(ctx(), 'Dockerfile'), 'utf8');
    const [, uid] = /^USER (\d+):\d+$/m.exec(df)!;
    const [, port] = /^EXPOSE (\d+)$/m.exec(df)!;
    const pod = doc('deployment.yaml').spec.template;
    const c = pod.spec.containers[0];
    expect(c.image).toBe('bc:1.0.0');
    expect(pod.spec.securityContext.runAsUser ?? c.securityContext.runAsUser).toBe(Number(uid));
    expect(c.ports[0].containerPort).toBe(Number(port));
    expect(c.readinessProbe.httpGet.path).toBe('/v2/health/ready');
    expect(pod.metadata.annotations['modelci.dev/artifact-sha256']).toBe(SHA);
    // Every variable the manifests set is one `modelci serve` reads.
    const known = new Set(Object.values(serveSpec.options).map((d) => d.env));
    for (const e of c.env ?? []) expect(known, e.name).toContain(e.name);
  });

  it('--image names the image they run', () => {
    const out = join(work, 'by-digest');
    const ref = `ghcr.io/acme/bc@sha256:${'ab'.repeat(32)}`;
    const r = runCli(['package', '--model', 'bc@1.0.0', '--out', out, '--image', ref], work);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(out, 'kubernetes/deployment.yaml'), 'utf8');
    expect(parse(text).spec.template.spec.containers[0].image).toBe(ref);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`run\n\`${ref}\``);
  }, 120_000);
});

describe('bad input: a clear one-line error, nothing written', () => {
  /** Runs package into `out` (under a fresh parent) and returns the error line and the parent's files. */
  function refused(model: string, prepare?: (out: string) => void) {
    const parent = join(work, `bad-${Math.floor(performance.now() * 1000)}`);
    mkdirSync(parent);
    const out = join(parent, 'ctx');
    prepare?.(out);
    const snapshot = () => (statSync(out).isDirectory() ? files(out) : readFileSync(out, 'utf8'));
    const before = existsSync(out) ? snapshot() : undefined;
    const r = runCli(['package', '--model', model, '--registry', 'registry', '--out', out], work);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // Only what the test put there: no context, no temporary folder beside it.
    expect(readdirSync(parent)).toEqual(before ? ['ctx'] : []);
    if (before) expect(snapshot()).toEqual(before);
    return r.stderr.trim();
  }

  it('an artifact that does not match its sha256', () => {
    expect(refused('tampered@1.0.0')).toMatch(
      /^modelci package: error: .*tampered\/artifacts\/[0-9a-f]{64}\/model\.onnx: sha256 mismatch for the artifact of tampered@1\.0\.0: recorded [0-9a-f]{12}…, found [0-9a-f]{12}…\. The artifact was changed/,
    );
  });

  it('a stage that holds nothing', () => {
    expect(refused('bc#staging')).toMatch(
      /^modelci package: error: stage staging of "bc" holds no version\. Promote a version first/,
    );
  });

  it('a version that does not exist', () => {
    expect(refused('bc@2.0.0')).toMatch(
      /^modelci package: error: model "bc" has no version 2\.0\.0/,
    );
  });

  it('an output folder that is not empty', () => {
    const msg = refused('bc@1.1.0', (out) => {
      mkdirSync(out);
      writeFileSync(join(out, 'keep.txt'), 'mine\n');
    });
    expect(msg).toMatch(
      /^modelci package: error: .*\/ctx: the output folder is not empty \(1 entry, e\.g\. keep\.txt\)\. Give a new or empty folder/,
    );
  });

  it('an image reference that is not one', () => {
    const r = runCli(
      ['package', '--model', 'bc', '--out', join(work, 'never'), '--image', 'Not An Image'],
      work,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^modelci package: error: image: "Not An Image" is not an image reference/,
    );
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('an output path that is a file', () => {
    expect(refused('bc', (out) => writeFileSync(out, 'a file\n'))).toMatch(
      /^modelci package: error: .*\/ctx: the output folder is a file/,
    );
  });

  it('an empty output folder is taken as absent', () => {
    const out = join(work, 'empty-out');
    mkdirSync(out);
    const r = runCli(['package', '--model', 'bc@1.1.0', '--out', out], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    expect(readFileSync(join(out, 'Dockerfile'), 'utf8')).toContain(
      'io.modelci.model.version="1.1.0"',
    );
  }, 120_000);
});

describe('package action (bundle, as the runner runs it)', () => {
  it('writes the context and sets its outputs', async () => {
    const r = await runAction('package', {
      inputs: { model: 'bc', registry: 'registry', out: 'action-ctx' },
      cwd: work,
      repository: 'acme/models',
      serverUrl: 'https://github.com',
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({
      context: join(work, 'action-ctx'),
      dockerfile: join(work, 'action-ctx', 'Dockerfile'),
      manifests: join(work, 'action-ctx', 'kubernetes'),
      model: 'bc',
      version: '1.1.0',
      sha256: SHA,
    });
    expect(r.outputs.labels!.split('\n')).toContain('io.modelci.model.version=1.1.0');
    expect(r.outputs.labels!.split('\n')).toContain(
      'org.opencontainers.image.source=https://github.com/acme/models',
    );
    expect(r.summary).toContain('bc 1.1.0');
    expect(existsSync(join(work, 'action-ctx/model/bc.onnx'))).toBe(true);
  }, 120_000);
});
