// The progressive canary of the deploy action against a real server taking traffic: a version
// that fails requests is aborted at its first step (weight back to 0, the Deployment failed with the
// reason); a good one goes through every step and becomes the stable version.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.js';
import { runDeploy } from '../../../src/commands/deploy.js';
import { attr, buildOnnxModel } from '../../../src/onnx/build.js';
import { PredictionLog } from '../../../src/serve/prediction-log.js';
import { ModelServer } from '../../../src/serve/server.js';
import { startGitHubServer } from '../../harness/github/index.js';
import {
  CLASSIFIER_V1,
  linearClassifierOnnx,
  predictClassifier,
} from '../../harness/onnx-models.js';
import { rng } from '../../harness/random.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

const REPO = 'acme/models';

/**
 * The classifier with a bug on some inputs: its answers are CLASSIFIER_V1's, but a request whose
 * first feature is above 0.8 (30% of the traffic below) makes a Gather index out of bounds, and
 * onnxruntime fails the run (the server answers 500).
 */
function failsOnSomeInputs(): Uint8Array {
  const W = CLASSIFIER_V1.weights;
  return buildOnnxModel(
    {
      name: 'flaky',
      initializers: [
        { name: 'W', type: 'float', dims: [4, 2], values: W.flat() },
        { name: 'B', type: 'float', dims: [2], values: CLASSIFIER_V1.bias },
        { name: 'starts', type: 'int64', dims: [1], values: [0] },
        { name: 'ends', type: 'int64', dims: [1], values: [1] },
        { name: 'axes', type: 'int64', dims: [1], values: [1] },
        { name: 'limit', type: 'float', dims: [], values: [0.8] },
        { name: 'far', type: 'int64', dims: [], values: [1000] },
        { name: 'table', type: 'float', dims: [2], values: [0, 0] },
      ],
      nodes: [
        { op: 'MatMul', inputs: ['input', 'W'], outputs: ['xw'] },
        { op: 'Add', inputs: ['xw', 'B'], outputs: ['logits'] },
        {
          op: 'Softmax',
          inputs: ['logits'],
          outputs: ['probabilities'],
          attrs: { axis: attr.int(1) },
        },
        {
          op: 'ArgMax',
          inputs: ['logits'],
          outputs: ['label'],
          attrs: { axis: attr.int(1), keepdims: attr.int(0) },
        },
        { op: 'Slice', inputs: ['input', 'starts', 'ends', 'axes'], outputs: ['x0'] },
        { op: 'Greater', inputs: ['x0', 'limit'], outputs: ['over'] },
        // 7: int64. Index 1000 of a 2-element table is out of bounds.
        { op: 'Cast', inputs: ['over'], outputs: ['overInt'], attrs: { to: attr.int(7) } },
        { op: 'Mul', inputs: ['overInt', 'far'], outputs: ['index'] },
        { op: 'Gather', inputs: ['table', 'index'], outputs: ['check'] },
      ],
      inputs: [{ name: 'input', type: 'float', shape: ['batch', 4] }],
      outputs: [
        { name: 'probabilities', type: 'float', shape: ['batch', 2] },
        { name: 'label', type: 'int64', shape: ['batch'] },
        { name: 'check', type: 'float', shape: ['batch', 1] },
      ],
    },
    { opsets: { '': 13 } },
  );
}

let gh: Awaited<ReturnType<typeof startGitHubServer>>;
let ws: string;
let server: ModelServer;
let url: string;
let traffic: { stop(): Promise<number> } | undefined;

