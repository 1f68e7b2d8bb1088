import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../harness/runner.js';
import { clone, git, gitEnv, makeOrigin } from '../registry/git-fixture.js';
import { rng } from '../../harness/random.js';
import { builtBundle } from '../../harness/bundles.js';

// The whole path of a stored reference, with the real bundles: train -> evaluate -> register
// (which profiles data.train into registry/<m>/profiles/<v>.json) -> promote -> the drift action
// with no `reference` input, on labelled production windows. Performance is compared with the
// metrics evaluate recorded for the production version.

const run = promisify(execFile);
const CLI = builtBundle('dist/cli/index.js');
let repo: string;

async function modelci(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], {
    cwd: repo,
    env: gitEnv,
    maxBuffer: 1 << 26,
  });
  return stdout;
}

/** x1..x3 ~ N-ish(0,1); y = 1 when x1 + x2 + noise > 0. `wrong`: share of `pred` flipped. */
function rows(n: number, seed: number, withPred?: { wrong: number }): string {
  const r = rng(seed);
  const g = () => r() + r() + r() - 1.5;
  const head = ['x1', 'x2', 'x3', 'y', ...(withPred ? ['pred'] : [])];
  const lines = [head.join(',')];
  for (let i = 0; i < n; i++) {
    const x = [g(), g(), g()];
    const y = x[0]! + x[1]! + 0.3 * g() > 0 ? 1 : 0;
    const cells = [...x.map((v) => v.toFixed(4)), String(y)];
    if (withPred) cells.push(String(r() < withPred.wrong ? 1 - y : y));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  repo = clone(makeOrigin());
  writeFileSync(join(repo, 'train.csv'), rows(300, 1));
  writeFileSync(join(repo, 'holdout.csv'), rows(200, 2));
  writeFileSync(join(repo, 'good.csv'), rows(250, 3, { wrong: 0.03 }));
  writeFileSync(join(repo, 'bad.csv'), rows(250, 4, { wrong: 0.3 }));
  writeFileSync(
    join(repo, 'modelci.yaml'),
    `version: 1
models:
  churn:
    task: binary
    primary_metric: accuracy
    data: { train: train.csv, holdout: holdout.csv, label: y }
    train: { trainer: logistic-regression, seed: 1 }
    evaluate: { bootstrap: { resamples: 0 } }
    # Production takes only a version whose recorded gates passed (registry.require_evaluation).
    gates: { min: { accuracy: 0.7 } }
    drift:
      performance: { prediction: pred, max_drop: { accuracy: '5%' } }
registry:
  stages: [staging, production]
`,
  );
  writeFileSync(join(repo, '.gitignore'), 'out/\n*.csv\nmodelci-drift/\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'project');
  await modelci('train', '--name', 'churn', '--output-dir', 'out');
  await modelci(
    'evaluate',
    '--name',
    'churn',
    '--model',
    'out/model.onnx',
    '--out',
    'out/report.json',
    '--json',
  );
  await modelci(
    'register',
    '--model',
    'churn',
    '--artifact',
    'out/model.onnx',
    '--report',
    'out/report.json',
    '--version',
    '1.0.0',
  );
  // Stages in order (registry.require_previous_stage is on by default).
  for (const stage of ['staging', 'production'])
    await modelci('promote', '--model', 'churn', '--version', '1.0.0', '--stage', stage);
}, 120_000);

async function driftAction(current: string, extra: Record<string, string> = {}) {
  return runAction('drift', {
    inputs: { current, model: 'churn', retrain: 'false', ...extra },
    cwd: repo,
    timeoutMs: 60_000,
  });
}

describe('drift against the profile stored at registration', () => {
  it('register stored the profile of data.train with the version, fingerprinted in its record', () => {
    const file = join(repo, 'registry/churn/profiles/1.0.0.json');
    expect(existsSync(file)).toBe(true);
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    expect(profile.rows).toBe(300);
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(['x1', 'x2', 'x3', 'y']);
    const record = parse(readFileSync(join(repo, 'registry/churn/versions/1.0.0.yaml'), 'utf8'));
    expect(record.reference_profile).toEqual({
      path: 'profiles/1.0.0.json',
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      bytes: readFileSync(file).length,
      data: 'train.csv',
      rows: 300,
    });
    // Committed with the version, in the same commit (before the two promotions).
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD~2')).toMatch(
      /registry\/churn\/profiles\/1\.0\.0\.json/,
    );
  });

  it('a labelled window with worse predictions: performance drift from the registered metrics', async () => {
    const r = await driftAction('bad.csv');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Reference: .*registry\/churn\/profiles\/1\.0\.0\.json/);
    expect(r.outputs['dataset-drifted']).toBe('false');
    expect(r.outputs['performance-drifted']).toBe('true');
    expect(r.outputs.drifted).toBe('true');
    const json = JSON.parse(readFileSync(join(repo, r.outputs.json!), 'utf8'));
    const perf = json.performance;
    expect(perf.reference_source).toBe('registry');
    expect(perf.reference_version).toBe('1.0.0');
    const report = JSON.parse(readFileSync(join(repo, 'out/report.json'), 'utf8'));
    const acc = perf.metrics.find((m: { name: string }) => m.name === 'accuracy');
    expect(acc.reference).toBe(report.metrics.accuracy.value);
    // The current accuracy is the share of rows where pred == y, counted here independently.
    const lines = readFileSync(join(repo, 'bad.csv'), 'utf8').trim().split('\n').slice(1);
    const right = lines.filter((l) => {
      const c = l.split(',');
      return c[3] === c[4];
    }).length;
    expect(acc.current).toBe(right / lines.length);
    expect(acc.drifted).toBe(true);
    expect(r.summary).toMatch(/metrics recorded for version 1\.0\.0/);
    expect(r.summary).toMatch(/\*\*Performance drift\*\*: accuracy/);
    expect(r.stdout).toMatch(
      /artifact service not available: drift-report\.md, drift-report\.json not uploaded/,
    );
  });

  it('a window as good as the holdout: no performance drift', async () => {
    const r = await driftAction('good.csv');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['performance-drifted']).toBe('false');
    expect(r.outputs.drifted).toBe('false');
  });

  it('the CLI resolves the same reference: --model without --reference', async () => {
    const out = JSON.parse(
      await modelci('drift', '--model', 'churn', '--current', 'bad.csv', '--json'),
    );
    expect(out.reference).toMatch(/registry\/churn\/profiles\/1\.0\.0\.json$/);
    expect(out.performance.drifted).toBe(true);
    expect(out.dataset_drifted).toBe(false);
    // Column contract unchanged.
    expect(Object.keys(out.columns[0]).slice(0, 6)).toEqual([
      'name',
      'type',
      'test',
      'statistic',
      'p_value',
      'drifted',
    ]);
  });

  it("labels given on both sides: the reference data's own labelled rows are the reference", async () => {
    const out = JSON.parse(
      await modelci(
        'drift',
        '--reference',
        'good.csv',
        '--current',
        'bad.csv',
        '--model',
        'churn',
        '--json',
      ),
    );
    expect(out.performance.reference_source).toBe('data');
    expect(out.performance.rows).toEqual({ reference: 250, current: 250 });
    expect(out.performance.drifted).toBe(true);
  });

  it('a stored profile edited after registration is refused, one line, no stack', async () => {
    const file = join(repo, 'registry/churn/profiles/1.0.0.json');
    const original = readFileSync(file);
    appendFileSync(file, ' ');
    try {
      const r = await driftAction('good.csv');
      expect(r.exitCode).toBe(1);
      expect(r.stdout + r.stderr).toMatch(
        /stored profile of churn 1\.0\.0 changed since registration/,
      );
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('a version registered without a profile: the error says how to store one', async () => {
    const r = await driftAction('good.csv', { 'reference-version': '0.0.1' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/0\.0\.1/);
    await modelci(
      'register',
      '--model',
      'churn',
      '--artifact',
      'out/model.onnx',
      '--version',
      '2.0.0',
      '--profile-data',
      'none',
    );
    const r2 = await driftAction('good.csv', { 'reference-version': '2.0.0' });
    expect(r2.exitCode).toBe(1);
    expect(r2.stdout + r2.stderr).toMatch(
      /no reference profile stored for churn 2\.0\.0.*--profile-data/,
    );
  });
});
