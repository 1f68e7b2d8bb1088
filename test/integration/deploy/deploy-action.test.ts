import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { recordSmokeSamples } from '../../../src/commands/smoke-samples.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { ACTIONS_TOKEN, startGitHubServer, type GitHubServer } from '../../harness/github/index.js';
import { startTestServer, type TestServer } from '../../harness/model-server.js';
import {
  CLASSIFIER_V1,
  CLASSIFIER_V2,
  linearClassifierOnnx,
  type LinearClassifier,
} from '../../harness/onnx-models.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// The deploy action's bundle in a child process, against the GitHub stand-in and a real
// `modelci serve` ModelServer with real ONNX models: what a release workflow's deploy step does.

const REPO = 'acme/models';
let gh: GitHubServer;
let t: TestServer;
let ws: string;

beforeAll(async () => {
  gh = await startGitHubServer();
  ws = tempDir('modelci-deploy-action-');
  // The server may load what the registry in the workspace holds (the deploy swaps by path).
  t = await startTestServer({ allowModelDirs: [ws] });
  const reg = join(ws, 'registry');
  // 3.0.0's artifact is V1 although its evaluation recorded V2's outputs: smoke must catch it.
  const versions: [string, LinearClassifier, LinearClassifier][] = [
    ['1.0.0', CLASSIFIER_V1, CLASSIFIER_V1],
    ['2.0.0', CLASSIFIER_V2, CLASSIFIER_V2],
    ['3.0.0', CLASSIFIER_V1, CLASSIFIER_V2],
  ];
  mkdirSync(join(ws, 'smoke'));
  for (const [v, artifact, evaluated] of versions) {
    registerVersion(reg, 'clf', v, linearClassifierOnnx(artifact));
    const file = join(ws, `evaluated-${v}.onnx`);
    writeFileSync(file, linearClassifierOnnx(evaluated));
    await recordSmokeSamples(
      file,
      [[{ name: 'input', shape: [2, 4], datatype: 'FP32', data: [1, 2, 3, 4, -2, 0.5, 1, 3] }]],
      join(ws, 'smoke', `clf-${v}.jsonl`),
    );
  }
  writeFileSync(
    join(ws, 'modelci.yaml'),
    stringify({
      version: 1,
      environments: {
        staging: {
          target: 'server',
          url: t.url,
          smoke: { samples: 'smoke/{model}-{version}.jsonl', latency_ms: 10_000 },
        },
      },
    }),
  );
});
afterEach(() => gh.assertNoViolations());
afterAll(async () => {
  await t.close();
  await gh.close();
});

function deploy(inputs: Record<string, string> = {}, runId = '7') {
  return runAction('deploy', {
    inputs: { model: 'clf', environment: 'staging', ...inputs },
    apiUrl: gh.url,
    repository: REPO,
    cwd: ws,
    runId,
  });
}

const deployments = () => [...gh.state.repo(REPO).deployments.values()].sort((a, b) => a.id - b.id);
const states = (id: number) =>
  gh.state
    .repo(REPO)
    .deployments.get(id)!
    .statuses.map((s) => s.state);

