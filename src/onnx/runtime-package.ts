import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { ModelciError } from '../core/errors.js';
import { ensureOnnxRuntime, installRoot, ONNXRUNTIME_VERSION } from './runtime.js';

/** The architectures a container image may run on (Linux only: the images are Debian). */
export const LINUX_ARCHES = ['x64', 'arm64'] as const;

/** GPU execution providers' libraries: never copied into a CPU image. */
const GPU_FILE = /cuda|tensorrt|directml|dml/i;

/** The folder of a package, from the file its entry resolves to (exports may hide package.json). */
function packageDir(entry: string, name: string): string {
  for (let d = dirname(entry); d !== dirname(d); d = dirname(d)) {
    const manifest = join(d, 'package.json');
    if (!existsSync(manifest)) continue;
    if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return d;
  }
  throw new ModelciError('MODEL', `cannot find the folder of ${name} above ${entry}`);
}

/**
 * The onnxruntime-node folder modelci loads, found the way `loadOnnxRuntime` finds it
 * (MODELCI_ONNXRUNTIME_DIR, next to modelci, the first-use install), installed when missing.
 */
export async function onnxRuntimePackage(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ dir: string; common: string }> {
  const from = (require: NodeJS.Require) => {
    const dir = packageDir(require.resolve('onnxruntime-node'), 'onnxruntime-node');
    const inside = createRequire(join(dir, 'package.json'));
    return { dir, common: packageDir(inside.resolve('onnxruntime-common'), 'onnxruntime-common') };
  };
  if (env.MODELCI_ONNXRUNTIME_DIR)
    return from(createRequire(join(env.MODELCI_ONNXRUNTIME_DIR, 'package.json')));
  try {
    return from(createRequire(import.meta.url));
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
  }
  const root = installRoot(env, process.platform, homedir());
  if (!root)
    throw new ModelciError('MODEL', 'cannot find onnxruntime-node to put into the image', {
      hint: `Install it next to modelci (npm install --ignore-scripts onnxruntime-node@${ONNXRUNTIME_VERSION}), or set MODELCI_ONNXRUNTIME_DIR`,
    });
  const installed = await ensureOnnxRuntime({ toolCache: root, log });
  return from(createRequire(join(installed.dir, 'package.json')));
}

/**
 * Copies onnxruntime-node and onnxruntime-common into `<dest>/node_modules/` with the Linux CPU
 * libraries only (x64, arm64 where present): no other platform, no GPU provider, no install
 * script. Returns the architectures copied; none is an error.
 */
export function copyLinuxCpuRuntime(pkg: { dir: string; common: string }, dest: string): string[] {
  const bin = join(pkg.dir, 'bin');
  const napis = existsSync(bin) ? readdirSync(bin).filter((n) => n.startsWith('napi-v')) : [];
  const arches = LINUX_ARCHES.filter((a) =>
    napis.some((n) => existsSync(join(bin, n, 'linux', a, 'onnxruntime_binding.node'))),
  );
  if (!arches.length)
    throw new ModelciError(
      'MODEL',
      `onnxruntime-node in ${pkg.dir} has no Linux CPU library (bin/napi-v*/linux/x64 or arm64)`,
      {
        hint: `Install the full package next to modelci (npm install --ignore-scripts onnxruntime-node@${ONNXRUNTIME_VERSION}), or point MODELCI_ONNXRUNTIME_DIR at a folder that has it`,
      },
    );
  const target = join(dest, 'node_modules', 'onnxruntime-node');
  cpSync(pkg.dir, target, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(pkg.dir.length + 1).split(sep);
      // The postinstall script (it downloads CUDA) and this tree's own node_modules stay out.
      if (rel[0] === 'script' || rel[0] === 'node_modules') return false;
      if (rel[0] !== 'bin' || rel.length < 3) return !GPU_FILE.test(rel.at(-1) ?? '');
      if (rel[2] !== 'linux') return false;
      if (rel.length >= 4 && !(arches as string[]).includes(rel[3]!)) return false;
      return !GPU_FILE.test(rel.at(-1) ?? '');
    },
  });
  cpSync(pkg.common, join(dest, 'node_modules', 'onnxruntime-common'), {
    recursive: true,
    filter: (src) => !src.slice(pkg.common.length + 1).startsWith('node_modules'),
  });
  return arches;
}
