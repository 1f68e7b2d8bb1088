#!/usr/bin/env node
// Bundles every action (src/actions/<name>.ts -> actions/<name>/dist/index.js), the root action
// (src/actions/run.ts -> dist/index.js) and the CLI (src/cli.ts -> dist/cli/index.js) with ncc.
// `--check` bundles into a temporary folder and fails when a committed bundle differs (check-dist).
import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  existsSync,
  rmSync,
  mkdirSync,
  cpSync,
} from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

// Native and very large modules stay out of the bundles: onnxruntime-node is resolved at run time
// (from node_modules for the CLI, from the runner's tool cache for actions; see src/onnx/runtime.ts).
const externals = ['onnxruntime-node'];

function entries() {
  const list = [
    { name: 'root', src: 'src/actions/run.ts', out: 'dist' },
    { name: 'cli', src: 'src/cli.ts', out: 'dist/cli' },
  ];
  for (const file of readdirSync(join(root, 'src/actions'))) {
    if (!file.endsWith('.ts') || file === 'run.ts') continue;
    const name = file.slice(0, -3);
    if (!existsSync(join(root, 'actions', name, 'action.yml'))) continue;
    list.push({ name, src: `src/actions/${file}`, out: `actions/${name}/dist` });
  }
  return only.length ? list.filter((e) => only.includes(e.name)) : list;
}

function ncc(entry, outDir) {
  const args = [
    'build',
    entry.src,
    '-o',
    outDir,
    '-m',
    '-q',
    '--license',
    'licenses.txt',
    '--no-source-map-register',
  ];
  for (const e of externals) args.push('-e', e);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), ...args],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry.src} (exit ${code})`)),
    );
  });
}

function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === 'cli' && prefix === '' && dir.endsWith('dist')
        ? []
        : listFiles(join(dir, d.name), `${prefix}${d.name}/`)
      : [`${prefix}${d.name}`],
  );
}

async function pool(items, limit, fn) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (queue.length) await fn(queue.shift());
    }),
  );
}

const list = entries();
const tmp = mkdtempSync(join(tmpdir(), 'modelci-build-'));
const stale = [];
try {
  await pool(list, Math.max(1, Math.min(availableParallelism(), 4)), async (entry) => {
    const out = join(tmp, entry.name);
    await ncc(entry, out);
    const target = join(root, entry.out);
    if (check) {
      const built = listFiles(out).sort();
      const committed = listFiles(target).sort();
      const same =
        built.length === committed.length &&
        built.every(
          (f, i) =>
            f === committed[i] && readFileSync(join(out, f)).equals(readFileSync(join(target, f))),
        );
      if (!same) stale.push(entry.out);
    } else {
      for (const f of listFiles(target)) rmSync(join(target, f));
      mkdirSync(target, { recursive: true });
      cpSync(out, target, { recursive: true });
    }
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (check) {
  if (stale.length) {
    console.error(
      `check-dist: stale bundles: ${stale.join(', ')}. Run \`npm run build\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`check-dist: ${list.length} bundles up to date`);
} else {
  console.log(`built ${list.length} bundles: ${list.map((e) => e.out).join(', ')}`);
}
