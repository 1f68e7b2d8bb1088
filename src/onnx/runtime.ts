import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ort from 'onnxruntime-node';
import { ModelciError } from '../core/errors.js';

/**
 * onnxruntime-node's native library (~46 MB per platform, 288 MB for all) is not bundled into
 * dist/, and it is not a dependency of the modelci package either: its postinstall script downloads
 * CUDA binaries from outside the npm registry unless every installer passes a flag, and a
 * package's .npmrc does not travel. It is an optional peer, resolved when a model loads:
 * 1. `MODELCI_ONNXRUNTIME_DIR` (a folder with node_modules/onnxruntime-node);
 * 2. `onnxruntime-node` next to modelci (this repository's dev dependency, or the user's own);
 * 3. installed on first use with `npm install --ignore-scripts` (CPU library only, nothing from
 *    outside the npm registry) into a cache folder: the runner's tool cache for actions (saved
 *    with @actions/cache, so later runs restore it), else the user's cache folder for the CLI
 *    (`$XDG_CACHE_HOME` or `~/.cache`, `%LOCALAPPDATA%` on Windows), under
 *    `modelci-onnxruntime/<version>/<arch>`, other platforms' binaries pruned.
 */
export type OnnxRuntime = typeof Ort;

/** Keep equal to package.json's onnxruntime-node peer and dev dependency (a test checks). */
export const ONNXRUNTIME_VERSION = '1.30.0';

let cached: Promise<OnnxRuntime> | undefined;
let installSettings: Pick<EnsureOptions, 'cache' | 'log'> = {};

/** Actions call this first: the actions cache and the log for an install on first use. */
export function configureOnnxRuntimeInstall(settings: Pick<EnsureOptions, 'cache' | 'log'>): void {
  installSettings = settings;
}

export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  cached ??= importRuntime();
  return cached;
}

