import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/spec/argv.js';
import { evaluateSpec } from '../../../src/spec/commands/evaluate.js';
import { deploySpec } from '../../../src/spec/commands/deploy.js';
import { serveSpec } from '../../../src/spec/commands/serve.js';
import { defineCommand } from '../../../src/spec/option-spec.js';
import { finishValues, foldDeprecated } from '../../../src/spec/values.js';
import { renderHelp } from '../../../src/spec/help.js';
import { errorOf as thrown } from '../../harness/error-of.js';

/** The one line a user sees for the error `fn` throws. */
const errorOf = (fn: () => unknown): string => thrown(fn).format();

describe('parsing the command line against a spec', () => {
  it('types values, applies defaults and records what was given', () => {
    const p = parseCommandLine(
      evaluateSpec,
      [
        '--artifact',
        'm.onnx',
        '--resamples',
        '0',
        '--features',
        'a,b',
        '--features',
        'c',
        '--drop-invalid',
      ],
      {},
    );
    expect(p.values.artifact).toBe('m.onnx');
    expect(p.values.resamples).toBe(0);
    expect(p.values.features).toEqual(['a', 'b', 'c']);
    expect(p.values.dropInvalid).toBe(true);
    expect(p.values.smokeCount).toBe(10);
    expect(p.values.config).toBe('modelci.yaml');
    expect(p.values.failOnGates).toBe(false);
    expect([...p.given].sort()).toEqual(['artifact', 'drop-invalid', 'features', 'resamples']);
  });

  it('names the flag and what it must be', () => {
    expect(
      errorOf(() => parseCommandLine(evaluateSpec, ['--artifact', 'm', '--resamples', 'x'], {})),
    ).toBe('--resamples must be a whole number (got "x")');
    expect(
      errorOf(() => parseCommandLine(evaluateSpec, ['--artifact', 'm', '--task', 'Binary'], {})),
    ).toMatch(
      /--task must be one of binary, multiclass, regression \(got "Binary"\)\. Did you mean "binary"\?/,
    );
    expect(errorOf(() => parseCommandLine(evaluateSpec, [], {}))).toMatch(
      /^--artifact is required/,
    );
  });

  it('suggests the nearest flag for a typo', () => {
    expect(errorOf(() => parseCommandLine(evaluateSpec, ['--resample', '3'], {}))).toMatch(
      /unknown option --resample\. Did you mean --resamples\?/,
    );
    expect(errorOf(() => parseCommandLine(evaluateSpec, ['--token', 'ghp_x'], {}))).toMatch(
      /--token is not accepted.*Set GITHUB_TOKEN/,
    );
  });

  it('keeps old spellings working with a deprecation note', () => {
    const p = parseCommandLine(
      evaluateSpec,
      ['--model', 'dir/m.onnx', '--name', 'churn', '--out', 'r.json'],
      {},
    );
    expect(p.values.artifact).toBe('dir/m.onnx');
    expect(p.values.model).toBe('churn');
    expect(p.values.report).toBe('r.json');
    expect(p.notes).toEqual([
      '--model <file> is deprecated: use --artifact <file> (--model names the model now, as --name did)',
      '--name is deprecated: use --model',
      '--out is deprecated: use --report',
    ]);
    // A model name stays a model name.
    expect(
      parseCommandLine(evaluateSpec, ['--artifact', 'a.onnx', '--model', 'churn'], {}).values.model,
    ).toBe('churn');
  });

  it('negates booleans that default to true, last one wins', () => {
    expect(
      parseCommandLine(deploySpec, ['--model', 'm', '--environment', 'e'], {}).values.rollback,
    ).toBe(true);
    expect(
      parseCommandLine(deploySpec, ['--model', 'm', '--environment', 'e', '--no-rollback'], {})
        .values.rollback,
    ).toBe(false);
    expect(
      parseCommandLine(
        deploySpec,
        ['--model', 'm', '--environment', 'e', '--no-rollback', '--rollback'],
        {},
      ).values.rollback,
    ).toBe(true);
  });

  it('splits lists of name=a,b only at line breaks and reads a value from the environment', () => {
    const p = parseCommandLine(serveSpec, ['--artifact', 'a=x.onnx', '--features', 'a=f1,f2'], {});
    expect(p.values.features).toEqual(['a=f1,f2']);
    expect(p.values.port).toBe(8080);
    const withEnv = defineCommand({
      name: 'probe',
      summary: 's',
      description: 'd',
      options: { endpoint: { type: 'string', env: 'PROBE_ENDPOINT', description: 'Where.' } },
    });
    expect(parseCommandLine(withEnv, [], { PROBE_ENDPOINT: 'http://x' }).values.endpoint).toBe(
      'http://x',
    );
    expect(
      parseCommandLine(withEnv, ['--endpoint', 'http://y'], { PROBE_ENDPOINT: 'http://x' }).values
        .endpoint,
    ).toBe('http://y');
    expect(renderHelp(withEnv).replace(/\s+/g, ' ')).toContain('Environment: PROBE_ENDPOINT.');
  });

  it("refuses secrets on the command line: serve's admin token, like --token", () => {
    expect(
      errorOf(() =>
        parseCommandLine(serveSpec, ['--artifact', 'a=x.onnx', '--admin-token', 'sekret'], {}),
      ),
    ).toMatch(/--admin-token is not accepted.*process list.*--admin-token-file <file>/);
    expect(errorOf(() => parseCommandLine(evaluateSpec, ['--admin-token', 'x'], {}))).toMatch(
      /unknown option --admin-token/,
    );
  });

  it('documents every option, its default and the environment variable in --help', () => {
    const help = renderHelp(serveSpec);
    expect(help).toMatch(/--port <n> +Port to listen on; 0 picks a free one\. \(default: 8080\)/);
    expect(help.replace(/\s+/g, ' ')).toContain('Without it, MODELCI_SERVE_ADMIN_TOKEN');
    expect(renderHelp(deploySpec)).toContain('--[no-]rollback');
  });
});

describe('reading action inputs against the same spec', () => {
  const inputs = (given: Record<string, string>) => {
    const raw = new Map(Object.entries(given).map(([k, v]) => [k, [v]]));
    const folded = foldDeprecated(evaluateSpec, raw, 'action');
    return finishValues(
      evaluateSpec.options,
      folded.raw,
      'action',
      {},
      [],
      folded.notes,
      folded.spelled,
    );
  };

  it("applies the action's own defaults and treats empty inputs as not given", () => {
    const p = inputs({ artifact: 'm.onnx', resamples: '', 'fail-on-gates': '' });
    expect(p.values.failOnGates).toBe(true);
    expect(p.values.checkRun).toBe(true);
    expect(p.values.report).toBe('modelci-evaluation.json');
    expect(p.values.resamples).toBeUndefined();
  });

  it('names the input in errors and maps the old `model: file` and `name` inputs', () => {
    expect(errorOf(() => inputs({ artifact: 'm.onnx', resamples: 'many' }))).toBe(
      'input "resamples" must be a whole number (got "many")',
    );
    const p = inputs({ model: 'm.onnx', name: 'churn' });
    expect(p.values).toMatchObject({ artifact: 'm.onnx', model: 'churn' });
    expect(p.notes[0]).toMatch(/^input "model" with a file is deprecated/);
  });
});
