// `modelci site` and `modelci card` through the bundled CLI, and the site action as the runner runs
// it, on a small registry in a git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitMessage } from '../../../src/core/registry/trailers.js';
import { runAction } from '../../harness/runner.js';
import { addVersion, put, setStage, tempDir } from '../../unit/registry/fixture.js';
import { gitEnv } from '../registry/git-fixture.js';

const CLI = resolve(import.meta.dirname, '../../../dist/cli/index.js');
let repo: string;

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: repo, env: gitEnv, stdio: 'ignore' });
}

beforeAll(() => {
  repo = tempDir('modelci-site-cli-');
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test User');
  git('config', 'user.email', 'test@example.com');
  const registry = join(repo, 'registry');
  put(
    registry,
    'churn/model.yaml',
    'schema: modelci/model@1\nname: churn\nprimary_metric: roc_auc\ncreated_at: 2026-01-01T00:00:00Z\n',
  );
  addVersion(registry, 'churn', '1.0.0', 'w1', {
    metrics: { roc_auc: { value: 0.91, ci: [0.89, 0.93] } },
  });
  git('add', '-A');
  git(
    'commit',
    '-qm',
    commitMessage('Register churn 1.0.0', 'first version', {
      model: 'churn',
      version: '1.0.0',
      action: 'register',
      actor: 'ana',
    }),
  );
  setStage(registry, 'churn', 'production', '1.0.0');
  git('add', '-A');
  git(
    'commit',
    '-qm',
    commitMessage('Promote churn 1.0.0 to production', 'production held nothing.', {
      model: 'churn',
      version: '1.0.0',
      stage: 'production',
      action: 'promote',
      actor: 'ana',
    }),
  );
  writeFileSync(
    join(repo, 'modelci.yaml'),
    'version: 1\nmodels:\n  churn:\n    card:\n      intended_use: Call the customers most likely to leave.\n',
  );
  writeFileSync(
    join(repo, 'drift.json'),
    JSON.stringify([
      {
        at: '2026-01-03T00:00:00Z',
        drifted: true,
        share: 0.5,
        n_drifted: 5,
        n_tested: 10,
        model: 'churn',
      },
    ]),
  );
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo,
    env: gitEnv,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('modelci site / card (bundled CLI)', () => {
  it('site prints the file:// address of the catalog to open', () => {
    const r = cli(
      'site',
      '--registry',
      'registry',
      '--out',
      'site',
      '--drift-history',
      'drift.json',
      '--repository',
      'acme/models',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`file://${join(repo, 'site', 'index.html')}\n`);
    expect(r.stderr).toMatch(/^modelci site: 1 models, 1 versions, \d+ files \([\d.]+ kB\)\n$/);
    const index = readFileSync(fileURLToPath(r.stdout.trim()), 'utf8');
    expect(index).toMatch(/<strong>0\.91<\/strong>/);
    expect(index).toContain('drifting');
    expect(readFileSync(join(repo, 'site/models/churn/index.html'), 'utf8')).toContain(
      'https://github.com/acme/models/commit/',
    );
  });

  it('site --json prints the result', () => {
    const r = cli('site', '--registry', 'registry', '--out', 'site', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ models: 1, versions: 1, problems: [] });
  });

  it('card prints the Markdown model card of a stage', () => {
    const r = cli('card', 'churn#production', '--registry', 'registry');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^---\n[\s\S]*model-index:[\s\S]*value: 0\.91\n[\s\S]*---\n\n# churn 1\.0\.0\n/,
    );
    expect(r.stdout).toContain('Call the customers most likely to leave.');
  });

  it('card of an unknown version: one line, exit 1', () => {
    const r = cli('card', 'churn@9.9.9', '--registry', 'registry');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'modelci card: error: model "churn" has no version 9.9.9. Known versions: 1.0.0\n',
    );
  });

  it('site refuses to replace a folder that is not a site', () => {
    const r = cli('site', '--registry', 'registry', '--out', 'registry');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^modelci site: error: registry: the output folder exists and is not a modelci site\./,
    );
    expect(existsSync(join(repo, 'registry/churn/versions/1.0.0.yaml'))).toBe(true);
  });
});

describe('site action (bundle, as the runner runs it)', () => {
  it('builds the site, links the repository, and names the folder for upload-pages-artifact', async () => {
    const r = await runAction('site', {
      inputs: { registry: 'registry', 'drift-history': 'drift.json\nmissing.json' },
      cwd: repo,
      repository: 'acme/models',
      serverUrl: 'https://github.com',
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({
      path: '_site',
      index: join('_site', 'index.html'),
      problems: '0',
    });
    expect(Number(r.outputs.pages)).toBe(2 + 1 + 1 + 2 + 1);
    expect(r.summary).toMatch(/Model catalog[\s\S]*1 models, 1 versions/);
    expect(r.stdout).toContain('drift history missing.json does not exist (yet)');
    expect(readFileSync(join(repo, '_site/models/churn/index.html'), 'utf8')).toContain(
      'https://github.com/acme/models/commit/',
    );
  });
});
