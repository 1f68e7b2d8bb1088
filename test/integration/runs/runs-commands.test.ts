// `modelci runs list | show | compare | tag | gc | fetch` on real git: a bare origin, clones, the
// bundled CLI. Runs are trained (with different params) and evaluated once, then read everywhere.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../harness/temp.js';
import { clone, config, git, modelci, project, runRefs } from './project.js';

interface Listed {
  runs: {
    ref: string;
    commit: string;
    record: { id: string; params: { C: number }; tags: string[] } & Record<string, unknown>;
  }[];
  matched: number;
  problems: { ref: string; problem: string }[];
}

async function json<T>(cwd: string, args: string[]): Promise<T> {
  const r = await modelci(cwd, [...args, '--json']);
  if (r.code !== 0) throw new Error(`modelci ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

let origin: string;
let trainer: string;
const ids: string[] = [];
const outs: string[] = [];

beforeAll(async () => {
  ({ origin, repo: trainer } = project());
  for (const C of [1, 3, 2]) {
    writeFileSync(join(trainer, 'modelci.yaml'), config({ C }));
    const out = join(tempDir('modelci-out-'), `c${C}`);
    const r = await modelci(trainer, [
      'train',
      '--push',
      '--output-dir',
      out,
      ...(C === 1 ? ['--tag', 'baseline'] : []),
    ]);
    if (r.code !== 0) throw new Error(r.stderr);
    ids.push(/run (\S+)/.exec(r.stdout)![1]!);
    outs.push(out);
    // The evaluation goes to the run (run.json beside the model and the ref), and to origin.
    const e = await modelci(trainer, [
      'evaluate',
      '--artifact',
      join(out, 'model.onnx'),
      '--resamples',
      '200',
      '--push-run',
    ]);
    if (e.code !== 0) throw new Error(e.stderr);
  }
}, 600_000);

describe('runs survive a fresh clone after runs fetch', () => {
  it('nothing before the fetch; after it list, show and compare read the runs as trained', async () => {
    const fresh = clone(origin);
    expect((await modelci(fresh, ['runs', 'list'])).stdout).toBe('no runs match\n');
    const f = await modelci(fresh, ['runs', 'fetch']);
    expect(f.stdout).toBe('fetched runs from origin: 3 new, 0 updated, 0 unchanged\n');
    expect(runRefs(fresh)).toEqual(runRefs(trainer));
    expect((await modelci(fresh, ['runs', 'fetch'])).stdout).toBe(
      'fetched runs from origin: 0 new, 0 updated, 3 unchanged\n',
    );
    // --json prints what the table reads (each run's summary, from the runs index) ...
    const summaries = await json<Listed>(fresh, ['runs', 'list']);
    expect(summaries.runs.map((r) => r.record.id)).toEqual([...ids].reverse());
    expect(summaries.runs[0]!.record).not.toHaveProperty('params');
    expect(summaries.runs[0]!.record.evaluation).toMatchObject({
      metrics: { roc_auc: { value: expect.any(Number) } },
    });
    // ... and --full the whole records.
    const listed = await json<Listed>(fresh, ['runs', 'list', '--full']);
    expect(listed.runs.map((r) => r.record.id)).toEqual([...ids].reverse());
    expect(listed.runs.map((r) => r.record.params.C)).toEqual([2, 3, 1]);
    // evaluate attached its evaluation to each run: run.json beside the model, and the ref.
    listed.runs.forEach((r) => {
      const local = JSON.parse(
        readFileSync(join(outs[ids.indexOf(r.record.id)]!, 'run.json'), 'utf8'),
      );
      expect(r.record.evaluation).toEqual(local.evaluation);
      expect(Object.keys(local.evaluation.metrics)).toContain('roc_auc');
    });
    const shown = await json<{ record: Record<string, unknown> }>(fresh, [
      'runs',
      'show',
      ids[1]!.slice(-6),
    ]);
    expect(shown.record).toEqual(
      JSON.parse(git(trainer, 'show', `refs/modelci/runs/churn/${ids[1]}:run.json`)),
    );

    const text = await modelci(fresh, ['runs', 'compare', ...ids]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\* C +1 +3 +2$/m);
    // Every run copies the same model file: the evaluations agree, the params differ.
    expect(text.stdout).toMatch(/^ {2}accuracy ↑ +0\.9\d* \[/m);
    expect(text.stdout).toContain(
      'metrics (evaluation; Δ against the first run; significant at α = 0.05)',
    );
    const cmp = await json<{
      runs: { id: string }[];
      params: { key: string; values: string[] }[];
      metrics: { key: string; source: string }[];
    }>(fresh, ['runs', 'compare', ...ids]);
    expect(cmp.runs.map((r) => r.id)).toEqual(ids);
    expect(cmp.params.find((p) => p.key === 'C')!.values).toEqual(['1', '3', '2']);
    expect(cmp.metrics.find((m) => m.key === 'accuracy')!.source).toBe('evaluation');
  });
});

describe('runs list', () => {
  it('filters, sorts by a metric, limits; refs that are not runs are reported, not fatal', async () => {
    // The C each run was trained with (ids are in training order: C = 1, 3, 2).
    const ids3 = (l: Listed) => l.runs.map((r) => [1, 3, 2][ids.indexOf(r.record.id)]);
    expect(ids3(await json<Listed>(trainer, ['runs', 'list', '--sort', 'train.accuracy']))).toEqual(
      [3, 2, 1],
    );
    expect(
      ids3(
        await json<Listed>(trainer, [
          'runs',
          'list',
          '--sort',
          'train.accuracy:asc',
          '--limit',
          '2',
        ]),
      ),
    ).toEqual([1, 2]);
    expect(
      ids3(await json<Listed>(trainer, ['runs', 'list', '--where', 'train.accuracy>0.915'])),
    ).toEqual([2, 3]);
    expect(ids3(await json<Listed>(trainer, ['runs', 'list', '--tag', 'baseline']))).toEqual([1]);
    expect(ids3(await json<Listed>(trainer, ['runs', 'list', '--branch', 'other']))).toEqual([]);
    const head = git(trainer, 'rev-parse', 'HEAD').trim();
    expect(
      ids3(
        await json<Listed>(trainer, [
          'runs',
          'list',
          '--commit',
          head.slice(0, 8),
          '--since',
          '1d',
        ]),
      ),
    ).toEqual([2, 3, 1]);

    const junk = clone(origin);
    await modelci(junk, ['runs', 'fetch']);
    const b = git(junk, 'rev-parse', 'HEAD:README.md').trim();
    git(junk, 'update-ref', 'refs/modelci/runs/churn/20260101-000000-000000', b);
    const tree = git(junk, 'rev-parse', 'HEAD^{tree}').trim();
    const c = git(junk, 'commit-tree', tree, '-m', 'not a run').trim();
    git(junk, 'update-ref', 'refs/modelci/runs/churn/20260101-000000-000001', c);
    const r = await modelci(junk, ['runs', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'modelci runs: warning: refs/modelci/runs/churn/20260101-000000-000000: points at a blob, not a run commit\n' +
        'modelci runs: warning: refs/modelci/runs/churn/20260101-000000-000001: the commit message holds no run record\n',
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect((await json<Listed>(junk, ['runs', 'list'])).problems).toHaveLength(2);
  });

  it('--output writes the list JSON; options of other subcommands are usage errors', async () => {
    const file = join(tempDir('modelci-list-'), 'base-runs.json');
    const r = await modelci(trainer, ['runs', 'list', '--branch', 'main', '--output', file]);
    expect(r.code).toBe(0);
    const bad = await modelci(trainer, ['runs', 'show', 'latest', '--sort', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('modelci runs: error: --sort does not apply to runs show\n');
    const table = await modelci(trainer, ['runs', 'list', '--full']);
    expect(table.code).toBe(2);
    expect(table.stderr).toBe(
      'modelci runs: error: --full needs --json or --output. The table shows summaries only\n',
    );
    const none = await modelci(trainer, ['runs', 'compare', ids[0]!]);
    expect(none.stderr).toBe('modelci runs: error: runs compare needs two or more runs\n');
    const where = await modelci(trainer, ['runs', 'list', '--where', 'accuracy=>1']);
    expect(where.code).toBe(1);
    expect(where.stderr).toMatch(/--where: "accuracy=>1" is not <metric><op><number>/);
  });
});

describe('runs tag', () => {
  it('two clones tag one run at once and push: both tags end up on origin', async () => {
    const one = clone(origin);
    const two = clone(origin);
    await Promise.all([modelci(one, ['runs', 'fetch']), modelci(two, ['runs', 'fetch'])]);
    const [a, b] = await Promise.all([
      modelci(one, ['runs', 'tag', ids[2]!, 'candidate', '--push']),
      modelci(two, ['runs', 'tag', ids[2]!, 'reviewed', '--note', 'looked fine', '--push']),
    ]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, '']);
    const check = clone(origin);
    await modelci(check, ['runs', 'fetch']);
    const shown = await json<{ record: { tags: string[]; note?: string } }>(check, [
      'runs',
      'show',
      ids[2]!,
    ]);
    expect(shown.record.tags.sort()).toEqual(['candidate', 'reviewed']);
    expect(shown.record.note).toBe('looked fine');
    // The run's ref keeps its history: trained, evaluated, then the two tags.
    expect(
      git(check, 'log', '--format=%s', `refs/modelci/runs/churn/${ids[2]}`).trim().split('\n'),
    ).toHaveLength(4);
    // Tagging again is a no-op; removing works.
    expect((await modelci(check, ['runs', 'tag', ids[2]!, 'candidate'])).stdout).toMatch(
      /: unchanged;/,
    );
    const removed = await json<{ removed: string[]; tags: string[] }>(check, [
      'runs',
      'tag',
      ids[2]!,
      'candidate',
      '--remove',
    ]);
    expect(removed).toMatchObject({ removed: ['candidate'], tags: ['reviewed'] });
    expect((await modelci(check, ['runs', 'tag', ids[2]!, 'no good'])).stderr).toBe(
      'modelci runs: error: invalid run tag "no good". Use up to 64 letters, digits, ".", "_" and "-", starting with a letter or digit\n',
    );
  });
});

describe('runs gc', () => {
  it('keeps tagged and registered runs, removes the rest here and on origin', async () => {
    const repo = clone(origin);
    await modelci(repo, ['runs', 'fetch']);
    // A registered version naming the second run.
    const dir = join(repo, 'registry/churn/versions');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '1.0.0.yaml'),
      [
        'schema: modelci/version@1',
        'model: churn',
        'version: 1.0.0',
        `artifact: { uri: "file:///m.onnx", sha256: ${'a'.repeat(64)}, bytes: 1, format: onnx }`,
        `lineage: { run: ${ids[1]} }`,
        'created_at: "2026-01-01T00:00:00Z"',
        'created_by: tester',
        '',
      ].join('\n'),
    );
    const dry = await json<{ removed: { id: string }[]; kept_because: Record<string, number> }>(
      repo,
      ['runs', 'gc', '--keep-last', '0', '--older-than', '0d', '--dry-run'],
    );
    // Untagged runs no version names go (ids[2] is tagged when the race above ran first).
    const listed = await json<Listed>(repo, ['runs', 'list']);
    const expected = listed.runs
      .filter((r) => !r.record.tags.length && r.record.id !== ids[1])
      .map((r) => r.record.id);
    expect(dry.removed.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(dry.kept_because.registered).toBe(1);
    expect(runRefs(repo).size).toBe(3);
    // A fresh untagged run that gc removes, here and on origin.
    writeFileSync(join(repo, 'modelci.yaml'), config({ C: 9 }));
    const t = await modelci(repo, [
      'train',
      '--push',
      '--output-dir',
      join(tempDir('modelci-out-'), 'x'),
    ]);
    const newId = /run (\S+)/.exec(t.stdout)![1]!;
    const gc = await json<{ removed: { id: string }[] }>(repo, [
      'runs',
      'gc',
      '--keep-last',
      '0',
      '--older-than',
      '0d',
      '--push',
    ]);
    expect(gc.removed.map((r) => r.id)).toContain(newId);
    expect([...runRefs(repo).keys()].some((k) => k.endsWith(newId))).toBe(false);
    expect([...runRefs(origin).keys()].some((k) => k.endsWith(newId))).toBe(false);
    expect([...runRefs(origin).keys()].some((k) => k.endsWith(ids[0]!))).toBe(true);
    expect([...runRefs(origin).keys()].some((k) => k.endsWith(ids[1]!))).toBe(true);
  });
});
