import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveModel } from '../../../src/config/load.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

function write(text: string): string {
  const dir = tempDir('modelci-config-');
  const file = join(dir, 'modelci.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('loads a valid file and applies defaults', () => {
    const file = write(
      'version: 1\nmodels:\n  churn:\n    task: binary\n    primary_metric: roc_auc\n',
    );
    const { config } = loadConfig(file);
    expect(config.models.churn?.task).toBe('binary');
    expect(resolveModel({ config, file }).name).toBe('churn');
  });

  it('returns defaults when the default file is absent, and fails when a named file is', () => {
    expect(loadConfig('/nonexistent/modelci.yaml').config).toEqual({ version: 1, models: {} });
    const e = errorOf(() => loadConfig('/nonexistent/modelci.yaml', { explicit: true }));
    expect(e.format()).toBe(
      '/nonexistent/modelci.yaml: config file not found. Create it or pass the right path with --config',
    );
  });

  it('names the file, the key path and what was expected for a wrong type', () => {
    const file = write('version: 1\nmodels:\n  churn:\n    metrics:\n      tolerance: "a lot"\n');
    const e = errorOf(() => loadConfig(file));
    expect(e.where).toEqual({ file, path: 'models.churn.metrics.tolerance' });
    expect(e.message).toBe('must be a number (got "a lot")');
  });

  it('rejects unknown keys, bad enums and bad model names with their paths', () => {
    expect(errorOf(() => loadConfig(write('version: 1\nmodelz: {}\n'))).message).toBe(
      'unknown key "modelz"',
    );
    const en = errorOf(() => loadConfig(write('version: 1\nmodels:\n  a:\n    task: binar\n')));
    expect(en.where.path).toBe('models.a.task');
    expect(en.message).toBe('must be one of "binary", "multiclass", "regression" (got "binar")');
    const nm = errorOf(() => loadConfig(write('version: 1\nmodels:\n  ../evil: {}\n')));
    expect(nm.where.path).toBe('models.../evil');
    expect(nm.message).toMatch(/model name is invalid/);
    expect(errorOf(() => loadConfig(write('version: 2\n'))).message).toBe('must be 1 (got 2)');
  });

  it('reports YAML syntax errors with line and column', () => {
    const e = errorOf(() => loadConfig(write('version: 1\nmodels:\n  a: [1, 2\n')));
    expect(e.code).toBe('PARSE');
    expect(e.where.row).toBeGreaterThan(0);
    expect(e.where.column).toBeGreaterThan(0);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const e = errorOf(() => loadConfig(write(bomb)));
    expect(e.message).toMatch(/too many YAML alias expansions/);
  });

  it('refuses oversized files', () => {
    const e = errorOf(() => loadConfig(write('version: 1\n# ' + 'x'.repeat(1024 * 1024) + '\n')));
    expect(e.message).toMatch(/more than the 1048576 allowed/);
  });

  it('asks which model when there are several', () => {
    const file = write('version: 1\nmodels:\n  a: {}\n  b: {}\n');
    const loaded = loadConfig(file);
    expect(errorOf(() => resolveModel(loaded)).message).toMatch(
      /several models in config \(a, b\)/,
    );
    expect(errorOf(() => resolveModel(loaded, 'c')).hint).toBe('Known models: a, b');
  });
});
