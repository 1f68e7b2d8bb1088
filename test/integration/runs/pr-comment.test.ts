// Runs in the pull request and in the registry, on real git and real models: main trains and
// evaluates (the built-in logistic regression on the breast cancer data) and pushes its run; two
// pull requests change a param each; their comments say what changed and whether it mattered;
// the version registered from main's model names its run.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectGfm } from '../../harness/github-markdown.js';
import { tempDir } from '../../harness/temp.js';
import {
  clone,
  git,
  modelci,
  ok,
  pullRequest,
  trainAndEvaluate,
  trainerOrigin,
} from './project.js';

let origin: string;
let main: string;
let mainRun: { id: string; file: string };
const PR_ENV = { GITHUB_BASE_REF: 'main' };

beforeAll(async () => {
  origin = trainerOrigin();
  main = clone(origin);
  mainRun = await trainAndEvaluate(main, { push: true });
}, 300_000);

describe('the pull request comment says what changed since the base branch and whether it mattered', () => {
  it('two PRs with different params: each names its change; a strong one is significantly worse, a small one is not', async () => {
    const strong = pullRequest(origin, 'smaller-c', 0.001);
    const strongRun = await trainAndEvaluate(strong);
    const a = await ok(strong, ['comment', '--run', strongRun.file, '--fetch-runs'], PR_ENV);
    const small = pullRequest(origin, 'larger-c', 2);
    const smallRun = await trainAndEvaluate(small);
    const b = await ok(small, ['comment', '--run', smallRun.id, '--fetch-runs'], PR_ENV);

    for (const [md, run, C] of [
      [a, strongRun, '0.001'],
      [b, smallRun, '2'],
    ] as const) {
      expect(md).toContain("#### What changed since **main**'s latest run");
      expect(md).toContain(`This PR's run \`${run.id}\``);
      expect(md).toContain(`against **main** run \`${mainRun.id}\``);
      // Exactly what changed: C, and nothing else (same data, same trainer, same max_iter).
      const changed = md.split('\n').filter((l) => /^\| (param|data|code) · /.test(l));
      expect(changed).toEqual([`| param · C | 1 | ${C} |`]);
      expect(md).toContain('<sub>Unchanged: 1 params, 3 data sets,');
      // The history chart comes from main's runs: main's commit, then this PR.
      const chart = inspectGfm(md).mermaid[0]!;
      expect(chart).toContain(
        `x-axis ["${git(main, 'rev-parse', '--short=7', 'HEAD').trim()}", "this PR"]`,
      );
      expect(inspectGfm(md).badRows).toEqual([]);
    }
    const roc = (md: string) =>
      md.split('\n').find((l) => l.startsWith('| roc\\_auc <sub>holdout'))!;
    const acc = (md: string) =>
      md.split('\n').find((l) => l.startsWith('| accuracy <sub>holdout'))!;
    // C = 0.001 regularises the model into missing malignant cases: worse beyond the intervals.
    expect(acc(a)).toMatch(/ \| -0\.\d+ \| ❌ worse \(p [<=] [\d.]+, intervals\) \|$/);
    expect(roc(a)).toMatch(/❌ worse/);
    // C = 2 moves roc_auc by a few 1e-4: within the intervals, no verdict of better or worse.
    expect(roc(b)).toMatch(/➖ no significant change \(p = 0\.\d+, intervals\) \|$/);
    // (Latency is timed on this machine at two moments: it may differ beyond its intervals.)
    const quality = b.split('\n').filter((l) => /<sub>holdout/.test(l) && !/latency/.test(l));
    expect(quality.length).toBeGreaterThan(5);
    for (const row of quality) expect(row).not.toMatch(/✅|❌/);
  });

  it('a base branch without runs is said, not fatal; a run of another model is refused', async () => {
    const pr = pullRequest(origin, 'no-base', 2);
    const run = await trainAndEvaluate(pr);
    const md = await ok(pr, ['comment', '--run', run.file, '--no-fetch-runs'], {
      GITHUB_BASE_REF: 'release',
    });
    expect(md).toContain(`No run of **release** to compare this PR's run \`${run.id}\` @ `);
    const other = join(tempDir('modelci-run-'), 'run.json');
    writeFileSync(
      other,
      git(main, 'show', `refs/modelci/runs/churn/${mainRun.id}:run.json`).replace(
        /"model_name": "churn"/,
        '"model_name": "fraud"',
      ),
    );
    const r = await modelci(pr, ['comment', '--run', other, '--no-fetch-runs'], PR_ENV);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/run \S+ trained model "fraud", not "churn"/),
    ]);
  });
});

describe('registry lineage: which run, which data, which params', () => {
  it('register records the run beside the artifact; registry show reads the run back', async () => {
    const artifact = join(mainRun.file, '..', 'model.onnx');
    const reg = await modelci(main, ['register', '--model', 'churn', '--artifact', artifact]);
    expect(reg.code).toBe(0);
    expect(reg.stderr).toContain(`the artifact was trained by run ${mainRun.id}`);
    const shown = JSON.parse(await ok(main, ['registry', 'show', 'churn', '--json'])) as {
      version: { lineage: { run: string }; params: unknown; training_data: { sha256: string } };
      run: { id: string; ref: string; params: unknown; data: { train: { sha256: string } } };
    };
    const record = JSON.parse(git(main, 'show', `refs/modelci/runs/churn/${mainRun.id}:run.json`));
    expect(shown.version.lineage.run).toBe(mainRun.id);
    expect(shown.version.params).toEqual(record.params);
    expect(shown.version.training_data.sha256).toBe(record.data.train.sha256);
    expect(shown.run).toMatchObject({
      id: mainRun.id,
      ref: `refs/modelci/runs/churn/${mainRun.id}`,
      status: 'succeeded',
      params: record.params,
      data: record.data,
    });
    // A fresh clone names the run and says how to get it.
    git(main, 'push', '--quiet', 'origin', 'HEAD:main');
    const fresh = clone(origin);
    const far = JSON.parse(await ok(fresh, ['registry', 'show', 'churn', '--json'])) as {
      run: { id: string; missing: string };
    };
    expect(far.run).toEqual({
      id: mainRun.id,
      missing: 'not among the runs here: `modelci runs fetch` brings them from origin',
    });
    // A run named explicitly must have written this artifact.
    const wrong = await modelci(main, [
      'register',
      '--model',
      'churn',
      '--artifact',
      resolve('test/fixtures/onnx/bc_logreg_c001.onnx'),
      '--run',
      mainRun.id,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(new RegExp(`run ${mainRun.id} trained another model`));
  });
});