describe('deploy action', () => {
  it('records a deployment with queued, in_progress, success and the environment URL', async () => {
    pointStage(join(ws, 'registry'), 'clf', 'staging', '2.0.0', '1.0.0');
    const r = await deploy({}, '101');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      version: '2.0.0',
      'previous-version': '1.0.0',
      outcome: 'success',
      url: t.url,
      'rolled-back-to': '',
    });
    expect(r.masks).toContain(ACTIONS_TOKEN);
    const [d] = deployments();
    expect(deployments()).toHaveLength(1);
    expect(String(d!.id)).toBe(r.outputs['deployment-id']);
    expect(d).toMatchObject({
      environment: 'staging',
      payload: expect.objectContaining({ model: 'clf', version: '2.0.0' }),
    });
    expect(d!.statuses.map((s) => s.state)).toEqual(['queued', 'in_progress', 'success']);
    const success = d!.statuses[2]!;
    expect(success.environmentUrl).toBe(t.url);
    expect(success.logUrl).toMatch(/\/acme\/models\/actions\/runs\/101$/);
    const create = gh.state.requestsTo('POST', /\/deployments$/)[0]!;
    expect(create.body).toMatchObject({ auto_merge: false, required_contexts: [] });
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
    expect(r.summary).toMatch(/Deploy clf 2\.0\.0 to staging: success/);
  });

  it('rolls back by itself when the smoke test fails and marks the deployment failed', async () => {
    pointStage(join(ws, 'registry'), 'clf', 'staging', '3.0.0', '2.0.0');
    const r = await deploy({}, '102');
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({
      version: '3.0.0',
      outcome: 'rolled-back',
      'rolled-back-to': '2.0.0',
    });
    expect(r.annotations.find((a) => a.level === 'error')!.message).toMatch(
      /smoke test failed: predictions.*rolled back to 2.0.0/,
    );
    const [first, second] = deployments();
    expect(states(second!.id)).toEqual(['queued', 'in_progress', 'failure']);
    expect(second!.statuses[2]!.description).toMatch(/^rolled back to 2.0.0: smoke test failed/);
    // 2.0.0 runs again: its deployment stays the active one.
    expect(states(first!.id)).toEqual(['queued', 'in_progress', 'success']);
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
  });

  it('marks the superseded deployment inactive when a new version goes live', async () => {
    pointStage(join(ws, 'registry'), 'clf', 'staging', '1.0.0', '2.0.0');
    const r = await deploy({}, '103');
    expect(r.exitCode).toBe(0);
    const [first, second, third] = deployments();
    expect(states(third!.id)).toEqual(['queued', 'in_progress', 'success']);
    expect(states(first!.id)).toEqual(['queued', 'in_progress', 'success', 'inactive']);
    expect(states(second!.id)).toEqual(['queued', 'in_progress', 'failure']);
    expect(t.server.model('clf')!.stable.version).toBe('1.0.0');
  });

  it('uses the deployment the job created (deployment-id) instead of recording another', async () => {
    const client = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url, retries: 0 });
    const [owner, repo] = REPO.split('/') as [string, string];
    const { data } = await client.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    pointStage(join(ws, 'registry'), 'clf', 'staging', '2.0.0', '1.0.0');
    const before = deployments().length;
    const r = await deploy({ 'deployment-id': String(id) }, '104');
    expect(r.exitCode).toBe(0);
    expect(deployments()).toHaveLength(before);
    expect(states(id)).toEqual(['in_progress', 'success']);
    expect(r.outputs['deployment-id']).toBe(String(id));
  });

  it('finds the deployment of the job with deployment-id: auto', async () => {
    const client = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url, retries: 0 });
    const [owner, repo] = REPO.split('/') as [string, string];
    const sha = '6dcb09b5b57875f334f61aebed695e2e4193db5e'; // the runner harness's GITHUB_SHA
    const { data } = await client.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    await client.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state: 'in_progress',
    });
    const before = deployments().length;
    const r = await deploy({ 'deployment-id': 'auto' }, '106');
    expect(r.exitCode).toBe(0);
    expect(deployments()).toHaveLength(before);
    expect(states(id)).toEqual(['in_progress', 'in_progress', 'success']);
  });

  it('starts the built-in server from the bundled CLI when none answers on loopback', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const url = `http://127.0.0.1:${port}`;
    pointStage(join(ws, 'registry'), 'clf', 'staging', '2.0.0', '1.0.0');
    const r = await deploy({ url }, '105');
    const pid = Number(r.outputs['server-pid']);
    try {
      expect(r.exitCode).toBe(0);
      expect(pid).toBeGreaterThan(0);
      const meta = (await (await fetch(`${url}/v2/models/clf`)).json()) as { versions: string[] };
      expect(meta.versions).toEqual(['2.0.0']);
      expect(deployments().at(-1)!.statuses.at(-1)!.environmentUrl).toBe(url);
    } finally {
      if (pid > 0) process.kill(pid, 'SIGTERM');
    }
  });
});
