// kill -9 at any point of `register --push` and `promote --push` (the bundled CLI in a child
// process, a bare repository as origin): the next run always succeeds, the checkout is never left
// half-changed, and nothing is lost, local commits that were never pushed included.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_FORMAT, parseHistory } from '../../../src/core/registry/trailers.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { openRegistry } from '../../../src/registry/index.js';
import { sha256File } from '../../../src/store/artifact-store.js';
import {
  clone,
  git,
  makeOrigin,
  onnxModel,
  tempDir,
  evaluatedModel,
  pushConfig,
  runCli,
} from './git-fixture.js';

const KILLS = 24;

/** The checkout is clean, on main, equal to origin, with no scratch or journal left behind. */
function expectSettled(repo: string, origin: string): void {
  expect(git(repo, 'status', '--porcelain')).toBe('');
  expect(git(repo, 'rev-parse', 'HEAD')).toBe(git(origin, 'rev-parse', 'main'));
  expect(git(repo, 'branch', '--show-current').trim()).toBe('main');
  const state = join(repo, '.git', 'modelci');
  expect(existsSync(state) ? readdirSync(state) : []).toEqual([]);
  expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
}

function originRegistry(origin: string) {
  const dir = clone(origin);
  return { dir, reg: openRegistry(join(dir, 'registry')) };
}

/** Milliseconds one `register --push` takes on this machine, now (clone and artifact included). */
async function timeOneRun(): Promise<number> {
  const started = performance.now();
  const repo = clone(makeOrigin());
  const { artifact, report } = await evaluatedModel(tempDir('modelci-art-'), 1);
  const r = await runCli(repo, [
    'register',
    '--model',
    'churn',
    '--artifact',
    artifact,
    '--report',
    report,
    '--push',
  ]);
  if (r.code !== 0) throw new Error(`one run alone failed: ${r.stderr}`);
  return performance.now() - started;
}

// The time bound scales with the machine as it is when the test runs (cores, speed, the load of
// whoever shares it), measured by one run alone. Per kill: the killed run (at most one run), the
// run after it (recovery and a run; a run that waits for the killed one's git processes) and a
// clone of origin to read the pointer: 6 runs is ample. It only catches a hang; the assertions
// are the test.
const oneRunMs = await timeOneRun();
const TIMEOUT = Math.round(oneRunMs * (10 + KILLS * 6));

describe('kill -9 at random points of registry writes', () => {
  it(
    `register --push and promote --push, each killed ${KILLS / 2} times: every next run succeeds and nothing is lost`,
    async () => {
      const origin = makeOrigin();
      const repo = clone(origin);
      // GTO tags on: a killed run must not leave a tag that wedges the next one either.
      pushConfig(repo, 'version: 1\nregistry:\n  tags: true\n  require_previous_stage: false\n');
      const art = tempDir('modelci-art-');
      const rng = new Xoshiro128(1313);
      const register = async (seed: number) => {
        const { artifact, report } = await evaluatedModel(art, seed);
        return ['register', '--model', 'churn', '--artifact', artifact, '--report', report];
      };
      // How long a whole run takes here and now (the load of a shared machine changes), so the
      // kills spread over all of it: each kill falls within the median of the last three full runs,
      // plus a tenth (a run that first waits for a killed one's git processes is not typical).
      const first = await runCli(repo, [...(await register(1)), '--push']);
      expect(first.code, first.stderr).toBe(0);
      const recent = [first.ms];
      const killAt = () => {
        const last = [...recent.slice(-3)].sort((a, b) => a - b);
        return (rng.nextUint32() / 2 ** 32) * last[Math.floor(last.length / 2)]! * 1.1;
      };
      const expected = new Map<number, string>([[1, first.stdout.trim()]]);
      const outcomes = { killed: 0, finished: 0 };

      for (let i = 0; i < KILLS / 2; i++) {
        const seed = 10 + i;
        // Every third round a local commit nobody pushed comes first: it must reach origin too.
        if (i % 3 === 1) {
          const local = await runCli(repo, await register(100 + i));
          expect(local.code, local.stderr).toBe(0);
          expected.set(100 + i, local.stdout.trim());
        }
        const args = [...(await register(seed)), '--push'];
        const killed = await runCli(repo, args, killAt());
        outcomes[killed.signal === 'SIGKILL' ? 'killed' : 'finished']++;
        const next = await runCli(repo, args);
        expect(next.code, `after a kill: ${next.stderr}`).toBe(0);
        recent.push(next.ms);
        expected.set(seed, next.stdout.trim());
        expectSettled(repo, origin);
      }

      const { dir, reg } = originRegistry(origin);
      // Every artifact registered once, under the version its run printed; nothing lost.
      for (const [seed, version] of expected) {
        const rec = reg.getVersion('churn', version);
        expect(rec.artifact.sha256).toBe(await sha256File(onnxModel(art, `m${seed}.onnx`, seed)));
      }
      expect(reg.listVersions('churn')).toHaveLength(expected.size);
      const versions = [...expected.values()];

      for (let i = 0; i < KILLS / 2; i++) {
        const version = versions[(i * 7) % versions.length]!;
        const stage = i % 2 ? 'production' : 'staging';
        const args = [
          'promote',
          '--model',
          'churn',
          '--version',
          version,
          '--stage',
          stage,
          '--push',
        ];
        const killed = await runCli(repo, args, killAt());
        outcomes[killed.signal === 'SIGKILL' ? 'killed' : 'finished']++;
        const next = await runCli(repo, args);
        expect(next.code, `after a kill: ${next.stderr}`).toBe(0);
        recent.push(next.ms);
        expectSettled(repo, origin);
        const pointer = openRegistry(join(clone(origin), 'registry')).getStage('churn', stage)!;
        expect(pointer.version).toBe(version);
      }
      // Most runs were cut short somewhere (the rest finished before their kill).
      expect(outcomes.killed).toBeGreaterThan(KILLS / 2);

      // One linear history; GTO tags name only versions that exist; verify finds nothing wrong.
      git(dir, 'pull', '--quiet');
      expect(git(dir, 'rev-list', '--merges', 'HEAD').trim()).toBe('');
      const history = parseHistory(git(dir, 'log', `--format=${HISTORY_FORMAT}`));
      expect(
        history
          .filter((h) => h.action === 'register')
          .map((h) => h.version)
          .sort(),
      ).toEqual([...versions].sort());
      const tags = git(origin, 'tag', '--list', 'churn@v*').trim().split('\n').sort();
      expect(tags).toEqual(versions.map((v) => `churn@v${v}`).sort());
      const verify = await runCli(dir, ['registry', 'verify']);
      expect(verify.stdout, verify.stderr).toMatch(/^OK: /m);
    },
    TIMEOUT,
  );
});
