import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as actionsCore from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../../../src/actions/core.js';
import { tempDir } from '../../harness/temp.js';

type Core = typeof ours;

// src/actions/core.ts stands in for @actions/core at start-up: the same calls must write the
// same bytes to stdout, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, and set the same exit code.

// Both `summary` objects keep the path of their first write for the life of the process, so every
// test gets the same summary file (emptied before each run): a test's result must not depend on
// whether an earlier test wrote a summary.
const summary = join(tempDir('modelci-core-summary-'), 'summary');

async function record(
  core: Core,
  env: Record<string, string | undefined>,
  script: (c: Core) => Promise<void>,
) {
  const dir = tempDir('modelci-core-');
  const saved = { ...process.env };
  const output = join(dir, 'output');
  writeFileSync(output, '');
  writeFileSync(summary, 'before\n');
  Object.assign(process.env, { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  let thrown: string | undefined;
  process.exitCode = undefined;
  try {
    await script(core);
  } catch (e) {
    thrown = (e as Error).message.replace(/modelci-core-\w+/g, 'modelci-core-X');
  } finally {
    spy.mockRestore();
    process.env = saved;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const files = { output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  // Heredoc delimiters are random per call.
  const norm = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
  return {
    stdout: norm(stdout),
    output: norm(files.output),
    summary: files.summary,
    exitCode,
    thrown,
  };
}

async function same(env: Record<string, string | undefined>, script: (c: Core) => Promise<void>) {
  const theirs = await record(actionsCore as unknown as Core, env, script);
  const mine = await record(ours, env, script);
  expect(mine).toEqual(theirs);
  return mine;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('src/actions/core.ts against @actions/core', () => {
  it('inputs: names with spaces, trimming, required', async () => {
    const r = await same({ INPUT_MY_INPUT: '  a b  ', INPUT_EMPTY: '' }, async (c) => {
      c.setOutput('trimmed', c.getInput('my input'));
      c.setOutput('raw', c.getInput('My Input', { trimWhitespace: false }));
      c.setOutput('empty', c.getInput('empty'));
      c.getInput('empty', { required: true });
    });
    expect(r.thrown).toBe('Input required and not supplied: empty');
  });

  it('outputs as heredocs in $GITHUB_OUTPUT, and as set-output without it', async () => {
    const script = async (c: Core) => {
      c.setOutput('multi', 'line 1\nline 2 = <<x\n');
      c.setOutput('json', { a: [1, 2] });
      c.setOutput('number', 3);
      c.setOutput('nothing', undefined);
    };
    const r = await same({}, script);
    expect(r.output).toContain('multi<<ghadelimiter_X\nline 1\nline 2 = <<x\n\nghadelimiter_X\n');
    expect((await same({ GITHUB_OUTPUT: undefined }, script)).stdout).toContain(
      '::set-output name=multi::',
    );
  });

  it('log commands escape %, CR and LF; masks, groups, debug, warnings, failures', async () => {
    const r = await same({}, async (c) => {
      c.setSecret('s3cr%t\nx');
      c.startGroup('Group: a, b');
      c.info('plain 100% text');
      c.debug('debug\r\nline');
      c.endGroup();
      c.warning('50% worse\nsee table');
      c.warning(new Error('an error object'));
      c.setFailed('it broke: a, b');
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::warning::50%25 worse%0Asee table');
  });

  it('job summary: headings (levels 1-6, else h1), raw text with and without EOL, append', async () => {
    const r = await same({}, async (c) => {
      await c.summary.addHeading('Title', 3).addRaw('| a |', true).addRaw('x').write();
      await c.summary.addHeading('Bad level', 9).addHeading('Default').write();
      await c.summary
        .addTable([
          [
            { data: 'field', header: true },
            { data: 'value', header: true, colspan: '2' },
          ],
          ['a', 'b <i>', ''],
          [{ data: 'x', rowspan: '2' }, { data: '' }],
        ])
        .write();
      c.setOutput('empty-after-write', String(c.summary.isEmptyBuffer()));
    });
    expect(r.summary).toContain(
      'before\n<h3>Title</h3>\n| a |\nx<h1>Bad level</h1>\n<h1>Default</h1>\n<table><tr><th>field</th><th colspan="2">value</th></tr>',
    );
  });

  it('job summary: the file is the one the first write found, as in @actions/core', async () => {
    const r = await same({}, async (c) => {
      await c.summary.addRaw('first').write();
      // A later write goes to the cached path, even with the variable gone.
      delete process.env.GITHUB_STEP_SUMMARY;
      await c.summary.addRaw(' second').write();
    });
    expect(r.summary).toBe('before\nfirst second');
  });
});
