import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { tempDir } from '../../harness/temp.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env,
  });
  return { code, stdout, stderr };
}

const dir = tempDir('modelci-cli-comment-');
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const base = file('base.json', '{"test": {"accuracy": 0.9, "rmse": 1.5}}');
const head = file('head.yaml', 'test:\n  accuracy: 0.92\n  rmse: 1.7\n');

describe('modelci comment', () => {
  it('prints the Markdown when there is no PR to post to', async () => {
    const r = await cli(
      ['comment', '--base', base, '--head', head, '--config', file('c.yaml', 'version: 1\n')],
      {
        GITHUB_TOKEN: 'ignored-without-pr',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!-- modelci:comment model=model workflow=modelci -->\n/);
    expect(r.stdout).toContain('| test.accuracy | 0.9 | 0.92 | +0.02 | +2.22% | ✅ better |');
    expect(r.stdout).toContain('| test.rmse | 1.5 | 1.7 | +0.2 | +13.3% | ❌ worse |');
  });

  it('uses the config: model name, directions and tolerance', async () => {
    const config = file(
      'modelci.yaml',
      'version: 1\nmodels:\n  churn:\n    metrics:\n      tolerance: 0.05\n      directions:\n        rmse: higher\n',
    );
    const r = await cli(['comment', '--base', base, '--head', head, '--config', config]);
    expect(r.stdout).toContain('model=churn');
    expect(r.stdout).toContain('| test.accuracy | 0.9 | 0.92 | +0.02 | +2.22% | ➖ unchanged |');
    expect(r.stdout).toContain('| test.rmse | 1.5 | 1.7 | +0.2 | +13.3% | ✅ better |');
  });

  it('fails with one line and exit 1 on bad input', async () => {
    const missing = await cli(['comment', '--base', join(dir, 'nope.json'), '--head', head]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `modelci comment: error: ${join(dir, 'nope.json')}: file not found. Check the path (it is relative to the working directory)\n`,
    );
    const badConfig = file('bad.yaml', 'version: 1\nmetrics:\n  tolerance: lots\n');
    const r = await cli(['comment', '--base', base, '--head', head, '--config', badConfig]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${badConfig}: metrics.tolerance: must be a number (got "lots")`);
    const malformed = file('m.json', '{"a": 1,,}');
    const m = await cli(['comment', '--base', malformed, '--head', head]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/m\.json: row 1, column \d+: invalid JSON: /);
  });

  it('refuses --pr without a token, a non-number --pr, and a token on the command line', async () => {
    const r = await cli(['comment', '--base', base, '--head', head, '--pr', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pr needs a GitHub token to post');
    const n = await cli(['comment', '--base', base, '--head', head, '--pr', 'x'], {
      GITHUB_TOKEN: 't',
    });
    expect(n.stderr).toContain('--pr must be a pull request number (got "x")');
    const t = await cli(['comment', '--base', base, '--head', head, '--token', 'ghp_secret']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--token is not accepted');
    expect(t.stderr).not.toContain('ghp_secret');
  });
});
