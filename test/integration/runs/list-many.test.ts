// `modelci runs list` over more runs than a terminal shows, with the bundled CLI on real git:
// the table gives the newest 50 and says how many matched (every run is still listed, sorted and
// counted), --all and --json give every one, and what is printed is what the run commits hold.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommitMessage } from '../../../src/core/runs/message.js';
import type { RunRecord } from '../../../src/core/runs/record.js';
import { runSummary } from '../../../src/core/runs/summary.js';
import { tempDir } from '../../harness/temp.js';
import { record } from '../../unit/runs/fixture.js';
import { gitEnv, modelci } from './project.js';

const TOTAL = 120;
let repo: string;
const runs: RunRecord[] = [];

/** Runs as `train` writes them (a root commit each, run.json and the summary in the message). */
beforeAll(() => {
  repo = tempDir('modelci-list-many-');
  execFileSync('git', ['init', '--quiet', '-b', 'main', repo], { env: gitEnv });
  const parts: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const started = new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString();
    const stamp = `${started.slice(0, 10).replace(/-/g, '')}-${started.slice(11, 19).replace(/:/g, '')}`;
    const r = record({
      id: `${stamp}-${i.toString(16).padStart(6, '0')}`,
      model_name: i % 3 ? 'churn' : 'fraud',
      started_at: started,
      status: i % 7 ? 'succeeded' : 'failed',
      code: { commit: i.toString(16).padStart(40, '0'), dirty: false, branch: `b${i % 4}` },
      metrics: { accuracy: i / TOTAL },
      tags: i % 10 ? [] : ['tenth'],
    });
    runs.push(r);
    const blob = JSON.stringify(r);
    const message = runCommitMessage(r);
    parts.push(
      `blob\nmark :${2 * i + 1}\ndata ${Buffer.byteLength(blob)}\n${blob}\n`,
      `commit refs/modelci/runs/${r.model_name}/${r.id}\nmark :${2 * i + 2}\n`,
      `committer t <t@example.com> 1767225600 +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}\nM 100644 :${2 * i + 1} run.json\n\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: repo,
    env: gitEnv,
    input: parts.join(''),
  });
}, 60_000);

const acc = (r: RunRecord) => (r.metrics as { accuracy: number }).accuracy;
const newest = () => [...runs].sort((a, b) => (a.started_at < b.started_at ? 1 : -1));
const tableIds = (stdout: string) =>
  stdout
    .split('\n')
    .slice(1)
    .filter((l) => /^\d{8}-/.test(l))
    .map((l) => l.split(/\s+/)[0]);

describe('runs list over many runs', () => {
  it('the table: the newest 50 and a footer with the count; --all every run; --limit as asked', async () => {
    const first = await modelci(repo, ['runs', 'list']);
    expect(first.code).toBe(0);
    expect(tableIds(first.stdout)).toEqual(
      newest()
        .slice(0, 50)
        .map((r) => r.id),
    );
    expect(first.stdout.trimEnd().split('\n').at(-1)).toBe(
      `(50 of ${TOTAL} runs shown; --all shows every one)`,
    );
    // The same once the index exists (the first listing built it).
    expect((await modelci(repo, ['runs', 'list'])).stdout).toBe(first.stdout);
    const all = await modelci(repo, ['runs', 'list', '--all']);
    expect(tableIds(all.stdout)).toEqual(newest().map((r) => r.id));
    expect(all.stdout).not.toContain('runs shown');
    expect(tableIds((await modelci(repo, ['runs', 'list', '--limit', '3'])).stdout)).toEqual(
      newest()
        .slice(0, 3)
        .map((r) => r.id),
    );
    const both = await modelci(repo, ['runs', 'list', '--all', '--limit', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('modelci runs: error: --all and --limit contradict each other\n');
  });

  it('filters and a metric sort read every summary; the first 50 of what matches are shown', async () => {
    const r = await modelci(repo, ['runs', 'list', '--tag', 'tenth', '--sort', 'accuracy']);
    const tenth = runs.filter((x) => x.tags.includes('tenth'));
    expect(tableIds(r.stdout)).toEqual([...tenth].sort((a, b) => acc(b) - acc(a)).map((x) => x.id));
    const churn = await modelci(repo, ['runs', 'list', '--model', 'churn', '--status', 'failed']);
    expect(tableIds(churn.stdout)).toEqual(
      newest()
        .filter((x) => x.model_name === 'churn' && x.status === 'failed')
        .map((x) => x.id),
    );
  });

  it('--json: every run, one per line, each record the summary its commit holds', async () => {
    const r = await modelci(repo, ['runs', 'list', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // `{"runs":[`, a line per run, `],`, `"matched":…,`, `"problems":[]}`.
    expect(lines).toHaveLength(TOTAL + 4);
    expect(lines.slice(1, -3).every((l) => l.startsWith(`{"ref":`))).toBe(true);
    const listed = JSON.parse(r.stdout) as {
      runs: { ref: string; commit: string; record: unknown }[];
      matched: number;
      problems: unknown[];
    };
    expect(listed.matched).toBe(TOTAL);
    expect(listed.problems).toEqual([]);
    expect(listed.runs.map((x) => x.ref)).toEqual(
      newest().map((x) => `refs/modelci/runs/${x.model_name}/${x.id}`),
    );
    for (const x of listed.runs) {
      const id = x.ref.split('/').at(-1);
      expect(x.record).toEqual(runSummary(runs.find((y) => y.id === id)!));
      expect(x.commit).toBe(
        execFileSync('git', ['rev-parse', x.ref], { cwd: repo, env: gitEnv }).toString().trim(),
      );
    }
    const limited = JSON.parse(
      (await modelci(repo, ['runs', 'list', '--json', '--limit', '2'])).stdout,
    ) as {
      runs: unknown[];
      matched: number;
    };
    expect(limited.runs).toHaveLength(2);
    expect(limited.matched).toBe(TOTAL);
  });

  it('show and compare name runs among many by id, prefix, random part or latest', async () => {
    const [a, b, c] = newest();
    const shown = await modelci(repo, ['runs', 'show', a!.id.slice(0, 15), '--json']);
    expect(shown.code).toBe(0);
    expect((JSON.parse(shown.stdout) as { record: RunRecord }).record).toEqual(a);
    const text = await modelci(repo, ['runs', 'show', a!.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`# refs/modelci/runs/${a!.model_name}/${a!.id} (commit `);
    expect(text.stdout).toContain(`\nid: ${a!.id}\n`);
    const latest = await modelci(repo, ['runs', 'show', 'latest', '--model', 'fraud', '--json']);
    expect((JSON.parse(latest.stdout) as { record: RunRecord }).record.id).toBe(
      newest().find((x) => x.model_name === 'fraud')!.id,
    );
    const compared = await modelci(repo, [
      'runs',
      'compare',
      a!.id,
      `${b!.model_name}/${b!.id}`,
      c!.id.slice(-6),
      '--json',
    ]);
    expect(compared.code).toBe(0);
    expect(
      (JSON.parse(compared.stdout) as { runs: { id: string }[] }).runs.map((r) => r.id),
    ).toEqual([a!.id, b!.id, c!.id]);
    const ambiguous = await modelci(repo, ['runs', 'show', '2026']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/run "2026" is ambiguous: \S+\/2026\d{4}-/);
  });
});
