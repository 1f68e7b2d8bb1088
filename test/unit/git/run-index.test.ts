// The runs index on real git: listing reads the run refs (names and commits) and the index, and
// only the runs the index lacks; a run written without it (an older modelci, a writer killed
// after its ref, a fetch) is read once and the index rebuilt; racing writers lose no run.
import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCommitMessage } from '../../../src/core/runs/message.js';
import { RUN_INDEX_PREFIX } from '../../../src/core/runs/listing-index.js';
import type { RunRecord } from '../../../src/core/runs/record.js';
import { Git } from '../../../src/git/git.js';
import { RunStore, type RunListing } from '../../../src/git/run-refs.js';
import { tempDir } from '../../harness/temp.js';
import { record } from '../runs/fixture.js';

const env = {
  ...process.env,
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
};

/** A Git that notes every command it runs (and what it was fed): what listing asks git for. */
class CountingGit extends Git {
  calls: { args: string[]; input: string }[] = [];
  override exec(args: string[], input?: string) {
    this.calls.push({ args, input: input ?? '' });
    return super.exec(args, input);
  }
  override runBuffer(args: string[], input?: string) {
    this.calls.push({ args, input: input ?? '' });
    return super.runBuffer(args, input);
  }
  override spawnStream(args: string[]) {
    const call = { args, input: '' };
    this.calls.push(call);
    const child = super.spawnStream(args);
    const write = child.stdin.write.bind(child.stdin) as (chunk: string) => boolean;
    child.stdin.write = ((chunk: string) => {
      call.input += chunk;
      return write(chunk);
    }) as typeof child.stdin.write;
    return child;
  }
}

let repo: string;
beforeEach(() => {
  repo = tempDir('modelci-runs-index-');
  execFileSync('git', ['init', '--quiet', repo], { env });
});

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();

function run(i: number, over: Partial<RunRecord> = {}): RunRecord {
  const t = new Date(Date.UTC(2026, 0, 2) + i * 60_000).toISOString();
  const stamp = `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}`;
  return record({
    id: `${stamp}-${i.toString(16).padStart(6, '0')}`,
    started_at: t,
    params: { C: i },
    metrics: { accuracy: 0.8 + i / 1000 },
    ...over,
  });
}

/** A run written as an older modelci (or a writer killed after its ref) writes it: no index. */
function writeWithoutIndex(r: RunRecord): string {
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
    cwd: repo,
    env,
    input: JSON.stringify(r),
    encoding: 'utf8',
  }).trim();
  const tree = execFileSync('git', ['mktree'], {
    cwd: repo,
    env,
    input: `100644 blob ${blob}\trun.json\n`,
    encoding: 'utf8',
  }).trim();
  const commit = execFileSync(
    'git',
    ['-c', 'user.name=old', '-c', 'user.email=old@x', 'commit-tree', tree, '-F', '-'],
    { cwd: repo, env, input: runCommitMessage(r), encoding: 'utf8' },
  ).trim();
  git('update-ref', `refs/modelci/runs/${r.model_name}/${r.id}`, commit);
  return commit;
}

/** A listing as data: listed runs read their records from the index when asked. */
function plain(l: RunListing) {
  return {
    runs: l.runs.map((r) => ({ ref: r.ref, commit: r.commit, record: r.record })),
    problems: l.problems,
  };
}

/** The run commits listing asked git for (beside the index's trees and shards). */
function commitReads(g: CountingGit): string[] {
  const runCommits = new Set(
    git('for-each-ref', '--format=%(objectname)', 'refs/modelci/runs/').split('\n'),
  );
  return g.calls
    .filter((c) => c.args[0] === 'cat-file')
    .flatMap((c) => c.input.split('\n'))
    .filter((line) => runCommits.has(line));
}

