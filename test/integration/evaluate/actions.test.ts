import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_TOKEN, startGitHubServer, type GitHubServer } from '../../harness/github/index.js';
import { main } from '../../../src/cli/main.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// The bundled evaluate and train actions in a child process, as the runner runs them, against
// the GitHub stand-in. onnxruntime-node comes from this checkout's node_modules (the bundle
// resolves it upward); the tool-cache install path is covered in test/unit/onnx/runtime-install.
let gh: GitHubServer;
beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
});

function workspace(config: string): string {
  const ws = tempDir('modelci-ws-');
  mkdirSync(join(ws, 'data'));
  cpSync('test/fixtures/data/breast_cancer.csv', join(ws, 'data/holdout.csv'));
  cpSync('test/fixtures/data/wine.csv', join(ws, 'data/wine.csv'));
  cpSync('test/fixtures/onnx/bc_logreg_zipmap.onnx', join(ws, 'candidate.onnx'));
  cpSync('test/fixtures/onnx/bc_logreg_c001.onnx', join(ws, 'production.onnx'));
  writeFileSync(join(ws, 'modelci.yaml'), config);
  return ws;
}

const CANCER = `version: 1
models:
  cancer:
    task: binary
    data:
      holdout: data/holdout.csv
      label: malignant
    evaluate:
      baseline: production.onnx
      bootstrap:
        resamples: 100
    gates:
      min:
        roc_auc: 0.99
`;

