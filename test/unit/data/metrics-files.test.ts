import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globFiles } from '../../../src/data/glob.js';
import { readMetrics, resolveMetricsFiles } from '../../../src/data/metrics-files.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

function tree(files: Record<string, string>): string {
  const dir = tempDir('modelci-metrics-');
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('globFiles', () => {
  const dir = tree({
    'm/a.json': '{}',
    'm/b.yaml': '{}',
    'm/sub/c.yml': '{}',
    'm/sub/d.txt': '',
    'm/.hidden/e.json': '{}',
  });
  it('matches *, ** and {a,b}, skips hidden folders, sorts', () => {
    expect(globFiles('m/*.json', dir)).toEqual(['m/a.json']);
    expect(globFiles('m/**/*.{json,yaml,yml}', dir)).toEqual([
      'm/a.json',
      'm/b.yaml',
      'm/sub/c.yml',
    ]);
    expect(globFiles('m/su?/*', dir)).toEqual(['m/sub/c.yml', 'm/sub/d.txt']);
    expect(globFiles(`${dir}/m/*.yaml`)).toEqual([`${dir}/m/b.yaml`]);
    expect(globFiles('nothing/*.json', dir)).toEqual([]);
  });
});

describe('readMetrics', () => {
  const dir = tree({
    'base/train.json': '{"train": {"loss": 0.3}}',
    'base/test.yaml': 'test:\n  auc: 0.9\n  f1: 0.8\n',
    'head/all.json': '{"train": {"loss": 0.2}, "test": {"auc": 0.91}}',
    'dup/a.json': '{"test": {"auc": 0.9}}',
    'dup/b.json': '{"test": {"auc": 0.8}}',
    'bad/broken.json': '{"auc": 0.9,\n  "f1": }\n',
    'bad/empty.json': '',
    'bad/bomb.yaml':
      'a: &a [1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n',
  });
  const at = (p: string) => join(dir, p);

  it('merges a directory of JSON and YAML files', () => {
    expect(Object.fromEntries(readMetrics([at('base')], 'base'))).toEqual({
      'test.auc': 0.9,
      'test.f1': 0.8,
      'train.loss': 0.3,
    });
  });

  it('takes globs and several paths', () => {
    const m = readMetrics([at('base/*.json'), at('base/test.yaml')], 'base');
    expect([...m.keys()]).toEqual(['train.loss', 'test.auc', 'test.f1']);
  });

  it('names both files when a metric is in two of them', () => {
    const e = errorOf(() => readMetrics([at('dup')], 'base'));
    expect(e.format()).toBe(
      `${at('dup/b.json')}: test.auc: metric "test.auc" is also in ${at('dup/a.json')}. Give each metric in one file only, or pass the files for one side only`,
    );
  });

  it('reports a missing file, an empty match, bad syntax with line and column, empty files, alias bombs', () => {
    expect(errorOf(() => readMetrics([at('nope.json')], 'head')).format()).toBe(
      `${at('nope.json')}: file not found. Check the path (it is relative to the working directory)`,
    );
    expect(errorOf(() => resolveMetricsFiles([at('base/*.csv')], 'base')).message).toBe(
      'no files match the base pattern',
    );
    const syntax = errorOf(() => readMetrics([at('bad/broken.json')], 'head'));
    expect(syntax.code).toBe('PARSE');
    expect(syntax.where.row).toBe(2);
    expect(syntax.where.column).toBeGreaterThan(0);
    expect(errorOf(() => readMetrics([at('bad/empty.json')], 'head')).message).toBe(
      'no metrics in file (it is empty)',
    );
    expect(errorOf(() => readMetrics([at('bad/bomb.yaml')], 'head')).message).toMatch(
      /too many YAML alias expansions/,
    );
    expect(errorOf(() => readMetrics([], 'head')).message).toBe('no head metrics files given');
  });
});
