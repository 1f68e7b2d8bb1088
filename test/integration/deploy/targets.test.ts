import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kubernetesManifests } from '../../../src/core/package/manifests.js';
import { CommandTarget } from '../../../src/deploy/targets/command.js';
import { GitopsTarget } from '../../../src/deploy/targets/gitops.js';
import { ServerTarget } from '../../../src/deploy/targets/server.js';
import type { TargetContext } from '../../../src/deploy/targets/target.js';
import { startTestServer, type TestServer } from '../../harness/model-server.js';
import { CLASSIFIER_V2, writeClassifier } from '../../harness/onnx-models.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

const pids: number[] = [];
let t: TestServer | undefined;
afterEach(async () => {
  for (const pid of pids.splice(0))
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  await t?.close();
  t = undefined;
});

function context(dir: string, over: Partial<TargetContext> = {}): TargetContext {
  const file = writeClassifier(join(dir, 'model.onnx'));
  return {
    model: 'clf',
    version: '1.2.0',
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
    artifactPath: file,
    artifactUri: 'git:clf/artifacts/x/model.onnx',
    environment: 'staging',
    url: undefined,
    timeoutMs: 20_000,
    log: () => {},
    ...over,
  };
}

const git = (cwd: string, ...args: string[]) =>
  // git's stderr goes into the error when it fails, not into the test output when it warns.
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