describe('evaluate action', () => {
  it('passes: outputs, report file, job summary and a successful check run on the PR head', async () => {
    const repo = gh.state.repo('octo-org/models');
    const ws = workspace(CANCER);
    const head = 'a'.repeat(40);
    const r = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      eventName: 'pull_request',
      event: { pull_request: { number: 1, head: { sha: head } } },
      inputs: { model: 'candidate.onnx' },
      timeoutMs: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs.report).toBe('modelci-evaluation.json');
    const report = JSON.parse(readFileSync(join(ws, 'modelci-evaluation.json'), 'utf8'));
    expect(report.model_name).toBe('cancer');
    expect(report.baseline.model.path).toBe('production.onnx');
    expect(report.comparison.accuracy.test).toBe('mcnemar');
    expect(r.summary).toContain('candidate (95% CI)');
    expect(r.summary).toMatch(/roc\\?_auc/);
    const runs = [...repo.checkRuns.values()].filter((c) => c.headSha === head);
    expect(runs.map((c) => [c.name, c.status, c.conclusion])).toEqual([
      ['modelci/cancer', 'completed', 'success'],
    ]);
    expect(r.outputs['check-run-id']).toBe(String(runs[0]!.id));
    expect(r.masks).toContain(r.env.INPUT_TOKEN);
  });

  it('under workflow_run, the check run lands on the head commit of the run, not on GITHUB_SHA', async () => {
    const repo = gh.state.repo('octo-org/models');
    const ws = workspace(CANCER);
    const head = 'c'.repeat(40);
    const r = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      sha: 'd'.repeat(40),
      eventName: 'workflow_run',
      event: { workflow_run: { head_sha: head, pull_requests: [{ number: 7 }] } },
      inputs: { artifact: 'candidate.onnx', model: 'cancer' },
      timeoutMs: 120_000,
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const runs = [...repo.checkRuns.values()];
    expect(runs.filter((c) => c.headSha === head).map((c) => c.name)).toEqual(['modelci/cancer']);
    expect(runs.filter((c) => c.headSha === 'd'.repeat(40))).toEqual([]);
    // The new input names: no deprecation warning.
    expect(r.annotations.filter((a) => /deprecated/.test(a.message))).toEqual([]);
  });

  it('modelci evaluate --check-run writes the same check run from a terminal (token from GITHUB_TOKEN)', async () => {
    const repo = gh.state.repo('octo-org/cli');
    const ws = workspace(CANCER);
    const sha = 'e'.repeat(40);
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t: string) => (stdout += t),
      stderr: (t: string) => (stderr += t),
      isTTY: false,
    };
    const args = [
      'evaluate',
      '--artifact',
      join(ws, 'candidate.onnx'),
      '--config',
      join(ws, 'modelci.yaml'),
    ];
    const none = await main([...args, '--check-run'], {
      ...io,
      env: { GITHUB_REPOSITORY: 'octo-org/cli' },
    });
    expect(none).toBe(2);
    expect(stderr).toMatch(/the check run needs a GitHub token\. Set GITHUB_TOKEN/);
    const cwd = process.cwd();
    process.chdir(ws);
    try {
      const code = await main([...args, '--check-run', '--resamples', '0'], {
        ...io,
        env: {
          GITHUB_TOKEN: ACTIONS_TOKEN,
          GITHUB_REPOSITORY: 'octo-org/cli',
          GITHUB_API_URL: gh.url,
          GITHUB_SHA: sha,
        },
      });
      expect(code, stderr).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect([...repo.checkRuns.values()].map((c) => [c.name, c.headSha, c.conclusion])).toEqual([
      ['modelci/cancer', sha, 'success'],
    ]);
    expect(stdout).toMatch(/^cancer \(binary\)/);
  });

  it('fails the step when a gate fails, and only warns with fail-on-gates false', async () => {
    const repo = gh.state.repo('octo-org/models');
    const ws = workspace(CANCER.replace('roc_auc: 0.99', 'roc_auc: 0.999'));
    const sha = 'b'.repeat(40);
    const hard = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      sha,
      inputs: { model: 'candidate.onnx' },
      timeoutMs: 120_000,
    });
    expect(hard.exitCode).toBe(1);
    expect(hard.outputs.passed).toBe('false');
    expect(hard.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^gates failed for cancer: .*roc_auc/,
    );
    expect(
      [...repo.checkRuns.values()].filter((c) => c.headSha === sha).map((c) => c.conclusion),
    ).toEqual(['failure']);
    const soft = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      sha,
      inputs: { model: 'candidate.onnx', 'fail-on-gates': 'false', 'check-run': 'false' },
      timeoutMs: 120_000,
    });
    expect(soft.exitCode).toBe(0);
    expect(soft.outputs.passed).toBe('false');
  });

  it('writes the report and smoke samples into a folder nothing has made yet (the templates use modelci-report/)', async () => {
    const ws = workspace(CANCER);
    const r = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      inputs: {
        artifact: 'production.onnx', // tensor outputs: smoke samples are served by the server
        report: 'modelci-report/report.json',
        'smoke-samples': 'modelci-report/smoke.jsonl',
        'smoke-count': '3',
        'check-run': 'false',
        'fail-on-gates': 'false',
      },
      timeoutMs: 120_000,
    });
    expect(r.annotations).toEqual([]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.report).toBe('modelci-report/report.json');
    const report = JSON.parse(readFileSync(join(ws, 'modelci-report/report.json'), 'utf8'));
    expect(report.model_name).toBe('cancer');
    const smoke = readFileSync(join(ws, 'modelci-report/smoke.jsonl'), 'utf8').trim().split('\n');
    expect(smoke).toHaveLength(3);
  });

  it('bad input is one error line naming the file', async () => {
    const ws = workspace(CANCER);
    const r = await runAction('evaluate', {
      cwd: ws,
      apiUrl: gh.url,
      inputs: { model: 'data/holdout.csv', 'check-run': 'false' },
      timeoutMs: 120_000,
    });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^data\/holdout\.csv: not an ONNX model \(/),
    ]);
  });
});

describe('train action', () => {
  it('trains the built-in logistic regression; cache and artifact fail soft without runner services', async () => {
    const ws = workspace(`version: 1
models:
  wine:
    data:
      train: data/wine.csv
      label: cultivar
    train:
      trainer: logistic-regression
`);
    const r = await runAction('train', { cwd: ws, apiUrl: gh.url, inputs: {}, timeoutMs: 120_000 });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.model).toBe(join(ws, 'modelci-train/wine/model.onnx'));
    expect(existsSync(r.outputs.model!)).toBe(true);
    const record = JSON.parse(readFileSync(r.outputs['run-record']!, 'utf8'));
    expect(record.model.sha256).toBe(r.outputs.sha256);
    expect(record.data.train.rows).toBe(178);
    expect(JSON.parse(r.outputs.metrics!).train_accuracy).toBe(1);
    expect(r.stdout).toContain('actions cache service not available: datasets not cached');
    expect(r.stdout).toMatch(
      /artifact service not available: model.onnx, run.json, params.json.* not uploaded/,
    );
    expect(r.outputs.artifact).toBeUndefined();
  });
});
