import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactService } from '../../harness/artifacts/index.js';
import { runAction } from '../../harness/runner.js';
import { rng } from '../../harness/random.js';
import { tempDir } from '../../harness/temp.js';

// The bundled drift action uploads its reports (and the drift history) through @actions/artifact
// to the artifact stand-in. `retrain: false`: no GitHub calls, no pull request.

let svc: ArtifactService;
beforeAll(async () => {
  svc = await startArtifactService();
});
afterEach(() => svc.assertNoViolations());
afterAll(() => svc.close());

function data(n: number, seed: number, shift: number): string {
  const r = rng(seed);
  const lines = ['age,plan'];
  for (let i = 0; i < n; i++) {
    const age = 30 + shift * 10 + (r() + r() + r() - 1.5) * 10;
    lines.push(`${age.toFixed(2)},${r() < 0.5 + shift * 0.3 ? 'basic' : 'pro'}`);
  }
  return lines.join('\n') + '\n';
}

function workspace(): string {
  const ws = tempDir('modelci-drift-ws-');
  writeFileSync(join(ws, 'ref.csv'), data(300, 1, 0));
  writeFileSync(join(ws, 'week1.csv'), data(200, 2, 1));
  return ws;
}

const drift = (ws: string, artifacts: ReturnType<ArtifactService['runtime']>, history = true) =>
  runAction('drift', {
    cwd: ws,
    inputs: {
      reference: 'ref.csv',
      current: 'week1.csv',
      model: 'churn',
      retrain: 'false',
      ...(history ? { history: 'history.json' } : {}),
    },
    artifacts,
    serverUrl: 'https://github.com',
  });

describe('drift action uploads its reports as an artifact', () => {
  it('uploads modelci-drift-<model> with drift-report.md, drift-report.json and the history', async () => {
    const ws = workspace();
    const job = svc.runtime();
    const r = await drift(ws, job);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.drifted).toBe('true');
    expect(r.outputs.artifact).toBe('modelci-drift-churn');
    expect(r.annotations.filter((a) => /artifact/i.test(a.message))).toEqual([]);
    const files = svc.state.files(job.runBackendId, 'modelci-drift-churn');
    // Paths inside the zip are relative to the folder holding all three (the workspace).
    expect([...files.keys()].sort()).toEqual([
      'history.json',
      'modelci-drift/drift-report.json',
      'modelci-drift/drift-report.md',
    ]);
    for (const [path, bytes] of files)
      expect(bytes.equals(readFileSync(join(ws, path)))).toBe(true);
    expect(JSON.parse(files.get('modelci-drift/drift-report.json')!.toString()).drifted).toBe(true);
  });

  it('without a history file: just the two reports, at the zip root', async () => {
    const job = svc.runtime();
    const r = await drift(workspace(), job, false);
    expect(r.exitCode).toBe(0);
    expect([...svc.state.files(job.runBackendId, 'modelci-drift-churn').keys()].sort()).toEqual([
      'drift-report.json',
      'drift-report.md',
    ]);
  });

  it('a refused upload (storage quota) is a warning; the step succeeds and the reports stay on disk', async () => {
    const ws = workspace();
    const job = svc.runtime();
    svc.faults.inject({
      operation: 'CreateArtifact',
      status: 403,
      message: 'insufficient usage to create artifact',
    });
    const r = await drift(ws, job);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.drifted).toBe('true');
    expect(r.outputs.artifact).toBeUndefined();
    expect(r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^could not upload artifact modelci-drift-churn: Failed to CreateArtifact: Artifact storage quota has been hit/,
      ),
    );
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    for (const f of ['modelci-drift/drift-report.md', 'modelci-drift/drift-report.json'])
      expect(existsSync(join(ws, f))).toBe(true);
    expect(svc.state.inRun(job.runBackendId)).toEqual([]);
  });
});
