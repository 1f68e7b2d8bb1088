import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_TOKEN } from '../../harness/github/index.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

const CORE = pathToFileURL(
  fileURLToPath(new URL('../../../node_modules/@actions/core/lib/core.js', import.meta.url)),
).href;

// A throwaway action that uses the real @actions/core, so the harness is checked against the
// formats core writes (heredoc outputs, escaped workflow commands), not against our own guess.
const ACTION_YML = `name: probe
inputs:
  who:
    description: who to greet
    required: true
  model-name:
    description: dashes are kept in INPUT_ names
    default: churn
  token:
    description: token
    default: \${{ github.token }}
  where:
    description: default built from contexts
    default: \${{ github.repository }}@\${{ github.event.pull_request.number }}
  fail:
    description: fail the step
    default: 'false'
runs:
  using: node24
  main: index.mjs
`;

const INDEX = `import * as core from ${JSON.stringify(CORE)};
import { readFileSync } from 'node:fs';
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
core.setSecret(core.getInput('token'));
core.setOutput('greeting', 'hello ' + core.getInput('who', { required: true }));
core.setOutput('multi', 'line 1\\nline 2 = with <<arrows\\n');
core.setOutput('model', process.env['INPUT_MODEL-NAME']);
core.setOutput('token-is-default', String(core.getInput('token') === ${JSON.stringify(ACTIONS_TOKEN)}));
core.setOutput('where', core.getInput('where'));
core.setOutput('event', process.env.GITHUB_EVENT_NAME + ' #' + event.pull_request?.number);
core.setOutput('env', [process.env.GITHUB_REPOSITORY, process.env.GITHUB_SHA, process.env.GITHUB_REF, process.env.GITHUB_API_URL, process.env.GITHUB_WORKSPACE === process.cwd(), process.env.CI, process.env.GITHUB_ACTIONS].join('|'));
core.exportVariable('MODEL_VERSION', '1.2.3');
core.addPath('/opt/modelci/bin');
core.saveState('started', 'yes');
await core.summary.addHeading('Metrics').addRaw('| a | b |\\n', true).write();
core.error('50% worse\\nsee table', { file: 'metrics/head.json', startLine: 3, title: 'accuracy: dropped' });
core.warning('plain warning');
core.notice('note, with comma: and colon', { file: 'a,b:c.json' });
if (core.getInput('fail') === 'true') core.setFailed('it broke');
`;

describe('runAction (runner harness)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('modelci-probe-action-');
    writeFileSync(join(dir, 'action.yml'), ACTION_YML);
    writeFileSync(join(dir, 'index.mjs'), INDEX);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a node action like the runner and reads back outputs, summary, annotations', async () => {
    const r = await runAction(dir, {
      inputs: { who: 'world' },
      eventName: 'pull_request',
      event: { pull_request: { number: 42, head: { ref: 'feat' }, base: { ref: 'main' } } },
      repository: 'acme/models',
      sha: 'a'.repeat(40),
      ref: 'refs/pull/42/merge',
      apiUrl: 'http://127.0.0.1:1234',
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({
      greeting: 'hello world',
      multi: 'line 1\nline 2 = with <<arrows\n',
      model: 'churn',
      'token-is-default': 'true',
      where: 'acme/models@42',
      event: 'pull_request #42',
      env: `acme/models|${'a'.repeat(40)}|refs/pull/42/merge|http://127.0.0.1:1234|true|true|true`,
    });
    expect(r.summary).toBe('<h1>Metrics</h1>\n| a | b |\n\n');
    expect(r.annotations).toEqual([
      {
        level: 'error',
        message: '50% worse\nsee table',
        file: 'metrics/head.json',
        line: 3,
        title: 'accuracy: dropped',
      },
      { level: 'warning', message: 'plain warning' },
      { level: 'notice', message: 'note, with comma: and colon', file: 'a,b:c.json' },
    ]);
    expect(r.exportedEnv).toEqual({ MODEL_VERSION: '1.2.3' });
    expect(r.addedPath).toEqual(['/opt/modelci/bin']);
    expect(r.state).toEqual({ started: 'yes' });
    expect(r.masks).toEqual([ACTIONS_TOKEN]);
    expect(r.env.GITHUB_HEAD_REF).toBe('feat');
  });

  it('reports setFailed as exit code 1 with an error annotation', async () => {
    const r = await runAction(dir, { inputs: { who: 'x', fail: 'true' } });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.at(-1)).toEqual({ level: 'error', message: 'it broke' });
  });

  it('refuses an input the action does not declare', async () => {
    await expect(runAction(dir, { inputs: { whom: 'x' } })).rejects.toThrow(
      /"whom" is not declared/,
    );
  });

  it('runs the root action bundle (dist/index.js) with command --version', async () => {
    const r = await runAction('.', { inputs: { command: '--version' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    expect(r.outputs.stdout).toMatch(/^\d+\.\d+\.\d+\n?$/);
  });
});
