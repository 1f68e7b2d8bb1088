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
    expect(readFileSync(join(out, 'comment.md'), 'utf8')).toMatch(
      /^<!-- modelci:comment model=cancer /,
    );
    // The registry in git: both versions, staging on the candidate, production on 1.0.0.
    const registry = join(out, 'repo/registry/cancer');
    expect(readdirSync(join(registry, 'versions')).sort()).toEqual(['1.0.0.yaml', '1.1.0.yaml']);
    expect(readFileSync(join(registry, 'stages/staging.yaml'), 'utf8')).toMatch(
      /^version: 1\.1\.0$/m,
    );
    expect(readFileSync(join(registry, 'stages/production.yaml'), 'utf8')).toMatch(
      /^version: 1\.0\.0$/m,
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
    // The catalog site and the model card.
    expect(existsSync(join(out, 'site/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'model-card.md'), 'utf8')).toMatch(/^---\n/);
  },
);
