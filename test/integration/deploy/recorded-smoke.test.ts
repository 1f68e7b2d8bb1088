import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDeploy } from '../../../src/commands/deploy.js';
import { parseSmokeSamples } from '../../../src/core/deploy/smoke-samples.js';
import { startTestServer, type TestServer } from '../../harness/model-server.js';
import { clone, gitEnv, makeOrigin } from '../registry/git-fixture.js';
import { rng } from '../../harness/random.js';
import { builtBundle } from '../../harness/bundles.js';

// Smoke samples from evaluation to deployment, with the real bundles: `evaluate --smoke-samples`
// records the candidate's answers, `register --smoke-samples` stores them with the version, and
// deploy (no samples configured) checks the deployed server answers the same, or rolls back.

const run = promisify(execFile);
const CLI = builtBundle('dist/cli/index.js');
let repo: string;
let t: TestServer | undefined;

async function modelci(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], { cwd: repo, env: gitEnv, maxBuffer: 1 << 26 });
}

function data(n: number, seed: number): string {
  const r = rng(seed);
  const lines = ['x1,x2,y'];
  for (let i = 0; i < n; i++) {
    const x1 = r() * 4 - 2;
    const x2 = r() * 4 - 2;
    lines.push(`${x1.toFixed(3)},${x2.toFixed(3)},${x1 + x2 + (r() - 0.5) > 0 ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  repo = clone(makeOrigin());
  writeFileSync(join(repo, 'train.csv'), data(200, 1));
  writeFileSync(join(repo, 'holdout.csv'), data(100, 2));
  writeFileSync(
    join(repo, 'modelci.yaml'),
    `version: 1
models:
  churn:
    task: binary
    data: { train: train.csv, holdout: holdout.csv, label: y }
    train: { trainer: logistic-regression, seed: 1 }
    evaluate: { bootstrap: { resamples: 0 } }
`,
  );
  await modelci('train', '--name', 'churn', '--output-dir', 'out');
  const { stderr } = await modelci(
    'evaluate',
    '--name',
    'churn',
    '--model',
    'out/model.onnx',
    '--out',
    'out/report.json',
    '--smoke-samples',
    'out/smoke.jsonl',
    '--smoke-count',
    '5',
  );
  expect(stderr).toMatch(/5 smoke samples -> out\/smoke\.jsonl/);
  await modelci(
    'register',
    '--model',
    'churn',
    '--artifact',
    'out/model.onnx',
    '--report',
    'out/report.json',
    '--smoke-samples',
    'out/smoke.jsonl',
    '--version',
    '1.0.0',
  );
  await modelci('promote', '--model', 'churn', '--version', '1.0.0', '--stage', 'staging');
}, 120_000);

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('smoke samples recorded at evaluation', () => {
  it('evaluate records single-row requests of the first rows with the model outputs', () => {
    const samples = parseSmokeSamples(readFileSync(join(repo, 'out/smoke.jsonl'), 'utf8'), 'smoke');
    expect(samples).toHaveLength(5);
    const first = readFileSync(join(repo, 'holdout.csv'), 'utf8').split('\n')[1]!.split(',');
    expect(samples[0]!.inputs).toEqual([
      {
        name: 'float_input',
        shape: [1, 2],
        datatype: 'FP32',
        data: [Number(first[0]), Number(first[1])],
      },
    ]);
    const p = samples[0]!.outputs.probabilities!;
    expect(p).toHaveLength(2);
    expect((p[0] as number) + (p[1] as number)).toBeCloseTo(1, 6);
    expect(samples[0]!.outputs.label).toEqual([(p[1] as number) >= 0.5 ? 1 : 0]);
  });

  it('register stores them with the version; deploy checks the server answers the same', async () => {
    const stored = join(repo, 'registry/churn/smoke/1.0.0.jsonl');
    expect(readFileSync(stored, 'utf8')).toBe(readFileSync(join(repo, 'out/smoke.jsonl'), 'utf8'));
    t = await startTestServer({ allowModelDirs: [repo] });
    const r = await runDeploy({
      model: 'churn',
      environment: 'staging',
      registryDir: join(repo, 'registry'),
      config: { url: t.url },
      cwd: repo,
    });
    expect(r.outcome).toBe('success');
    const predictions = r.smoke!.checks.find((c) => c.name === 'predictions');
    expect(predictions).toMatchObject({ passed: true });
    expect(predictions!.detail).toMatch(/^5 predictions match the recorded outputs/);
  });

  it('a served model that answers differently fails the smoke test', async () => {
    const stored = join(repo, 'registry/churn/smoke/1.0.0.jsonl');
    const original = readFileSync(stored, 'utf8');
    // What a different model would have answered: the recorded labels flipped.
    writeFileSync(
      stored,
      original
        .trim()
        .split('\n')
        .map((l) => {
          const s = JSON.parse(l);
          s.outputs = { label: s.outputs.label.map((x: number) => 1 - x) };
          return JSON.stringify(s);
        })
        .join('\n') + '\n',
    );
    try {
      t = await startTestServer({ allowModelDirs: [repo] });
      const r = await runDeploy({
        model: 'churn',
        environment: 'staging',
        registryDir: join(repo, 'registry'),
        config: { url: t.url },
        cwd: repo,
      });
      expect(r.outcome).not.toBe('success');
      expect(r.failure).toMatch(/smoke test failed: predictions: 5 of 5 predictions differ/);
    } finally {
      writeFileSync(stored, original);
    }
  });

  it('register refuses a broken samples file before writing anything', async () => {
    writeFileSync(join(repo, 'out/bad.jsonl'), '{"inputs": []}\n');
    await expect(
      modelci(
        'register',
        '--model',
        'churn',
        '--artifact',
        'out/model.onnx',
        '--smoke-samples',
        'out/bad.jsonl',
        '--version',
        '1.0.1',
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/out\/bad\.jsonl.*"inputs" must be a non-empty list/),
    });
    expect(() => readFileSync(join(repo, 'registry/churn/versions/1.0.1.yaml'))).toThrow();
  });
});