describe('command target', () => {
  it('runs the script with the model in its environment', async () => {
    const dir = tempDir('modelci-cmd-');
    const ctx = context(dir);
    const out = join(dir, 'env.txt');
    const target = new CommandTarget(
      `echo "$MODEL_NAME $MODEL_VERSION $MODEL_SHA256 $ENVIRONMENT $MODEL_PATH" > ${out}`,
      dir,
    );
    await target.deploy(ctx);
    expect(readFileSync(out, 'utf8').trim()).toBe(
      `clf 1.2.0 ${ctx.sha256} staging ${ctx.artifactPath}`,
    );
  });

  it('fails on a non-zero exit with the last output lines', async () => {
    const dir = tempDir('modelci-cmd-');
    const target = new CommandTarget('echo rollout refused >&2; exit 3', dir);
    await expect(target.deploy(context(dir))).rejects.toThrow(
      /deploy command failed with exit code 3: rollout refused/,
    );
  });

  it('kills the command and its children at the timeout', async () => {
    const dir = tempDir('modelci-cmd-');
    const marker = join(dir, 'late.txt');
    const target = new CommandTarget(`sleep 5 && touch ${marker}`, dir);
    await expect(target.deploy(context(dir, { timeoutMs: 300 }))).rejects.toThrow(
      /timed out after 0.3s/,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(() => readFileSync(marker)).toThrow();
  });
});

/** A bare config repository whose main holds these files (path -> text), as origin. */
function configRepo(dir: string, files: Record<string, string>): string {
  const origin = join(dir, 'config.git');
  git(dir, 'init', '-q', '--bare', origin);
  const seed = join(dir, 'seed');
  git(dir, 'clone', '-q', origin, seed);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(seed, path)), { recursive: true });
    writeFileSync(join(seed, path), text);
  }
  git(seed, 'add', '.');
  git(seed, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-qm', 'seed');
  git(seed, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  return origin;
}

describe('gitops target', () => {
  it('commits the version pointer to a bare config repository, once', async () => {
    const dir = tempDir('modelci-gitops-');
    const origin = join(dir, 'config.git');
    git(dir, 'init', '-q', '--bare', origin);
    const target = new GitopsTarget({
      repo: origin,
      branch: 'envs',
      path: 'clusters/{environment}/{model}.yaml',
    });
    const first = await target.deploy(context(dir));
    expect(first.detail).toMatch(/committed clusters\/staging\/clf.yaml at [0-9a-f]{7} on envs/);
    const again = await target.deploy(context(dir));
    expect(again.detail).toMatch(/already names 1.2.0; nothing to commit/);
    await target.deploy(context(dir, { version: '1.3.0' }));
    expect(git(origin, 'rev-list', '--count', 'envs')).toBe('2');
    const file = git(origin, 'show', 'envs:clusters/staging/clf.yaml');
    expect(file).toMatch(/^model: clf$/m);
    expect(file).toMatch(/^version: 1.3.0$/m);
    expect(git(origin, 'log', '-1', '--format=%B', 'envs')).toMatch(
      /Model: clf\nVersion: 1.3.0\nEnvironment: staging/,
    );
  });

  it('builds on the commits already on the branch', async () => {
    const dir = tempDir('modelci-gitops-');
    const origin = configRepo(dir, { 'README.md': 'config\n' });
    await new GitopsTarget({ repo: origin, branch: 'main', path: 'deploy/{model}.yaml' }).deploy(
      context(dir),
    );
    expect(git(origin, 'ls-tree', '--name-only', '-r', 'main').split('\n').sort()).toEqual([
      'README.md',
      'deploy/clf.yaml',
    ]);
  });

  it("sets the model container's image in the manifests, in the pointer's commit, and restores it on rollback", async () => {
    const dir = tempDir('modelci-gitops-');
    const oldImage = `ghcr.io/acme/models/clf@sha256:${'1'.repeat(64)}`;
    const newImage = `ghcr.io/acme/models/clf@sha256:${'2'.repeat(64)}`;
    // The manifests as modelci package writes them, with a line the platform team added.
    const files = kubernetesManifests({ model: 'clf', version: '1.1.0', image: oldImage }).map(
      (f) => [
        `apps/staging/${f.path}`,
        f.path === 'deployment.yaml'
          ? f.text.replace('replicas: 1', 'replicas: 2 # HPA takes over')
          : f.text,
      ],
    );
    const origin = configRepo(dir, Object.fromEntries(files));
    const seeded = git(origin, 'rev-parse', 'main');
    const target = new GitopsTarget({
      repo: origin,
      branch: 'main',
      path: 'apps/{environment}/{model}.version.yaml',
      manifests: [
        'apps/{environment}/deployment.yaml',
        'apps/{environment}/kserve/inferenceservice.yaml',
      ],
    });

    const first = await target.deploy(context(dir, { image: newImage }));
    expect(first.detail).toMatch(
      /committed apps\/staging\/clf.version.yaml, apps\/staging\/deployment.yaml, apps\/staging\/kserve\/inferenceservice.yaml at [0-9a-f]{7} on main/,
    );
    // One commit; in the manifests, only each image line changed.
    expect(git(origin, 'rev-list', '--count', `${seeded}..main`)).toBe('1');
    const diff = git(
      origin,
      'diff',
      '--unified=0',
      seeded,
      'main',
      '--',
      'apps/staging/deployment.yaml',
      'apps/staging/kserve',
    );
    expect(diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      `-          image: ${oldImage}`,
      `+          image: ${newImage}`,
      `-        image: ${oldImage}`,
      `+        image: ${newImage}`,
    ]);
    expect(git(origin, 'show', 'main:apps/staging/deployment.yaml')).toContain(
      'replicas: 2 # HPA takes over',
    );
    expect(git(origin, 'show', 'main:apps/staging/clf.version.yaml')).toContain(
      `image: "${newImage}"`,
    );
    expect(git(origin, 'log', '-1', '--format=%B', 'main')).toContain(`Image: ${newImage}`);

    const again = await target.deploy(context(dir, { image: newImage }));
    expect(again.detail).toMatch(/nothing to commit/);

    // deploy's rollback comes without an image: the target restores what its deploy replaced.
    await target.deploy(context(dir, { version: '1.1.0' }));
    expect(git(origin, 'show', 'main:apps/staging/deployment.yaml')).toContain(
      `image: ${oldImage}`,
    );
    expect(git(origin, 'show', 'main:apps/staging/kserve/inferenceservice.yaml')).toContain(
      `image: ${oldImage}`,
    );
    expect(git(origin, 'show', 'main:apps/staging/clf.version.yaml')).toMatch(/^version: 1.1.0$/m);

    // A new target (a new deploy run) without an image has nothing to restore: it says what to pass.
    const fresh = new GitopsTarget({
      repo: origin,
      branch: 'main',
      path: 'p.yaml',
      manifests: ['apps/staging/deployment.yaml'],
    });
    await expect(fresh.deploy(context(dir))).rejects.toThrow(/no image was given for clf 1.2.0/);
    const missing = new GitopsTarget({
      repo: origin,
      branch: 'main',
      path: 'p.yaml',
      manifests: ['apps/{environment}/nope.yaml'],
    });
    const e = await errorOf(missing.deploy(context(dir, { image: newImage })));
    expect(e.message).toMatch(/apps\/staging\/nope.yaml is not on main of/);
    expect(e.where.path).toBe('environments.staging.gitops.manifests[0]');
    // Nothing was pushed by the failed runs.
    expect(git(origin, 'rev-list', '--count', `${seeded}..main`)).toBe('2');
  });

  it('refuses a path outside the repository', async () => {
    const dir = tempDir('modelci-gitops-');
    const target = new GitopsTarget({ repo: dir, branch: 'main', path: '../{model}.yaml' });
    await expect(target.deploy(context(dir))).rejects.toThrow(/must stay inside the repository/);
  });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('server target', () => {
  it('hot-swaps a running server to the new version', async () => {
    const dir = tempDir('modelci-srv-');
    t = await startTestServer({ allowModelDirs: [dir] });
    const v2 = writeClassifier(join(dir, 'v2.onnx'), CLASSIFIER_V2);
    const sha = createHash('sha256').update(readFileSync(v2)).digest('hex');
    const r = await new ServerTarget().deploy(
      context(dir, { url: t.url, artifactPath: v2, sha256: sha, version: '2.0.0' }),
    );
    expect(r).toEqual({ url: t.url, detail: `hot-swapped clf to 2.0.0 on ${t.url}` });
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
    // A sha256 that does not match the file is refused by the server, which keeps 2.0.0.
    await expect(
      new ServerTarget().deploy(
        context(dir, { url: t.url, sha256: '0'.repeat(64), version: '3.0.0' }),
      ),
    ).rejects.toThrow(/refused version 3.0.0: HTTP 400 .*sha256 mismatch/);
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
  });

  it('swaps into a busy server whose liveness answer comes late, rather than starting another', async () => {
    const dir = tempDir('modelci-srv-');
    const server = await startTestServer({ allowModelDirs: [dir] });
    t = server;
    // A proxy in front of the real server holds the first liveness answer for 1.5 s, longer than
    // the probe waits (a loaded runner).
    let held: NodeJS.Timeout | undefined;
    const proxy: Server = createHttpServer((req, res) => {
      const forward = () => {
        const up = request(`${server.url}${req.url}`, { method: req.method, headers: req.headers });
        up.on('response', (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        });
        up.on('error', () => res.destroy());
        req.pipe(up);
      };
      if (req.url === '/v2/health/live' && !held) held = setTimeout(forward, 1_500);
      else forward();
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      const v2 = writeClassifier(join(dir, 'v2.onnx'), CLASSIFIER_V2);
      const sha = createHash('sha256').update(readFileSync(v2)).digest('hex');
      const r = await new ServerTarget({ logDir: dir }).deploy(
        context(dir, { url, artifactPath: v2, sha256: sha, version: '2.0.0' }),
      );
      expect(held).toBeDefined();
      expect(r).toEqual({ url, detail: `hot-swapped clf to 2.0.0 on ${url}` });
      expect(server.server.model('clf')!.stable.version).toBe('2.0.0');
    } finally {
      clearTimeout(held);
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('starts modelci serve on a free loopback port when none answers', async () => {
    const dir = tempDir('modelci-srv-');
    const url = `http://127.0.0.1:${await freePort()}`;
    const target = new ServerTarget({
      logDir: dir,
      env: { MODELCI_CLI: `${process.execPath} --import tsx src/cli.ts` },
    });
    const r = await target.deploy(context(dir, { url }));
    expect(r.pid).toBeGreaterThan(0);
    pids.push(r.pid!);
    expect(r.url).toBe(url);
    const meta = (await (await fetch(`${url}/v2/models/clf`)).json()) as { versions: string[] };
    expect(meta.versions).toEqual(['1.2.0']);
  });

  it('does not start servers on other hosts', async () => {
    const dir = tempDir('modelci-srv-');
    await expect(
      new ServerTarget().deploy(context(dir, { url: 'http://192.0.2.1:9', timeoutMs: 500 })),
    ).rejects.toThrow(/no modelci server answers at http:\/\/192.0.2.1:9/);
  });
});
