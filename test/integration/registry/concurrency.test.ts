// Real races: the bundled CLI in parallel child processes, each in its own clone of one bare origin.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRegister } from '../../../src/commands/register.js';
import { HISTORY_FORMAT, parseHistory } from '../../../src/core/registry/trailers.js';
import { openRegistry } from '../../../src/registry/index.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import {
  clone,
  git,
  gitEnv,
  makeOrigin,
  onnxModel,
  tempDir,
  evaluatedModel,
  pushConfig,
  runCli,
  type CliRun,
} from './git-fixture.js';

/** One writer: `modelci register --push` of `artifact` as model churn, from the clone `repo`. */
function register(repo: string, artifact: string): Promise<CliRun> {
  return runCli(repo, [
    'register',
    '--registry',
    'registry',
    '--model',
    'churn',
    '--artifact',
    artifact,
    '--push',
  ]);
}

/** Milliseconds one writer takes alone (clone, then `register --push`) on this machine, now. */
async function timeOneWriter(): Promise<number> {
  const started = performance.now();
  const repo = clone(makeOrigin());
  const artifact = onnxModel(tempDir('modelci-art-'), 'm.onnx', 1);
  const r = await register(repo, artifact);
  if (r.code !== 0) throw new Error(`one writer alone failed: ${r.stderr}`);
  return performance.now() - started;
}

// The races' time bound scales with the machine as it is when they run (cores, speed, the load of
// whoever shares it). Each lost race costs a writer one more attempt, so N writers make at most
// N(N+1)/2 attempts, none longer than one writer alone. It only catches a hang; the assertions
// are the test. (Measured on a shared 2-core box at load 40: one writer 9.2 s, 20 writers 678 s
// against a bound of 1924 s, 10 promotions 174 s against 504 s.)
const oneWriterMs = await timeOneWriter();
const raceTimeout = (writers: number) => Math.round((oneWriterMs * writers * (writers + 1)) / 2);

/** The registry on origin's main, read from a fresh clone. */
function originRegistry(origin: string) {
  const dir = clone(origin);
  return { dir, reg: openRegistry(join(dir, 'registry')) };
}

describe('concurrent writers against one bare repository', () => {
  it(
    '20 parallel registers end with 20 distinct versions, all present and valid, in a linear history',
    async () => {
      const origin = makeOrigin();
      const art = tempDir('modelci-art-');
      const jobs = Array.from({ length: 20 }, (_, i) => ({
        repo: clone(origin),
        artifact: onnxModel(art, `m${i}.onnx`, i + 1),
      }));
      const runs = await Promise.all(jobs.map((j) => register(j.repo, j.artifact)));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const versions = runs.map((r) => r.stdout.trim());
      expect(new Set(versions).size).toBe(20);
      const { dir, reg } = originRegistry(origin);
      expect(reg.listVersions('churn')).toEqual(
        Array.from({ length: 20 }, (_, i) => `0.${i + 1}.0`),
      );
      // Every process's artifact is the one recorded under the version it printed, and verifies.
      for (const [i, j] of jobs.entries()) {
        const rec = reg.getVersion('churn', versions[i]!);
        expect(rec.artifact.sha256).toBe(await sha256File(j.artifact));
        await reg.readArtifact(rec);
      }
      expect(git(dir, 'rev-list', '--merges', 'HEAD').trim()).toBe('');
      expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(21);
      const history = parseHistory(git(dir, 'log', `--format=${HISTORY_FORMAT}`));
      expect(history.map((h) => h.version).sort()).toEqual([...versions].sort());
    },
    raceTimeout(20),
  );

  it(
    '10 parallel promotions: the pointer ends at one of them, each recorded or refused with its reason',
    async () => {
      const origin = makeOrigin();
      const seed = clone(origin);
      // Straight to production: the stage-order default would refuse every one of them.
      pushConfig(seed, 'version: 1\nregistry:\n  require_previous_stage: false\n');
      const art = tempDir('modelci-art-');
      const failing = new Set([2, 5, 8]);
      for (let i = 0; i < 10; i++) {
        const { artifact, report } = await evaluatedModel(art, i + 1, !failing.has(i));
        await runRegister({
          registry: join(seed, 'registry'),
          model: 'churn',
          artifact,
          report,
          push: true,
          env: gitEnv,
        });
      }
      const runs = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          runCli(clone(origin), [
            'promote',
            '--registry',
            'registry',
            '--model',
            'churn',
            '--version',
            `0.${i + 1}.0`,
            '--stage',
            'production',
            '--push',
          ]),
        ),
      );
      const moved: string[] = [];
      for (const [i, r] of runs.entries()) {
        if (failing.has(i)) {
          expect(r.code).toBe(1);
          expect(r.stderr).toBe(
            `modelci promote: error: cannot promote churn 0.${i + 1}.0 to production: gates failed: min.accuracy: accuracy 0.5 < 0.8. Nothing was written\n`,
          );
        } else {
          expect(r.code, r.stderr).toBe(0);
          moved.push(r.stdout.trim());
        }
      }
      expect(moved.length).toBe(7);
      const { dir, reg } = originRegistry(origin);
      const pointer = reg.getStage('churn', 'production')!;
      const history = parseHistory(git(dir, 'log', `--format=${HISTORY_FORMAT}`)).filter(
        (h) => h.action === 'promote',
      );
      // Every successful attempt is one commit; the last one is where the pointer is now.
      expect(history.map((h) => h.version).sort()).toEqual([...moved].sort());
      expect(history[0]!.version).toBe(pointer.version);
      expect(moved).toContain(pointer.version);
      expect(git(dir, 'rev-list', '--merges', 'HEAD').trim()).toBe('');
      // Each pointer in the chain names the version it replaced.
      const chain = history.map((h) => h.version).reverse();
      expect(pointer.previous).toBe(chain[chain.length - 2]);
    },
    raceTimeout(10),
  );
});
