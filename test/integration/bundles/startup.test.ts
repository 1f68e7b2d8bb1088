// What each bundle parses before it runs: the modules reachable from its entry through static
// imports, in the same esbuild graph `npm run build` writes (scripts/build.mjs's options, with a
// metafile). Heavy clients load through import() on the path that uses them, so an action that
// never caches, uploads or calls GitHub does not pay for them at start-up (issue 20).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtBundle } from '../../harness/bundles.js';
import { tempDir } from '../../harness/temp.js';
// @ts-expect-error: a plain ES module script without types
import { bundleOptions } from '../../../scripts/build.mjs';

/** Modules no entry may load at start-up: each is imported where it is used. */
const LAZY = [
  /node_modules\/@actions\/cache\//,
  /node_modules\/@actions\/artifact\//,
  /node_modules\/@octokit\//,
  /node_modules\/undici\//,
  /node_modules\/@protobuf-ts\//,
  /node_modules\/@azure\//,
  // The Parquet reader: loaded by openTable when a .parquet file is opened.
  /node_modules\/hyparquet\//,
];

let meta: Metafile;
let entries: Record<string, string>;

beforeAll(async () => {
  const options = bundleOptions('/nonexistent-out');
  entries = options.entryPoints as Record<string, string>;
  const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  meta = result.metafile!;
}, 120_000);

/** Every input reachable from `entry` through static imports and require() calls. */
function startupInputs(entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const im of meta.inputs[queue.shift()!]?.imports ?? []) {
      if (im.kind === 'dynamic-import' || im.external || seen.has(im.path)) continue;
      seen.add(im.path);
      queue.push(im.path);
    }
  }
  return seen;
}

describe('start-up path of every bundle', () => {
  it('builds the graph of every entry', () => {
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining(['cli/index', 'index', 'actions/comment', 'actions/evaluate']),
    );
    // The check below is only as good as the graph: the lazy modules are in it, behind import().
    const all = Object.keys(meta.inputs);
    for (const pattern of LAZY.slice(0, 4))
      expect(
        all.some((f) => pattern.test(f)),
        String(pattern),
      ).toBe(true);
  });

  it('no entry parses the GitHub, cache or artifact clients before it needs them', () => {
    const loaded: Record<string, string[]> = {};
    for (const [name, entry] of Object.entries(entries)) {
      const heavy = [...startupInputs(entry)].filter((f) => LAZY.some((p) => p.test(f)));
      if (heavy.length)
        loaded[name] = [
          ...new Set(
            heavy.map((f) => f.split('node_modules/')[1]!.split('/').slice(0, 2).join('/')),
          ),
        ];
    }
    expect(loaded).toEqual({});
  });

  it('the comment action parses the run, registry and data-contract code only when given them', () => {
    // A comment with base/head metrics renders and posts; --run (git's run refs, run records, the
    // registry and its validators) and --report (the contract's report format) load on use.
    const inputs = [...startupInputs(entries['actions/comment']!)];
    const late = [
      /^src\/core\/runs\//,
      // The config loader uses column kinds (drift tests) and GTO's tag grammar: nothing more.
      /^src\/core\/profile\/(?!column-kind\.ts)/,
      /^src\/core\/registry\/(?!gto-tags\.ts)/,
      /^src\/core\/contract\/(?!percent\.ts)/,
      /^src\/(git|registry)\//,
      /^src\/commands\/(comment-runs|record-run|registry-baseline)\.ts$/,
    ];
    expect(inputs.filter((f) => late.some((p) => p.test(f)))).toEqual([]);
    // They are in the graph, behind import().
    const all = Object.keys(meta.inputs);
    for (const p of late) expect(all.some((f) => p.test(f), String(p))).toBe(true);
  });

  it('the GitHub client, once loaded, sends requests without undici unless a proxy is set', () => {
    // undici's fetch cost ~0.4 s of CPU on the first request (parse + llhttp WebAssembly).
    const inputs = [...startupInputs('src/github/client.ts')];
    expect(inputs).toContain('node_modules/@octokit/core/dist-src/index.js');
    expect(
      inputs.filter((f) => /node_modules\/(undici|@actions\/http-client|tunnel)\//.test(f)),
    ).toEqual([]);
    // The proxy path still exists, behind import().
    expect(meta.inputs['src/github/client.ts']!.imports).toContainEqual(
      expect.objectContaining({ path: 'src/github/proxy-fetch.ts', kind: 'dynamic-import' }),
    );
  });

  it('the CLI parses only its dispatcher before choosing a command', () => {
    const inputs = [...startupInputs(entries['cli/index']!)];
    // `modelci --version` and `--help` stay near bare node: no YAML, schema or data readers yet.
    expect(inputs.filter((f) => f.includes('node_modules/'))).toEqual([]);
    expect(inputs.filter((f) => /src\/(config|data|onnx|serve|registry)\//.test(f))).toEqual([]);
  });
});

describe('modelci --version', () => {
  const repo = join(import.meta.dirname, '../../..');
  const node = (args: string[]) =>
    spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH } });

  it('answers from bin/modelci.js without loading the CLI bundle', () => {
    // The executable and package.json alone, as in the package but without dist/: `--version`
    // must answer, and anything else must fail, which shows the copy really lacks the bundle.
    const pkg = tempDir('modelci-version-');
    mkdirSync(join(pkg, 'bin'));
    cpSync(join(repo, 'bin/modelci.js'), join(pkg, 'bin/modelci.js'));
    cpSync(join(repo, 'package.json'), join(pkg, 'package.json'));
    const bundled = node([builtBundle('dist/cli/index.js'), '--version']);
    expect(bundled.status).toBe(0);
    for (const flag of ['--version', '-V']) {
      const r = node([join(pkg, 'bin/modelci.js'), flag]);
      expect(r.stderr).toBe('');
      // The same answer as the bundle's (src/core/version.ts must equal package.json's).
      expect(r.stdout).toBe(bundled.stdout);
    }
    const other = node([join(pkg, 'bin/modelci.js'), '--help']);
    expect(other.status).not.toBe(0);
    expect(other.stderr).toContain('dist/cli/index.js');
  });
});
