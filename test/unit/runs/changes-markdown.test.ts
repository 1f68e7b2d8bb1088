import { describe, expect, it } from 'vitest';
import { baselineRunLine, renderRunChanges } from '../../../src/core/runs/changes-markdown.js';
import type { RunEvaluation, RunRecord } from '../../../src/core/runs/record.js';
import { inspectGfm } from '../../harness/github-markdown.js';
import { record } from './fixture.js';

const HOLDOUT = { path: 'h.csv', sha256: 'h'.repeat(64), bytes: 100, rows: 500, label: 'y' };
const TRAIN = { path: 't.csv', sha256: 't'.repeat(64), bytes: 1000, rows: 4000 };

function run(id: string, over: Partial<RunRecord>, metrics?: RunEvaluation['metrics']): RunRecord {
  return record({
    id,
    data: { train: TRAIN, holdout: HOLDOUT },
    ...(metrics
      ? {
          evaluation: {
            dataset: HOLDOUT,
            metrics,
            confidence: 0.95,
            evaluated_at: '2026-01-02T04:00:00Z',
          },
        }
      : {}),
    ...over,
  });
}

const base = run(
  '20260102-030405-aaaaaa',
  {
    params: { C: 1, max_iter: 100, solver: 'lbfgs' },
    code: {
      commit: '1'.repeat(40),
      dirty: false,
      branch: 'main',
      files: { 'train.py': 'a'.repeat(40) },
    },
    ci: { run_url: 'https://github.com/o/r/actions/runs/11' },
    metrics: { train_loss: 0.2 },
  },
  {
    // Intervals on the same holdout: log_loss far apart (significant), accuracy overlapping.
    accuracy: { value: 0.9, ci: [0.87, 0.93] },
    log_loss: { value: 0.25, ci: [0.23, 0.27] },
  },
);

describe('the PR comment: what changed since the base branch', () => {
  it('lists only what differs (params, data, code), the unchanged counted, the runs linked', () => {
    const head = run(
      '20260103-091500-bbbbbb',
      {
        params: { C: 0.01, max_iter: 100, solver: 'lbfgs' },
        data: { train: { ...TRAIN, sha256: 'u'.repeat(64), rows: 4800 }, holdout: HOLDOUT },
        code: {
          commit: '2'.repeat(40),
          dirty: false,
          branch: 'pr',
          files: { 'train.py': 'b'.repeat(40) },
        },
        metrics: { train_loss: 0.3 },
      },
      { accuracy: { value: 0.89, ci: [0.86, 0.92] }, log_loss: { value: 0.4, ci: [0.37, 0.43] } },
    );
    const md = renderRunChanges(base, head, { baseBranch: 'main', primaryMetric: 'log_loss' });
    expect(md).toContain("#### What changed since **main**'s latest run");
    expect(md).toContain(
      "This PR's run `20260103-091500-bbbbbb` @ 2222222 against **main** run [`20260102-030405-aaaaaa`](https://github.com/o/r/actions/runs/11) @ 1111111.",
    );
    expect(md).toContain('| param · C | 1 | 0.01 |');
    expect(md).toContain(
      `| data · train | sha256 tttttttttttt · 4000 rows | sha256 uuuuuuuuuuuu · 4800 rows |`,
    );
    expect(md).toContain(`| code · file train.py | ${'a'.repeat(12)} | ${'b'.repeat(12)} |`);
    expect(md).not.toMatch(/param · (max_iter|solver)/);
    // The commit always differs between a base run and a PR's: it is in the sentence, not a row.
    expect(md).not.toContain('code · commit');
    expect(md).toContain('<sub>Unchanged: 2 params, 2 data sets,');
    expect(md).not.toContain('Same params');
    // The primary metric leads; verdicts only where a test decides.
    const lines = md.split('\n').filter((l) => /^\| (log\\_loss|accuracy|train\\_loss)/.test(l));
    expect(lines[0]).toMatch(
      /^\| log\\_loss <sub>holdout<\/sub> \| 0\.25 \| 0\.4 \| \+0\.15 \| ❌ worse \(p [<=] /,
    );
    expect(lines[0]).toContain('intervals)');
    expect(lines[1]).toMatch(
      /^\| accuracy <sub>holdout<\/sub> \| 0\.9 \| 0\.89 \| -0\.01 \| ➖ no significant change/,
    );
    expect(lines[2]).toBe(
      '| train\\_loss <sub>training</sub> | 0.2 | 0.3 | +0.1 | no test (training metric) |',
    );
    expect(inspectGfm(md).badRows).toEqual([]);
  });

  it('says so when nothing differs but the code commit', () => {
    const head = run(
      '20260103-091500-cccccc',
      { params: base.params, code: { ...base.code, commit: '3'.repeat(40), branch: 'pr' } },
      base.evaluation!.metrics,
    );
    const md = renderRunChanges(base, head, { baseBranch: 'main' });
    expect(md).toContain('**Same params, data and training code** as the base run.');
    expect(md).toMatch(
      /\| accuracy <sub>holdout<\/sub> \| 0\.9 \| 0\.9 \| \+?0 \| ➖ no significant change/,
    );
  });

  it('escapes params from users: no pings, no table breaks, no HTML, no links', () => {
    const head = run('20260103-091500-dddddd', {
      params: { C: 1, max_iter: 100, solver: '@octocat | <img src=x> #12 https://evil.example' },
    });
    const md = renderRunChanges(base, head, { baseBranch: 'main' });
    const row = md.split('\n').find((l) => l.startsWith('| param · solver'))!;
    expect(row).toBeDefined();
    expect(row).not.toContain('@octocat');
    expect(row).not.toContain('<img');
    const f = inspectGfm(md);
    expect(f.badRows).toEqual([]);
    expect(f.autolinks).toEqual([]);
    expect(f.html.every((h) => /^<\/?sub>$/.test(h))).toBe(true);
  });
});

describe("the registered baseline's run", () => {
  it('links the run like the PR run, and escapes what came from the registry and the ref', () => {
    expect(baselineRunLine({ version: '1.2.0', stage: 'production', id: base.id, run: base })).toBe(
      `The registered baseline, **production** version \`1.2.0\`, was trained by run [\`${base.id}\`](https://github.com/o/r/actions/runs/11) @ 1111111.`,
    );
    const line = baselineRunLine({
      version: '1.2.0',
      stage: '*prod*',
      id: base.id,
      problem: 'run.json is not JSON (Unexpected token <b> @octocat)',
    });
    expect(line).toContain('**\\*prod\\*** version');
    expect(line).not.toContain('<b>');
    expect(line).not.toMatch(/(^|[^`])@octocat/);
    expect(inspectGfm(line).badRows).toEqual([]);
    expect(baselineRunLine({ version: '0.1.0', id: base.id })).toBe(
      `The registered baseline, version \`0.1.0\`, was trained by run \`${base.id}\` (not among the runs here: \`modelci runs fetch\` brings it).`,
    );
  });
});
