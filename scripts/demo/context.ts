// What every demo step shares: where things go, the CLI and git runners, the GitHub stand-in, and
// the values one step hands to a later one (the pull request, the registered version, the server).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS_TOKEN, type GitHubServer } from '../../test/harness/github/index.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = join(root, 'dist/cli/index.js');
/** Everything the demo writes; `MODELCI_DEMO_OUT` moves it (the demo's test runs it in a temp folder). */
export const out = process.env.MODELCI_DEMO_OUT ?? join(root, 'demo-out');
export const repo = join(out, 'repo');
export const origin = join(out, 'origin.git');
export const MODEL = 'cancer';
export const GITHUB_REPO = 'demo/cancer';

/** A path as the reader can type it: relative to where the demo was started. */
export const show = (p: string): string => relative(process.cwd(), p) || '.';

export function note(text: string): void {
  process.stdout.write(`  ${text}\n`);
}

/** One named step of the demo; the list in scripts/demo.ts runs them in order. */
export interface DemoStep {
  title: string | ((demo: Demo) => string);
  run(demo: Demo): Promise<void>;
}

/** What the steps share. Fields a step sets for later ones are read with `demo.need(...)`. */
export class Demo {
  /** GITHUB_* of a workflow run against the stand-in: the token, API URL and repository. */
  readonly env: NodeJS.ProcessEnv;
  pullNumber?: number;
  version?: string;
  server?: ChildProcess;
  serverUrl?: string;
  /** The production server of the canary rollouts. */
  productionUrl?: string;

  constructor(readonly gh: GitHubServer) {
    this.env = {
      GITHUB_TOKEN: ACTIONS_TOKEN,
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: GITHUB_REPO,
    };
  }

  /** A value an earlier step set; a step list in the wrong order fails here, by name. */
  need<K extends 'pullNumber' | 'version' | 'server' | 'serverUrl' | 'productionUrl'>(
    key: K,
  ): NonNullable<this[K]> {
    const value = this[key];
    if (value === undefined)
      throw new Error(`demo: no ${key} yet (the step that sets it did not run)`);
    return value as NonNullable<this[K]>;
  }

  /**
   * Runs `modelci <args>` in the demo repository; returns stdout, fails the demo on a non-zero exit.
   * Asynchronous on purpose: the GitHub stand-in lives in this process and must keep answering.
   */
  async modelci(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    const r = await this.modelciExit(args, env);
    if (r.code !== 0)
      throw new Error(`modelci ${args.join(' ')} failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** The same, for a command whose failure is part of the story: its exit code and output. */
  async modelciExit(
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr };
  }

  /** The same, with the run's GITHUB_* variables: commands that talk to GitHub. */
  modelciOnGitHub(args: string[]): Promise<string> {
    return this.modelci(args, this.env);
  }

  git(...args: string[]): string {
    const identity = ['-c', 'user.name=modelci demo', '-c', 'user.email=demo@modelci.local'];
    return execFileSync('git', [...identity, ...args], { cwd: repo, encoding: 'utf8' }).trim();
  }
}

/** The URL `modelci serve` prints once it listens. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (buf += d.toString()));
    child.on('exit', (code) => reject(new Error(`modelci serve exited with ${code}: ${buf}`)));
  });
}