async function importRuntime(): Promise<OnnxRuntime> {
  // onnxruntime-node's telemetry, on by default, leaves .ses and mat-debug-<pid>.log
  // in the temp directory of every process that loads it, and tries to upload from CI runners.
  process.env.ORT_DISABLE_TELEMETRY ??= '1';
  const dir = process.env.MODELCI_ONNXRUNTIME_DIR;
  if (dir) return importFrom(dir);
  try {
    // webpackIgnore: resolved by Node when called, next to the bundle. Left to ncc, the external
    // became a static import at the top of every bundle that can evaluate: the action bundles
    // (which have no node_modules) failed to start, and every CLI start loaded the native library.
    return (await import(/* webpackIgnore: true */ 'onnxruntime-node')) as OnnxRuntime;
  } catch (e) {
    // Only a missing package is installed; a broken one (wrong platform, bad binary) is reported.
    const missing = (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    const root = missing ? installRoot(process.env, process.platform, homedir()) : undefined;
    if (!root)
      throw new ModelciError(
        'MODEL',
        `cannot load onnxruntime-node: ${(e as Error).message.split('\n')[0]}`,
        {
          hint: `Install it next to modelci without its install script (npm install --ignore-scripts onnxruntime-node@${ONNXRUNTIME_VERSION}), or set MODELCI_ONNXRUNTIME_DIR`,
        },
      );
    // The CLI says once on stderr why its first model load takes a while; actions log with core.
    const log =
      installSettings.log ?? ((line: string) => process.stderr.write(`modelci: ${line}\n`));
    const installed = await ensureOnnxRuntime({ toolCache: root, ...installSettings, log });
    return importFrom(installed.dir);
  }
}

/**
 * Where first-use installs go: the runner's tool cache in an action, else the user's cache
 * folder; undefined when neither is known (no HOME).
 */
export function installRoot(
  env: NodeJS.ProcessEnv,
  platform: string,
  home: string,
): string | undefined {
  if (env.RUNNER_TOOL_CACHE) return env.RUNNER_TOOL_CACHE;
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME;
  if (platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return home ? join(home, '.cache') : undefined;
}

/** Imports onnxruntime-node from a folder that has it in node_modules (an `npm install --prefix`). */
export async function importFrom(dir: string): Promise<OnnxRuntime> {
  const require = createRequire(join(dir, 'package.json'));
  const entry = require.resolve('onnxruntime-node');
  // webpackIgnore: a computed import() in a bundle is otherwise an empty context that always throws.
  const mod = (await import(/* webpackIgnore: true */ pathToFileURL(entry).href)) as OnnxRuntime & {
    default?: OnnxRuntime;
  };
  return mod.default && 'InferenceSession' in mod.default ? mod.default : mod;
}

/** Saves and restores the install folder across workflow runs; fail-soft without the cache service. */
export interface FolderCache {
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export interface EnsureOptions {
  toolCache: string;
  version?: string;
  platform?: string;
  arch?: string;
  /** What npm installs: default `onnxruntime-node@<version>`; tests pass local tarballs. */
  packages?: string[];
  cache?: FolderCache;
  log?: (line: string) => void;
}

export interface EnsureResult {
  dir: string;
  /** Where it came from this time. */
  via: 'tool-cache' | 'actions-cache' | 'npm';
  cacheKey: string;
}

export function onnxRuntimeCacheKey(version: string, platform: string, arch: string): string {
  return `modelci-onnxruntime-${version}-${platform}-${arch}`;
}

export async function ensureOnnxRuntime(opts: EnsureOptions): Promise<EnsureResult> {
  const version = opts.version ?? ONNXRUNTIME_VERSION;
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const log = opts.log ?? (() => undefined);
  const dir = join(opts.toolCache, 'modelci-onnxruntime', version, arch);
  const marker = join(dir, '.complete');
  const cacheKey = onnxRuntimeCacheKey(version, platform, arch);
  if (existsSync(marker)) return { dir, via: 'tool-cache', cacheKey };
  if (opts.cache) {
    try {
      const hit = await opts.cache.restore([dir], cacheKey);
      if (hit && existsSync(marker)) {
        log(`onnxruntime-node ${version} restored from the actions cache (${cacheKey})`);
        return { dir, via: 'actions-cache', cacheKey };
      }
    } catch (e) {
      log(`actions cache restore failed (${(e as Error).message}); installing from npm`);
    }
  }
  // Install into a sibling folder and rename, so a killed job never leaves a half install.
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), '{"name":"modelci-onnxruntime","private":true}\n');
  const packages = opts.packages ?? [`onnxruntime-node@${version}`];
  log(`installing ${packages.join(' ')} into ${dir}`);
  await npm(
    [
      'install',
      '--prefix',
      tmp,
      '--ignore-scripts',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...packages,
    ],
    tmp,
  );
  pruneOtherPlatforms(join(tmp, 'node_modules', 'onnxruntime-node', 'bin'), platform, arch);
  writeFileSync(join(tmp, '.complete'), `${version}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(tmp, dir);
  if (opts.cache) {
    try {
      await opts.cache.save([dir], cacheKey);
      log(`saved onnxruntime-node to the actions cache (${cacheKey})`);
    } catch (e) {
      log(`actions cache save failed (${(e as Error).message}); the next run installs again`);
    }
  }
  return { dir, via: 'npm', cacheKey };
}

/** Keeps bin/napi-v*\/<platform>/<arch> only: 46 MB to cache instead of 288 MB. */
function pruneOtherPlatforms(bin: string, platform: string, arch: string): void {
  if (!existsSync(bin)) return;
  for (const napi of readdirSync(bin)) {
    for (const p of readdirSync(join(bin, napi))) {
      if (p !== platform) {
        rmSync(join(bin, napi, p), { recursive: true, force: true });
        continue;
      }
      for (const a of readdirSync(join(bin, napi, p)))
        if (a !== arch) rmSync(join(bin, napi, p, a), { recursive: true, force: true });
    }
  }
}

function npm(args: string[], cwd: string): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [cmd, argv] =
    npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  return new Promise((resolve, reject) => {
    let err = '';
    const child = spawn(cmd, argv, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ONNXRUNTIME_NODE_INSTALL: 'skip',
        npm_config_update_notifier: 'false',
      },
      shell: process.platform === 'win32',
    });
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', (e) =>
      reject(
        new ModelciError('MODEL', `cannot run npm to install onnxruntime-node: ${e.message}`, {
          hint: 'Install Node.js with npm (on a runner: actions/setup-node)',
        }),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new ModelciError(
              'MODEL',
              `npm install of onnxruntime-node failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`,
              {
                hint: `Check that this machine can reach the npm registry, or install it next to modelci: npm install --ignore-scripts onnxruntime-node@${ONNXRUNTIME_VERSION}`,
              },
            ),
          ),
    );
  });
}
