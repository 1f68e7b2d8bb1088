// The CLI contract of the issue, through the bundled CLI in a child process.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clone, git, gitEnv, makeOrigin, onnxModel, tempDir } from './git-fixture.js';
import { builtBundle } from '../../harness/bundles.js';

const CLI = builtBundle('dist/cli/index.js');

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: gitEnv, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('modelci register / registry / promote (bundled CLI)', () => {
  it('register prints the version; registry list --json prints models, versions and stages', () => {
    const repo = clone(makeOrigin());
    const art = tempDir('modelci-art-');
    const reg = ['--registry', 'registry'];
    const a = cli(
      repo,
      'register',
      ...reg,
      '--model',
      'churn',
      '--artifact',
      onnxModel(art, 'a.onnx', 1),
      '--push',
    );
    expect(a).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(a.stderr).toBe('registered churn 0.1.0 (first version), pushed after 1 attempt(s)\n');
    const b = cli(
      repo,
      'register',
      ...reg,
      '--model',
      'churn',
      '--artifact',
      onnxModel(art, 'b.onnx', 2),
      '--version',
      '2.0.0',
    );
    expect(b).toMatchObject({ code: 0, stdout: '2.0.0\n' });
    const promote = (version = '0.1.0') =>
      cli(
        repo,
        'promote',
        ...reg,
        '--model',
        'churn',
        '--version',
        version,
        '--stage',
        'production',
      );
    // Safe defaults: production takes neither a skipped stage nor a version without evaluation.
    expect(promote()).toMatchObject({
      code: 1,
      stderr:
        'modelci promote: error: cannot promote churn 0.1.0 to production: production is the last stage and takes only a version with a recorded evaluation whose gates passed; 0.1.0 has no recorded evaluation (register it with --report from modelci evaluate with gates configured, or set registry.require_evaluation: false); production requires the version to be in staging first (staging holds nothing). Nothing was written\n',
    });
    writeFileSync(
      join(repo, 'modelci.yaml'),
      'version: 1\nregistry:\n  require_previous_stage: false\n  require_evaluation: false\n',
    );
    expect(promote()).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(git(repo, 'show', 'HEAD:registry/churn/stages/production.yaml')).toMatch(
      /^evaluation_required: false$/m,
    );
    expect(git(repo, 'log', '-1', '--format=%B')).toMatch(/^Evaluation-Required: false$/m);
    const list = cli(repo, 'registry', 'list', ...reg, '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      registry: 'registry',
      models: [
        {
          name: 'churn',
          versions: ['0.1.0', '2.0.0'],
          latest: '2.0.0',
          stages: { production: '0.1.0' },
        },
      ],
    });
    const show = cli(repo, 'registry', 'show', 'churn#production', ...reg, '--json');
    expect(JSON.parse(show.stdout)).toMatchObject({
      version: { version: '0.1.0' },
      stages: ['production'],
    });
    const bad = cli(
      repo,
      'register',
      ...reg,
      '--model',
      'churn',
      '--artifact',
      join(art, 'nope.onnx'),
    );
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toBe(
      `modelci register: error: ${join(art, 'nope.onnx')}: artifact not found. Check the path; the artifact is the trained model file (e.g. model.onnx)\n`,
    );
    expect(cli(repo, 'registry', 'verify', ...reg)).toMatchObject({
      code: 0,
      stdout: 'OK: 1 models, 2 versions, 2 artifacts verified, 0 problems\n',
    });
    // A corrupt record beside the ones a command reads: promote and list say so on stderr.
    writeFileSync(join(repo, 'registry/churn/versions/0.0.9.yaml'), 'schema: nonsense\n');
    git(repo, 'add', 'registry');
    git(repo, 'commit', '--quiet', '-m', 'broken by hand');
    const warning =
      /^modelci [a-z]+: warning: registry\/churn\/versions\/0\.0\.9\.yaml: malformed version record: .*\(run modelci registry verify\)$/m;
    const moved = promote('2.0.0');
    expect(moved).toMatchObject({ code: 0, stdout: '2.0.0\n' });
    expect(moved.stderr).toMatch(warning);
    expect(cli(repo, 'registry', 'list', ...reg).stderr).toMatch(warning);
    const verify = cli(repo, 'registry', 'verify', ...reg);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/0\.0\.9\.yaml: malformed version record/);
  });
});
