import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../../harness/temp.js';

// `npm run demo` is the README's first promise: the whole loop on one machine. It runs here as a
// reader runs it (tsx scripts/demo.ts, the bundled CLI), writing into a temp folder instead of
// demo-out/, and each step's output is checked where the demo says it is.
const REPO = join(import.meta.dirname, '../../..');

it(
  'npm run demo runs every step of the loop and leaves its outputs where it says',
  { timeout: 600_000 },
  async () => {
    const out = tempDir('modelci-demo-');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: REPO,
      env: { ...process.env, MODELCI_DEMO_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const steps = [...stdout.matchAll(/^▶ (\d+)\/(\d+) (.*)$/gm)];
    const total = Number(steps[0]![2]);
    expect(steps.map((m) => Number(m[1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(steps.at(-1)![3]).toBe('done');
    expect(stdout).toMatch(/promote 1\.1\.0 to staging/);

    // The pull request: the candidate beats production, and the sticky comment says so.
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.gates.passed).toBe(true);
    const comment = readFileSync(join(out, 'comment.md'), 'utf8');
    expect(comment).toMatch(/^<!-- modelci:comment model=cancer /);
    // It leads with the primary metric (examples/cancer: roc_auc), its Δ and a verdict that needs
    // significance, and the gate result; the primary metric is the table's first row (issue 12).
    const body = comment.split('\n').filter((l) => l && !/^(<!--|###|Evaluated on)/.test(l));
    expect(body[0]).toMatch(
      /^\*\*roc\\_auc\*\* [0-9.]+ \[[0-9.]+, [0-9.]+\] · Δ [+-][0-9.e-]+ \[.*\] · (✅ better|❌ worse|➖ no significant change) \(p [<=] [0-9.]+\) · \*\*Gates: ✅ passed\*\*/,
    );
    const lines = comment.split('\n');
    const separator = lines.findIndex((l) => /^\| :?---/.test(l));
    expect(lines[separator + 1]).toMatch(/^\| \*\*roc\\_auc\*\* \(primary\) \|/);
    // The registry in git: both versions, staging on the candidate, production on 1.0.0.
    const registry = join(out, 'repo/registry/cancer');
    expect(readdirSync(join(registry, 'versions')).sort()).toEqual([
      '1.0.0.yaml',
      '1.1.0.yaml',
      '2.0.0.yaml',
    ]);
    expect(readFileSync(join(registry, 'stages/staging.yaml'), 'utf8')).toMatch(
      /^version: 1\.1\.0$/m,
    );
    const production = readFileSync(join(registry, 'stages/production.yaml'), 'utf8');
    expect(production).toMatch(/^version: 1\.0\.0$/m);
    // Production took 1.0.0 as it takes every version (registry.require_evaluation on): evaluated,
    // its gates recorded and passed; no switch recorded in the pointer.
    expect(production).not.toMatch(/evaluation_required/);
    expect(readFileSync(join(registry, 'versions/1.0.0.yaml'), 'utf8')).toMatch(
      /^gates:\n {2}passed: true$/m,
    );
    // Deployment and traffic: the smoke test passed, every holdout row was served and logged.
    expect(JSON.parse(readFileSync(join(out, 'deploy.json'), 'utf8')).outcome).toBe('success');
    const holdout = readFileSync(join(REPO, 'examples/cancer/data/holdout.csv'), 'utf8').trim();
    const logged = readFileSync(join(out, 'labelled.jsonl'), 'utf8').trim().split('\n');
    expect(logged).toHaveLength(holdout.split('\n').length - 1);
    // Drift: the enlarged size columns drift, accuracy drops, and a retraining pull request opened.
    const drift = JSON.parse(readFileSync(join(out, 'drift.json'), 'utf8'));
    expect(drift.drifted).toBe(true);
    expect(drift.performance.drifted).toBe(true);
    expect(
      drift.columns
        .filter((c: { drifted: boolean }) => c.drifted)
        .map((c: { name: string }) => c.name),
    ).toContain('mean_area');
    expect(stdout).toMatch(/"retrain":"created","pull-request":"\d+"/);
    // Shadow: 1.1.0 beside production on the same requests, better on roc_auc (paired).
    const shadow = JSON.parse(readFileSync(join(out, 'shadow.json'), 'utf8'));
    expect(shadow.shadow.requests).toBe(holdout.split('\n').length - 1);
    expect(shadow.shadow.missing).toBe(0);
    expect(shadow.comparisons).toContainEqual(
      expect.objectContaining({ candidate: 'shadow', design: 'paired', verdict: 'better' }),
    );
    // Canary rollouts: the candidate trained on inverted labels is aborted at 10% by the A/B
    // check (stable serves again, the Deployment failed); 1.1.0 passes 10, 50 and 100% and is live.
    const aborted = readFileSync(join(out, 'rollout-aborted.md'), 'utf8');
    expect(aborted).toMatch(/^### ↩️ Deploy cancer 2\.0\.0 to production: rolled-back/);
    expect(aborted).toMatch(
      /^\| 10% \| \*\*fail\*\* \|.*\*\*failed\*\* ab: roc\\_auc .*: worse \|$/m,
    );
    expect(aborted).not.toMatch(/^\| 50%/m);
    expect(stdout).toMatch(/statuses: queued → in_progress → in_progress → failure\n/);
    const completed = readFileSync(join(out, 'rollout-completed.md'), 'utf8');
    expect(completed).toMatch(/^### ✅ Deploy cancer 1\.1\.0 to production: success/);
    for (const step of ['10%', '50%', '100%'])
      expect(completed).toMatch(new RegExp(`^\\| ${step} \\| pass \\|`, 'm'));
    expect(completed).toMatch(/the server answers with version 1\.1\.0/);
    expect(stdout).toMatch(/statuses: queued( → in_progress){7} → success\n/);
    // The catalog site and the model card.
    expect(existsSync(join(out, 'site/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'model-card.md'), 'utf8')).toMatch(/^---\n/);
  },
);
