import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startArtifactService, type ArtifactService } from '../../harness/artifacts/index.js';
import { uploadRunArtifact } from '../../../src/github/artifact-upload.js';
import { tempDir } from '../../harness/temp.js';

// uploadRunArtifact in this (forked) test process with a zip larger than @actions/artifact's 8 MiB
// chunk: several blocks staged concurrently must come back in order through the block list.

let svc: ArtifactService;
const saved = { ...process.env };
beforeAll(async () => {
  svc = await startArtifactService();
});
afterAll(async () => {
  process.env = saved;
  await svc.close();
});

it('a 20 MB upload goes as 3 blocks, committed in order', async () => {
  const job = svc.runtime();
  process.env.ACTIONS_RUNTIME_TOKEN = job.runtimeToken;
  process.env.ACTIONS_RESULTS_URL = job.resultsUrl;
  process.env.GITHUB_SERVER_URL = 'https://github.com';
  const dir = tempDir('modelci-blocks-');
  // Random bytes do not deflate: the zip stays above 16 MiB.
  const big = randomBytes(20_000_000);
  writeFileSync(join(dir, 'model.onnx'), big);
  writeFileSync(join(dir, 'run.json'), '{"ok":true}\n');
  // @actions/artifact logs through @actions/core on stdout: the step log on a runner, the test
  // output here. Kept and checked instead.
  let log = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    log += String(chunk);
    return true;
  });
  const name = await uploadRunArtifact(
    'modelci-big',
    [join(dir, 'model.onnx'), join(dir, 'run.json')],
    dir,
    { info: () => undefined, warning: (m) => expect.fail(m) },
  ).finally(() => stdout.mockRestore());
  expect(name).toBe('modelci-big');
  expect(log).toContain('Artifact modelci-big successfully finalized');
  expect(svc.state.requestsTo('StageBlock').map((r) => r.status)).toEqual([201, 201, 201]);
  const a = svc.state.finalized(job.runBackendId, 'modelci-big');
  expect(a.blob.committedBlocks.size).toBe(3);
  const files = svc.state.files(job.runBackendId, 'modelci-big');
  expect(files.get('model.onnx')!.equals(big)).toBe(true);
  expect(files.get('run.json')!.toString()).toBe('{"ok":true}\n');
  svc.assertNoViolations();
});
