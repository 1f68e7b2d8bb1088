import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseModel } from '../../../src/onnx/build.js';
import {
  ensureOnnxRuntime,
  installRoot,
  ONNXRUNTIME_VERSION,
  type FolderCache,
} from '../../../src/onnx/runtime.js';
import { tempDir } from '../../harness/temp.js';

// The install-on-first-use path of the actions, for real: `npm install --prefix` into a tool
// cache folder, from local tarballs (npm pack of this checkout's onnxruntime-node, trimmed to this
// platform plus one fake foreign platform to check pruning), so the test stays fast and offline.
function pack(src: string, out: string): string {
  const name = execFileSync('npm', ['pack', src, '--ignore-scripts', '--pack-destination', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .pop()!;
  return join(out, name);
}

describe('onnxruntime-node install on first use (actions)', () => {
  it('pins the same version as package.json, which does not depend on it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    // A dependency would run its postinstall (a CUDA download) in every adopter's npm install.
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies['onnxruntime-node']).toBe(ONNXRUNTIME_VERSION);
    expect(pkg.peerDependenciesMeta['onnxruntime-node']).toEqual({ optional: true });
    expect(pkg.devDependencies['onnxruntime-node']).toBe(ONNXRUNTIME_VERSION);
    // npm >= 11.16 reads it: `npm ci` here needs no ONNXRUNTIME_NODE_INSTALL=skip.
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
  });

  it('installs on first use into the tool cache, else the user cache folder', () => {
    const toolCache = { RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', XDG_CACHE_HOME: '/x' };
    expect(installRoot(toolCache, 'linux', '/home/u')).toBe('/opt/hostedtoolcache');
    expect(installRoot({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache');
    expect(installRoot({}, 'linux', '/home/u')).toBe(join('/home/u', '.cache'));
    const local = 'C:\\Users\\u\\AppData\\Local';
    expect(installRoot({ LOCALAPPDATA: local }, 'win32', 'C:\\Users\\u')).toBe(local);
    expect(installRoot({ LOCALAPPDATA: local }, 'linux', '/home/u')).toBe(
      join('/home/u', '.cache'),
    );
    expect(installRoot({}, 'linux', '')).toBeUndefined();
  });

  it(
    'installs into the tool cache, prunes other platforms, saves to and restores from the cache',
    { timeout: 240_000 },
    async () => {
      const work = tempDir('modelci-ort-');
      const trimmed = join(work, 'onnxruntime-node');
      const src = 'node_modules/onnxruntime-node';
      mkdirSync(trimmed);
      for (const f of ['package.json', 'dist', 'README.md'])
        cpSync(join(src, f), join(trimmed, f), { recursive: true });
      const own = `bin/napi-v6/${process.platform}/${process.arch}`;
      cpSync(join(src, own), join(trimmed, own), { recursive: true });
      mkdirSync(join(trimmed, 'bin/napi-v6/win32/x64'), { recursive: true });
      writeFileSync(join(trimmed, 'bin/napi-v6/win32/x64/onnxruntime.dll'), 'not for this runner');
      const tarballs = [
        pack(trimmed, work),
        pack(join(process.cwd(), 'node_modules/onnxruntime-common'), work),
      ];

      const saved = new Map<string, string>();
      const calls: string[] = [];
      const cache: FolderCache = {
        async restore(paths, key) {
          calls.push(`restore ${key}`);
          const snap = saved.get(key);
          if (!snap) return undefined;
          cpSync(snap, paths[0]!, { recursive: true });
          return key;
        },
        async save(paths, key) {
          calls.push(`save ${key}`);
          const snap = join(work, 'cache-snapshot');
          cpSync(paths[0]!, snap, { recursive: true });
          saved.set(key, snap);
        },
      };
      const toolCache = join(work, 'toolcache');
      const first = await ensureOnnxRuntime({ toolCache, packages: tarballs, cache });
      const key = `modelci-onnxruntime-${ONNXRUNTIME_VERSION}-${process.platform}-${process.arch}`;
      expect(first).toEqual({
        dir: join(toolCache, 'modelci-onnxruntime', ONNXRUNTIME_VERSION, process.arch),
        via: 'npm',
        cacheKey: key,
      });
      expect(calls).toEqual([`restore ${key}`, `save ${key}`]);
      const bin = join(first.dir, 'node_modules/onnxruntime-node/bin/napi-v6');
      expect(readdirSync(bin)).toEqual([process.platform]);

      // Same runner, next step: the tool cache has it, no npm, no cache traffic.
      expect((await ensureOnnxRuntime({ toolCache, packages: tarballs, cache })).via).toBe(
        'tool-cache',
      );
      // Fresh runner: restored from the actions cache.
      const fresh = join(work, 'fresh-toolcache');
      const restored = await ensureOnnxRuntime({
        toolCache: fresh,
        packages: ['/nonexistent.tgz'],
        cache,
      });
      expect(restored.via).toBe('actions-cache');

      // The installed copy runs a model, in a process that has no other onnxruntime-node.
      const model = join(work, 'm.onnx');
      writeFileSync(model, denseModel({ weights: [[2]], bias: [1], activation: 'none' }));
      const script = `const { createRequire } = require('node:module');
      const ort = createRequire(${JSON.stringify(join(restored.dir, 'package.json'))})('onnxruntime-node');
      ort.InferenceSession.create(${JSON.stringify(model)}).then((s) => s.run({ input: new ort.Tensor('float32', Float32Array.of(3), [1, 1]) }))
        .then((r) => console.log(r.output.data[0]));`;
      expect(
        execFileSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' }).trim(),
      ).toBe('7');
      expect(existsSync(join(restored.dir, '.complete'))).toBe(true);
    },
  );
});
