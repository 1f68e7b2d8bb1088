import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDeploy } from '../../../src/commands/deploy.js';
import { recordSmokeSamples } from '../../../src/commands/smoke-samples.js';
import { startTestServer, type TestServer } from '../../harness/model-server.js';
import {
  CLASSIFIER_V1,
  CLASSIFIER_V2,
  linearClassifierOnnx,
  type LinearClassifier,
} from '../../harness/onnx-models.js';
import { pointStage, registerVersion } from '../../harness/registry-fixture.js';
import { tempDir } from '../../harness/temp.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ROWS = [
  [1, 2, 3, 4],
  [0, 0, 0, 1],
  [-2, 0.5, 1, 3],
];

/**
 * A repository with a registry holding 1.0.0 (V1), 2.0.0 (V2) and 3.0.0, whose artifact is V1
 * although its evaluation recorded V2's outputs: the smoke test must catch it.
 */
async function workspace(): Promise<string> {
  const ws = tempDir('modelci-deploy-');
  const reg = join(ws, 'registry');
  const versions: [string, LinearClassifier, LinearClassifier][] = [
    ['1.0.0', CLASSIFIER_V1, CLASSIFIER_V1],
    ['2.0.0', CLASSIFIER_V2, CLASSIFIER_V2],
    ['3.0.0', CLASSIFIER_V1, CLASSIFIER_V2],
  ];
  mkdirSync(join(ws, 'smoke'), { recursive: true });
  for (const [v, artifact, evaluated] of versions) {
    registerVersion(reg, 'clf', v, linearClassifierOnnx(artifact));
    const evaluatedFile = join(ws, `evaluated-${v}.onnx`);
    writeFileSync(evaluatedFile, linearClassifierOnnx(evaluated));
    await recordSmokeSamples(
      evaluatedFile,
      ROWS.map((r) => [{ name: 'input', shape: [1, 4], datatype: 'FP32', data: r }]),
      join(ws, 'smoke', `clf-${v}.jsonl`),
    );
  }
  return ws;
}

describe('runDeploy (no GitHub)', () => {
  it('hot-swaps the server to the staged version and smoke-tests it', async () => {
    const ws = await workspace();
    t = await startTestServer({ allowModelDirs: [ws] });
    pointStage(join(ws, 'registry'), 'clf', 'staging', '2.0.0', '1.0.0');
    const r = await runDeploy({
      model: 'clf',
      environment: 'staging',
      registryDir: join(ws, 'registry'),
      config: { url: t.url, smoke: { samples: 'smoke/{model}-{version}.jsonl', tolerance: 1e-5 } },
      cwd: ws,
    });
    expect(r).toMatchObject({
      outcome: 'success',
      version: '2.0.0',
      previousVersion: '1.0.0',
      url: t.url,
      target: 'server',
    });
    expect(r.smoke!.checks.every((c) => c.passed)).toBe(true);
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
  });

  it('rolls back to the previous version when the smoke test fails', async () => {
    const ws = await workspace();
    t = await startTestServer({ allowModelDirs: [ws] });
    const reg = join(ws, 'registry');
    pointStage(reg, 'clf', 'staging', '2.0.0', '1.0.0');
    const base = { model: 'clf', environment: 'staging', registryDir: reg, cwd: ws };
    const config = { url: t.url, smoke: { samples: 'smoke/{model}-{version}.jsonl' } };
    expect((await runDeploy({ ...base, config })).outcome).toBe('success');
    pointStage(reg, 'clf', 'staging', '3.0.0', '2.0.0');
    const r = await runDeploy({ ...base, config });
    expect(r.outcome).toBe('rolled-back');
    expect(r.rolledBackTo).toBe('2.0.0');
    expect(r.failure).toMatch(/^smoke test failed: predictions: 3 of 3 predictions differ/);
    expect(t.server.model('clf')!.stable.version).toBe('2.0.0');
  });

  it('stops before deploying when the artifact does not match its sha256', async () => {
    const ws = await workspace();
    const reg = join(ws, 'registry');
    pointStage(reg, 'clf', 'staging', '1.0.0');
    const { uri } = registerVersion(reg, 'clf', '1.0.0', linearClassifierOnnx(CLASSIFIER_V1));
    appendFileSync(join(reg, uri.slice('git:'.length)), 'tampered');
    const marker = join(ws, 'ran');
    await expect(
      runDeploy({
        model: 'clf',
        environment: 'staging',
        registryDir: reg,
        config: { target: 'command', command: `touch ${marker}` },
        cwd: ws,
      }),
    ).rejects.toThrow(/sha256/);
    expect(() => readFileSync(marker)).toThrow();
  });

  it('says what to do when the stage has no pointer', async () => {
    const ws = await workspace();
    await expect(
      runDeploy({
        model: 'clf',
        environment: 'production',
        registryDir: join(ws, 'registry'),
        config: {},
        cwd: ws,
      }),
    ).rejects.toThrow(/model "clf" has no "production" stage pointer/);
  });

  it('runs the command target and rolls back with it when it fails', async () => {
    const ws = await workspace();
    const reg = join(ws, 'registry');
    pointStage(reg, 'clf', 'prod', '2.0.0', '1.0.0');
    const log = join(ws, 'deploys.log');
    // The deploy script refuses 2.0.0, accepts anything else.
    const command = `echo "$MODEL_VERSION $ENVIRONMENT" >> ${log}; test "$MODEL_VERSION" != 2.0.0`;
    const r = await runDeploy({
      model: 'clf',
      environment: 'production',
      registryDir: reg,
      config: { stage: 'prod', target: 'command', command },
      cwd: ws,
    });
    expect(r.outcome).toBe('rolled-back');
    expect(r.failure).toMatch(/command target failed: deploy command failed with exit code 1/);
    expect(readFileSync(log, 'utf8')).toBe('2.0.0 production\n1.0.0 production\n');
  });
});