/** Clients sending single-row requests with ids until stopped; labels written as they go. */
function sendTraffic(labels: string, prefix: string): { stop(): Promise<number> } {
  let running = true;
  let sent = 0;
  const r = rng(3);
  const client = async (c: number) => {
    while (running) {
      const row = [r() * 4 - 2, r() * 4 - 2, r() * 4 - 2, r() * 4 - 2];
      const id = `${prefix}-c${c}-${sent++}`;
      const res = await fetch(`${url}/v2/models/clf/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          inputs: [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: [row] }],
        }),
      });
      await res.arrayBuffer();
      appendFileSync(labels, `${id},${predictClassifier(CLASSIFIER_V1, row).label}\n`);
    }
  };
  const clients = Promise.all([0, 1, 2, 3].map(client));
  return {
    async stop() {
      running = false;
      await clients;
      return sent;
    },
  };
}

beforeAll(async () => {
  gh = await startGitHubServer();
  ws = tempDir('modelci-rollout-');
  const reg = join(ws, 'registry');
  const v1 = registerVersion(reg, 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
  // 2.0.0 answers as 1.0.0 does (a bias far below float precision of the outputs): a good canary.
  registerVersion(reg, 'clf', '2.0.0', linearClassifierOnnx({ ...CLASSIFIER_V1, bias: [1e-9, 0] }));
  registerVersion(reg, 'clf', '3.0.0', failsOnSomeInputs());
  // Three features where the stable version takes four: the server refuses it as a canary.
  registerVersion(
    reg,
    'clf',
    '4.0.0',
    linearClassifierOnnx({ weights: CLASSIFIER_V1.weights.slice(0, 3), bias: [0, 0] }),
  );
  pointStage(reg, 'clf', 'production', '1.0.0');
  const log = join(ws, 'predictions.jsonl');
  server = new ModelServer({
    port: 0,
    allowModelDirs: [reg],
    predictionLog: new PredictionLog(log),
  });
  await server.load({
    name: 'clf',
    version: '1.0.0',
    file: join(reg, v1.uri.slice('git:'.length)),
  });
  url = await server.listen();
  writeFileSync(join(ws, 'labels.csv'), 'id,label\n');
  writeFileSync(
    join(ws, 'modelci.yaml'),
    stringify({
      version: 1,
      models: { clf: { task: 'binary', primary_metric: 'accuracy' } },
      environments: {
        production: {
          url,
          rollout: {
            steps: [10, 50, 100],
            interval: '400ms',
            min_requests: 5,
            log,
            labels: { file: 'labels.csv', join: 'id', label: 'label' },
            // p95 of a few dozen requests on a shared 2-core runner swings by 100s of ms: these
            // tests decide on errors and predictions; the latency check has its unit tests.
            checks: { latency_slack_ms: 5000 },
          },
        },
        // Metrics only, at one share large enough that a step sees dozens of canary requests:
        // at a 30% error rate, 40 requests without a single 5xx has probability 0.7^40 < 1e-6.
        'production-metrics': {
          url,
          rollout: {
            steps: [50, 100],
            interval: '1s',
            min_requests: 40,
            checks: { latency_slack_ms: 5000 },
          },
        },
      },
    }),
  );
}, 120_000);
afterEach(async () => {
  await traffic?.stop();
  traffic = undefined;
  gh.assertNoViolations();
});
afterAll(async () => {
  await server.close();
  await gh.close();
});

const deployments = () => [...gh.state.repo(REPO).deployments.values()].sort((a, b) => a.id - b.id);

function deploy(version: string, environment = 'production') {
  return runAction('deploy', {
    inputs: { model: 'clf', environment, version },
    apiUrl: gh.url,
    repository: REPO,
    cwd: ws,
  });
}

describe('progressive canary (deploy action)', () => {
  it('plans without touching anything (dry-run)', async () => {
    const r = await runAction('deploy', {
      inputs: { model: 'clf', environment: 'production', version: '2.0.0', 'dry-run': 'true' },
      apiUrl: gh.url,
      repository: REPO,
      cwd: ws,
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.outcome).toBe('planned');
    expect(r.summary).toMatch(
      /Progressive rollout of clf 2\.0\.0 at http:\/\/127\.0\.0\.1:\d+ \(stable: 1\.0\.0\)/,
    );
    expect(r.summary).toMatch(/step 2\/3: canary 50% for 0\.4 s, then check/);
    expect(r.summary).toMatch(/no prediction shift against stable at α = 0\.0167/);
    expect(server.model('clf')!.canary).toBeUndefined();
    expect(deployments()).toHaveLength(0);
  });

  it('prints the plan on the CLI with --dry-run and exits 0', async () => {
    let stdout = '';
    const prev = process.cwd();
    process.chdir(ws);
    let code: number;
    try {
      code = await main(
        [
          'deploy',
          '--model',
          'clf',
          '--environment',
          'production',
          '--version',
          '2.0.0',
          '--dry-run',
        ],
        { stdout: (t) => (stdout += t), stderr: () => {}, isTTY: false, env: {} },
      );
    } finally {
      process.chdir(prev);
    }
    expect(code).toBe(0);
    expect(stdout).toMatch(/: planned/);
    const plan = stdout.slice(stdout.indexOf('~~~\n') + 4, stdout.lastIndexOf('\n~~~'));
    expect(plan.split('\n')).toEqual([
      `Progressive rollout of clf 2.0.0 at ${url} (stable: 1.0.0):`,
      '  step 1/3: canary 10% for 0.4 s, then check',
      '  step 2/3: canary 50% for 0.4 s, then check',
      '  step 3/3: canary 100% for 0.4 s, then check',
      '  then: promote 2.0.0 to stable and remove the canary; any failed check sets the canary weight to 0 and fails the deployment',
      'Checks at each step (3 looks, α 0.0167 each):',
      '  - canary 5xx ratio ≤ 1.0%',
      "  - canary p95 latency ≤ 1.5 × stable's + 5000 ms",
      '  - at least 5 canary requests per step (waits up to 5 intervals)',
      '  - no prediction shift against stable at α = 0.0167',
      '  - A/B on labels (labels.csv): not worse on the primary metric at α = 0.0167',
    ]);
    expect(server.model('clf')!.canary).toBeUndefined();
    expect(deployments()).toHaveLength(0);
  });

  it('aborts a canary that fails 30% of requests at its first step and marks the deployment failed', async () => {
    traffic = sendTraffic(join(ws, 'labels.csv'), 'abort');
    const r = await deploy('3.0.0', 'production-metrics');
    await traffic.stop();
    traffic = undefined;
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({
      version: '3.0.0',
      outcome: 'rolled-back',
      'rolled-back-to': '1.0.0',
    });
    expect(server.model('clf')!.canary).toBeUndefined();
    expect(server.model('clf')!.stable.version).toBe('1.0.0');
    const [d] = deployments();
    expect(d!.environment).toBe('production-metrics');
    const states = d!.statuses.map((s) => s.state);
    expect(states).toEqual(['queued', 'in_progress', 'in_progress', 'failure']);
    expect(d!.statuses[2]!.description).toMatch(
      /^canary 50% \(step 1\/2\): 3\.0\.0 beside 1\.0\.0/,
    );
    expect(d!.statuses[3]!.description).toMatch(
      /^canary aborted, 1\.0\.0 serves: canary 50% \(step 1\/2\) failed: error_ratio: canary 5xx /,
    );
    // Only the error ratio failed, and it is the injected rate (30%, binomial noise on >= 40).
    const row = /^\| 50% \| \*\*fail\*\* \| (.*) \|$/m.exec(r.summary)![1]!;
    const checks = row.split('<br>');
    expect(checks.filter((c) => c.startsWith('**failed**'))).toHaveLength(1);
    const m =
      /\*\*failed\*\* error\\_ratio: canary 5xx ([\d.]+)% \\\(stable 0\.0%; limit 1\.0%\\\)/.exec(
        row,
      );
    expect(m, row).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(10);
    expect(Number(m![1])).toBeLessThan(55);
    const canary = /traffic: (\d+) canary/.exec(row)!;
    expect(Number(canary[1])).toBeGreaterThanOrEqual(40);
  }, 180_000);

  it('stops a canary the server refuses (other inputs) and leaves stable serving', async () => {
    const r = await deploy('4.0.0', 'production-metrics');
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ outcome: 'rolled-back', 'rolled-back-to': '1.0.0' });
    expect(server.model('clf')!.stable.version).toBe('1.0.0');
    expect(server.model('clf')!.canary).toBeUndefined();
    const d = deployments().at(-1)!;
    expect(d.statuses.map((s) => s.state)).toEqual([
      'queued',
      'in_progress',
      'in_progress',
      'failure',
    ]);
    expect(d.statuses.at(-1)!.description).toMatch(
      /^canary aborted, 1\.0\.0 serves: the server at .* refused to load version 4\.0\.0 as a canary: HTTP 400/,
    );
    expect(r.summary).toMatch(
      /cannot serve beside 1\.0\.0: its inputs are input FP32 \\\[-1, 3\\\]/,
    );
  }, 180_000);

  it('goes through every step with a good canary and promotes it', async () => {
    traffic = sendTraffic(join(ws, 'labels.csv'), 'good');
    const r = await deploy('2.0.0');
    await traffic.stop();
    traffic = undefined;
    expect(r.exitCode, r.stdout.slice(-3000)).toBe(0);
    expect(r.outputs).toMatchObject({ version: '2.0.0', outcome: 'success' });
    expect(server.model('clf')!.stable.version).toBe('2.0.0');
    expect(server.model('clf')!.canary).toBeUndefined();
    const d = deployments().at(-1)!;
    const descriptions = d.statuses.map((s) => `${s.state}: ${s.description}`);
    expect(descriptions[0]).toMatch(/^queued/);
    for (const [i, p] of [10, 50, 100].entries()) {
      expect(descriptions).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^in_progress: canary ${p}% \\(step ${i + 1}/3\\): 2\\.0\\.0 beside 1\\.0\\.0`,
          ),
        ),
      );
      expect(descriptions).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^in_progress: canary ${p}% \\(step ${i + 1}/3\\) passed: traffic, error_ratio`,
          ),
        ),
      );
    }
    expect(descriptions.at(-1)).toMatch(/^success: clf 2\.0\.0 is live/);
    // The A/B and prediction shift checks ran on the log at each step (the first deploy's canary
    // rows are of another version: only this rollout's window counts).
    expect(r.summary).toMatch(/prediction\\_shift: predictions did not shift/);
    expect(r.summary).toMatch(/ab: accuracy canary 1 vs stable 1/);
  }, 180_000);

  it('loads the version environments.<env>.shadow names beside the deployed one', async () => {
    const r = await runDeploy({
      model: 'clf',
      environment: 'production',
      version: '2.0.0',
      registryDir: join(ws, 'registry'),
      config: { url, shadow: '#production' },
      cwd: ws,
    });
    expect(r.outcome).toBe('success');
    expect(r.shadow).toEqual({ version: '1.0.0' });
    expect(server.model('clf')!.shadow!.version).toBe('1.0.0');
    const bad = await runDeploy({
      model: 'clf',
      environment: 'production',
      version: '2.0.0',
      registryDir: join(ws, 'registry'),
      config: { url, shadow: '9.9.9' },
      cwd: ws,
    });
    // A shadow only observes: the deployment stands, the result says why there is none.
    expect(bad.outcome).toBe('success');
    expect(bad.shadow).toMatchObject({ failure: expect.stringMatching(/9\.9\.9/) });
  });
});
