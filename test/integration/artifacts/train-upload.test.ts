import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactService } from '../../harness/artifacts/index.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// The bundled train action uploads its output folder through @actions/artifact to the artifact
// stand-in (Twirp CreateArtifact -> Azure block upload -> FinalizeArtifact), as on a runner.

let svc: ArtifactService;
beforeAll(async () => {
  svc = await startArtifactService();
});
afterEach(() => svc.assertNoViolations());
afterAll(() => svc.close());

function workspace(): string {
  const ws = tempDir('modelci-ws-');
  mkdirSync(join(ws, 'data'));
  cpSync('test/fixtures/data/wine.csv', join(ws, 'data/wine.csv'));
  writeFileSync(
    join(ws, 'modelci.yaml'),
    `version: 1
models:
  wine:
    data:
      train: data/wine.csv
      label: cultivar
    train:
      trainer: logistic-regression
`,
  );
  return ws;
}

const train = (ws: string, artifacts: ReturnType<ArtifactService['runtime']>) =>
  runAction('train', {
    cwd: ws,
    inputs: { 'cache-data': 'false' },
    artifacts,
    serverUrl: 'https://github.com',
    timeoutMs: 120_000,
  });

describe('train action uploads its run as an artifact', () => {
  it('uploads modelci-<model>: a zip of model.onnx, run.json, params.json, metrics.json as on disk', async () => {
    const ws = workspace();
    const job = svc.runtime();
    const r = await train(ws, job);
    expect(r.exitCode).toBe(0);
    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(r.outputs.artifact).toBe('modelci-wine');

    const a = svc.state.finalized(job.runBackendId, 'modelci-wine');
    expect(a.jobBackendId).toBe(job.jobBackendId);
    expect(a.mimeType).toBe('application/zip');
    expect(a.blob.contentType).toBe('application/zip');
    expect(a.size).toBe(a.blob.content!.length);
    expect(a.hash).toBe(`sha256:${createHash('sha256').update(a.blob.content!).digest('hex')}`);
    const files = svc.state.files(job.runBackendId, 'modelci-wine');
    const out = join(ws, 'modelci-train/wine');
    // Everything train wrote (the built-in trainer writes metrics.json too), at the zip's root.
    expect([...files.keys()].sort()).toEqual(readdirSync(out).sort());
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['model.onnx', 'run.json', 'params.json']),
    );
    for (const [name, bytes] of files)
      expect(bytes.equals(readFileSync(join(out, name)))).toBe(true);
    expect(r.stdout).toContain(
      'uploaded model.onnx, run.json, params.json, metrics.json as artifact modelci-wine',
    );
    // The upload URL's signature is masked in the log, as the library asks the runner to.
    const sig = new URL(
      `http://x/?${new URLSearchParams(svc.state.requestsTo('CommitBlockList')[0]!.query)}`,
    ).searchParams.get('sig')!;
    expect(r.masks).toContain(sig);
    expect(svc.state.requestsTo('CreateArtifact').map((q) => q.status)).toEqual([200]);
    expect(svc.state.requestsTo('FinalizeArtifact').map((q) => q.status)).toEqual([200]);
  });
});

describe('train action when the artifact service fails', () => {
  const warnings = (r: Awaited<ReturnType<typeof train>>) =>
    r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

  it('retries a 500 from CreateArtifact and a 503 on a block upload, then uploads', async () => {
    const job = svc.runtime();
    svc.faults.inject({ operation: 'CreateArtifact', status: 500 });
    svc.faults.inject({ operation: 'StageBlock', status: 503 });
    const r = await train(workspace(), job);
    expect(r.exitCode).toBe(0);
    expect(warnings(r)).toEqual([]);
    expect(r.outputs.artifact).toBe('modelci-wine');
    expect(svc.faults.pending()).toEqual([]);
    expect(
      svc.state
        .requestsTo('CreateArtifact')
        .slice(-2)
        .map((q) => q.status),
    ).toEqual([500, 200]);
    expect(
      svc.state
        .requestsTo('StageBlock')
        .slice(-2)
        .map((q) => q.status),
    ).toEqual([503, 201]);
    expect(svc.state.files(job.runBackendId, 'modelci-wine').has('model.onnx')).toBe(true);
  });

  it('a second upload of the same name in the run (409) is a warning; the step succeeds', async () => {
    const job = svc.runtime();
    const ws = workspace();
    expect((await train(ws, job)).outputs.artifact).toBe('modelci-wine');
    // Another job of the same workflow run (a matrix leg training the same model).
    const r = await train(ws, svc.runtime({ runBackendId: job.runBackendId }));
    expect(r.exitCode).toBe(0);
    expect(r.outputs.artifact).toBeUndefined();
    expect(r.outputs.model).toBe(join(ws, 'modelci-train/wine/model.onnx'));
    expect(warnings(r)).toEqual([
      expect.stringMatching(
        /^could not upload artifact modelci-wine: Failed to CreateArtifact: .*\(409\).*already exists/,
      ),
    ]);
    expect(svc.state.inRun(job.runBackendId)).toHaveLength(1);
  });

  it('a refused block upload (403) is a warning and the artifact is never finalized', async () => {
    const job = svc.runtime();
    svc.faults.inject({ operation: 'StageBlock', status: 403 });
    const finalizes = svc.state.requestsTo('FinalizeArtifact').length;
    const r = await train(workspace(), job);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.artifact).toBeUndefined();
    expect(warnings(r)).toEqual([
      expect.stringMatching(/^could not upload artifact modelci-wine: .*authenticate/),
    ]);
    expect(svc.state.requestsTo('FinalizeArtifact')).toHaveLength(finalizes);
    expect(svc.state.inRun(job.runBackendId).map((a) => a.finalized)).toEqual([false]);
  });

  it('a dropped connection to the results service is a warning', async () => {
    svc.faults.inject({ operation: 'CreateArtifact', reset: true });
    const r = await train(workspace(), svc.runtime());
    expect(r.exitCode).toBe(0);
    expect(r.outputs.artifact).toBeUndefined();
    expect(warnings(r)).toEqual([
      expect.stringMatching(/^could not upload artifact modelci-wine: .*ECONNRESET/),
    ]);
  });
});

describe('train action on GitHub Enterprise Server', () => {
  it('skips the upload with one log line: @actions/artifact does not support GHES', async () => {
    const before = svc.state.requests.length;
    const r = await runAction('train', {
      cwd: workspace(),
      inputs: { 'cache-data': 'false' },
      artifacts: svc.runtime(),
      serverUrl: 'https://ghes.example.com',
      timeoutMs: 120_000,
    });
    expect(r.exitCode).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.outputs.artifact).toBeUndefined();
    expect(r.stdout).toMatch(
      /artifact service not available on GitHub Enterprise Server .*: model\.onnx, run\.json, params\.json, metrics\.json not uploaded/,
    );
    expect(svc.state.requests.length).toBe(before);
  });
});
