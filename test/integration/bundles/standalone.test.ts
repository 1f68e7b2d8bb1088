import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// On a runner an action is a checkout of this repository: its action.yml, its dist/index.js and the
// shared bundle under dist/ at the root (entries and chunk files), no node_modules. These run
// copies of the committed files from a temp folder with no node_modules above it, so anything a
// bundle imports at start-up from node_modules (once: onnxruntime-node) or a chunk left out of
// the commit fails here.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
let root: string;

/** A checkout holding the action's folder and the shared dist/; returns the action's folder. */
function copyAction(from: string, name: string): string {
  const checkout = join(root, name);
  const rel = from === REPO ? '' : join('actions', from.split('/').filter(Boolean).at(-1)!);
  const dir = join(checkout, rel);
  mkdirSync(dir, { recursive: true });
  cpSync(join(from, 'action.yml'), join(dir, 'action.yml'));
  if (rel) cpSync(join(from, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(REPO, 'dist'), join(checkout, 'dist'), { recursive: true });
  return dir;
}

/** A workspace with the breast-cancer holdout, a logistic model and modelci.yaml. */
function evaluateWorkspace(resamples: number): string {
  const ws = mkdtempSync(join(root, 'ws-'));
  mkdirSync(join(ws, 'data'));
  cpSync(join(REPO, 'test/fixtures/data/breast_cancer.csv'), join(ws, 'data/holdout.csv'));
  cpSync(join(REPO, 'test/fixtures/onnx/bc_logreg_zipmap.onnx'), join(ws, 'candidate.onnx'));
  writeFileSync(
    join(ws, 'modelci.yaml'),
    `version: 1\nmodels:\n  cancer:\n    task: binary\n    data:\n      holdout: data/holdout.csv\n      label: malignant\n    evaluate:\n      bootstrap:\n        resamples: ${resamples}\n`,
  );
  return ws;
}

beforeAll(() => {
  root = tempDir('modelci-standalone-');
  for (let d = root; d !== dirname(d); d = dirname(d))
    if (existsSync(join(d, 'node_modules')))
      throw new Error(`${d}/node_modules exists: this test needs a temp folder outside any`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundles run from a checkout without node_modules', () => {
  it('the root action runs a CLI command (its command modules load from chunk files)', async () => {
    const dir = copyAction(REPO, 'root');
    const r = await runAction(dir, { inputs: { command: 'registry --help' } });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.stdout).toContain('Usage: modelci registry');
  });

  const actions = readdirSync(join(REPO, 'actions')).filter((a) =>
    existsSync(join(REPO, 'actions', a, 'action.yml')),
  );
  it.each(actions)('the %s action starts and reports missing inputs as a failure', async (name) => {
    const dir = copyAction(join(REPO, 'actions', name), name);
    const r = await runAction(dir, { cwd: mkdtempSync(join(root, 'ws-')) });
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
    // It got as far as its own input checks: one error annotation, exit code 1.
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
  });

  it('the evaluate action loads onnxruntime-node from MODELCI_ONNXRUNTIME_DIR', async () => {
    const dir = copyAction(join(REPO, 'actions', 'evaluate'), 'evaluate-onnx');
    const ws = evaluateWorkspace(0);
    const r = await runAction(dir, {
      cwd: ws,
      inputs: { artifact: 'candidate.onnx' },
      token: '', // no check run: nothing here answers GitHub API calls
      // The folder holding node_modules/onnxruntime-node (what the tool-cache install creates).
      env: { MODELCI_ONNXRUNTIME_DIR: REPO },
      timeoutMs: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.passed).toBe('true');
    const report = JSON.parse(readFileSync(join(ws, r.outputs.report!), 'utf8')) as {
      metrics: Record<string, { value: number }>;
    };
    expect(report.metrics.roc_auc!.value).toBeGreaterThan(0.9);
  });

  it('the evaluate action draws bootstrap resamples in worker threads (modelci-worker.js), same intervals', async () => {
    const dir = copyAction(join(REPO, 'actions', 'evaluate'), 'evaluate-threads');
    const run = async (threads: string) => {
      const ws = evaluateWorkspace(300);
      const r = await runAction(dir, {
        cwd: ws,
        inputs: { artifact: 'candidate.onnx' },
        token: '',
        env: { MODELCI_ONNXRUNTIME_DIR: REPO, MODELCI_THREADS: threads },
        timeoutMs: 120_000,
      });
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      return JSON.parse(readFileSync(join(ws, r.outputs.report!), 'utf8')) as {
        metrics: Record<string, { value: number; ci?: [number, number] }>;
      };
    };
    const one = await run('1');
    const three = await run('3');
    expect(one.metrics.roc_auc!.ci).toHaveLength(2);
    // latency differs run to run; every row metric and its interval must not
    const rowMetrics = (r: typeof one) =>
      Object.fromEntries(Object.entries(r.metrics).filter(([m]) => !m.startsWith('latency')));
    expect(rowMetrics(three)).toEqual(rowMetrics(one));
  });
});
