import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrift } from '../../../src/commands/drift.js';
import { errorOf } from '../../harness/error-of.js';
import { tempDir } from '../../harness/temp.js';

// The wine data (178 rows, 13 features, label `cultivar`): the first half as reference, the second
// as current. The halves differ in cultivar mix, so several features and the label drift.
const dir = tempDir('modelci-drift-cmd-');
const lines = readFileSync(new URL('../../fixtures/data/wine.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const header = lines[0]!;
const ref = join(dir, 'ref.csv');
const cur = join(dir, 'cur.csv');
writeFileSync(ref, [header, ...lines.slice(1, 90)].join('\n') + '\n');
writeFileSync(cur, [header, ...lines.slice(90)].join('\n') + '\n');
const base = {
  reference: ref,
  current: cur,
  config: join(dir, 'none.yaml'),
  now: '2026-12-01T10:00:00Z',
};

describe('modelci drift: what the report says was tested', () => {
  it('a --label in the wrong case is an error naming the columns and the likely one', async () => {
    const e = await errorOf(runDrift({ ...base, performance: { label: 'Cultivar' } }));
    expect(e.message).toBe('label column "Cultivar" is not in the data');
    expect(e.where.file).toBe(cur);
    expect(e.hint).toMatch(
      /^Did you mean "cultivar"\? Columns: alcohol, malic_acid, .*proline, cultivar$/,
    );
  });

  it('the label is label drift, never feature drift; untested predictions are not "no drift"', async () => {
    const { json, markdown } = await runDrift({ ...base, performance: { label: 'cultivar' } });
    const label = json.columns.find((c) => c.name === 'cultivar')!;
    expect(label.role).toBe('label');
    expect(label.drifted).toBe(true);
    expect(json.n_tested).toBe(13);
    expect(json.columns.filter((c) => c.role === 'feature' && c.drifted)).toHaveLength(
      json.n_drifted,
    );
    expect(json.label_drift).toEqual({
      drifted: true,
      columns: ['cultivar'],
      tested: ['cultivar'],
    });
    // The default prediction column _out.label is in neither file: nothing was tested.
    expect(json.prediction_drift).toBeNull();
    expect(markdown).not.toMatch(/No prediction drift/);
    expect(markdown).toMatch(/\*\*Label drift\*\* in `cultivar`/);
    const head = markdown.split('\n').find((l) => /dataset threshold/.test(l))!;
    expect(head).toMatch(
      new RegExp(
        `^\\*\\*(No dataset drift|Drift detected)\\*\\*: ${json.n_drifted} of 13 feature columns drifted`,
      ),
    );
  });

  it('--history takes what --json printed (one result, or a list), and refuses anything else', async () => {
    const first = await runDrift(base);
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify(first.json));
    const second = await runDrift({ ...base, history: one, now: '2026-12-02T10:00:00Z' });
    expect(second.markdown).toMatch(/### Trend/);
    const written = JSON.parse(readFileSync(one, 'utf8')) as { at: string }[];
    expect(written.map((e) => e.at)).toEqual(['2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z']);

    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify([first.json, second.json]));
    expect((await runDrift({ ...base, history: list })).markdown).toMatch(/### Trend/);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([first.json, { columns: [] }]));
    const e = await errorOf(runDrift({ ...base, history: bad }));
    expect(e.message).toMatch(/is not an earlier drift result/);
    expect(e.where.path).toBe('[1]');
    expect(e.hint).toMatch(/modelci drift --json/);
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, 'not json');
    expect((await errorOf(runDrift({ ...base, history: garbage }))).message).toMatch(
      /drift history is not JSON/,
    );
  });
});