describe('runs list reads the index, not every run', () => {
  it('a fresh index answers with three git commands and no run object read; without summaries, loading reads only the shards asked for', async () => {
    for (let i = 0; i < 40; i++) writeWithoutIndex(run(i, i % 2 ? {} : { model_name: 'fraud' }));
    const first = new CountingGit(repo, env);
    const built = await new RunStore(first).list();
    expect(built.runs).toHaveLength(40);
    // No index yet: every run is read once (one cat-file for all), then both indexes are written.
    expect(commitReads(first)).toHaveLength(40);
    expect(git('for-each-ref', '--format=%(refname)', RUN_INDEX_PREFIX).split('\n')).toEqual([
      `${RUN_INDEX_PREFIX}churn`,
      `${RUN_INDEX_PREFIX}fraud`,
    ]);

    const counting = new CountingGit(repo, env);
    const again = await new RunStore(counting).list();
    expect(plain(again)).toEqual(plain(built));
    // The run refs' names and commits, the index refs, and one cat-file for the index trees, their
    // keys files and their summaries files: three commands, whatever the count.
    expect(counting.calls.map((c) => c.args[0]).sort()).toEqual([
      'cat-file',
      'for-each-ref',
      'for-each-ref',
    ]);
    const cat = counting.calls.find((c) => c.args[0] === 'cat-file')!;
    const asked = cat.input.trim().split('\n');
    expect(asked.filter((l) => l.endsWith('^{tree}'))).toHaveLength(2);
    // Two trees, then at most 40 shards' keys, then the same shards' summaries.
    expect(asked.length).toBeLessThanOrEqual(2 + 2 * 40);
    expect((asked.length - 2) % 2).toBe(0);
    for (const c of counting.calls) expect(c.args).not.toContain('--format=%(contents)');
    expect(commitReads(counting)).toEqual([]);

    // Without summaries, listing reads keys only; loading two runs reads their two shards.
    const lazy = new CountingGit(repo, env);
    const store = new RunStore(lazy);
    const keysOnly = await store.list(undefined, { summaries: false });
    expect(lazy.calls.filter((c) => c.args[0] === 'cat-file')).toHaveLength(1);
    expect(keysOnly.runs.map((r) => [r.ref, r.commit])).toEqual(
      built.runs.map((r) => [r.ref, r.commit]),
    );
    const two = keysOnly.runs.slice(0, 2);
    await store.load(two);
    const loads = lazy.calls.filter((c) => c.args[0] === 'cat-file');
    expect(loads).toHaveLength(2);
    expect(loads[1]!.input.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(two.map((r) => r.record)).toEqual(built.runs.slice(0, 2).map((r) => r.record));
    expect(() => keysOnly.runs[39]!.record).toThrow(/was not loaded/);
    // Filters and --model read the same index: one model's refs and its index only.
    const one = new CountingGit(repo, env);
    const churn = await new RunStore(one).list('churn');
    expect(churn.runs.map((r) => r.record.id)).toEqual(
      built.runs.filter((r) => r.record.model_name === 'churn').map((r) => r.record.id),
    );
    expect(commitReads(one)).toEqual([]);
    // What the index gives is what the commits hold (the summary in each run's message).
    for (const r of again.runs)
      expect(JSON.stringify(r.record)).toBe(git('log', '-1', '--format=%b', r.commit));
  });

  it('a run written without the index, a moved ref and a removed one: read once, index rebuilt', async () => {
    const store = RunStore.at(repo, env);
    const runs = [0, 1, 2, 3].map((i) => run(i));
    for (const r of runs) await store.create(r);
    const index = () => git('rev-parse', `${RUN_INDEX_PREFIX}churn`);
    const before = index();
    // An older modelci records a run, someone tags one in place, gc removes one.
    const added = writeWithoutIndex(run(9));
    const retagged = writeWithoutIndex({ ...runs[1]!, tags: ['reviewed'] });
    expect(index()).toBe(before);
    git('update-ref', '-d', `refs/modelci/runs/churn/${runs[2]!.id}`);

    const g = new CountingGit(repo, env);
    const listed = await new RunStore(g).list('churn');
    expect(listed.runs.map((r) => r.record.id).sort()).toEqual(
      [runs[0]!.id, runs[1]!.id, runs[3]!.id, run(9).id].sort(),
    );
    expect(listed.runs.find((r) => r.record.id === runs[1]!.id)!.record.tags).toEqual(['reviewed']);
    // Only the two commits the index did not cover were read; the index moved to cover them.
    expect(commitReads(g).sort()).toEqual([added, retagged].sort());
    expect(index()).not.toBe(before);
    const after = new CountingGit(repo, env);
    expect(plain(await new RunStore(after).list('churn'))).toEqual(plain(listed));
    expect(commitReads(after)).toEqual([]);
  });

  it('an index this version did not write (another schema, a damaged shard) is rebuilt from the runs', async () => {
    const store = RunStore.at(repo, env);
    for (let i = 0; i < 6; i++) await store.create(run(i));
    const good = await store.list();
    // Every shard replaced by one an older (or newer) modelci wrote.
    const shard = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo,
      env,
      input: '{"schema":"modelci/runs-index@0","runs":[]}',
      encoding: 'utf8',
    }).trim();
    const names = git('ls-tree', '--name-only', `${RUN_INDEX_PREFIX}churn`).split('\n');
    const tree = execFileSync('git', ['mktree'], {
      cwd: repo,
      env,
      input: names.map((n) => `100644 blob ${shard}\t${n}\n`).join(''),
      encoding: 'utf8',
    }).trim();
    const c = git('-c', 'user.name=x', '-c', 'user.email=x@x', 'commit-tree', tree, '-m', 'old');
    git('update-ref', `${RUN_INDEX_PREFIX}churn`, c);
    const g = new CountingGit(repo, env);
    expect(plain(await new RunStore(g).list())).toEqual(plain(good));
    expect(commitReads(g)).toHaveLength(6);
    const after = new CountingGit(repo, env);
    expect(plain(await new RunStore(after).list())).toEqual(plain(good));
    expect(commitReads(after)).toEqual([]);
  });

  it('refs that are not runs are reported on every listing and never indexed', async () => {
    const store = RunStore.at(repo, env);
    await store.create(run(1));
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo,
      env,
      input: 'x',
      encoding: 'utf8',
    }).trim();
    git('update-ref', 'refs/modelci/runs/churn/20260102-030405-000000', blob);
    git('update-ref', 'refs/modelci/runs/stray', blob);
    const other = writeWithoutIndex(run(2));
    git('update-ref', `refs/modelci/runs/churn/${run(3).id}`, other);
    for (let i = 0; i < 2; i++) {
      const { runs, problems } = await store.list();
      expect(runs.map((r) => r.record.id)).toEqual([run(1).id, run(2).id]);
      expect(problems).toEqual([
        {
          ref: `refs/modelci/runs/churn/${run(3).id}`,
          problem: `holds run churn/${run(2).id}, not churn/${run(3).id}`,
        },
        {
          ref: 'refs/modelci/runs/churn/20260102-030405-000000',
          problem: 'points at a blob, not a run commit',
        },
        {
          ref: 'refs/modelci/runs/stray',
          problem: 'not a run ref (refs/modelci/runs/<model>/<id>)',
        },
      ]);
    }
  });
});

describe('racing writers and the index', () => {
  it('writers racing for the index never lose a run from the list, and the index ends up whole', async () => {
    // Separate stores (as separate processes would be), interleaved at every git command.
    const records = Array.from({ length: 8 }, (_, i) => run(100 + i));
    await Promise.all(records.map((r) => RunStore.at(repo, env).create(r)));
    const g = new CountingGit(repo, env);
    const { runs } = await new RunStore(g).list();
    expect(runs.map((r) => r.record.id).sort()).toEqual(records.map((r) => r.id).sort());
    // Each writer retried on top of the others: the index covers every run without a reread.
    expect(commitReads(g)).toEqual([]);
  });
});
