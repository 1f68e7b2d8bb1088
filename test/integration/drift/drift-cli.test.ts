import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../../harness/random.js';
import { tempDir } from '../../harness/temp.js';
import { builtBundle } from '../../harness/bundles.js';

// The bundled CLI, as users run it (`npm run build` first).
const CLI = builtBundle('dist/cli/index.js');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MODELCI_DEBUG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

interface Row {
  age: number;
  income: number;
  city: string;
  member: boolean;
}

function rows(n: number, seed: number, shift: number): Row[] {
  const r = rng(seed);
  const cities = ['paris', 'lyon', 'nice', 'lille'];
  return Array.from({ length: n }, () => ({
    age: Math.round((40 + shift * 8 + normal(r) * 10) * 100) / 100,
    income: Math.round(Math.exp(10 + normal(r))),
    city: cities[Math.min(3, Math.floor(r() ** (1 + shift) * 4))]!,
    member: r() < 0.3 + shift * 0.2,
  }));
}

function csv(data: Row[]): string {
  return (
    'age,income,city,member\n' +
    data.map((d) => `${d.age},${d.income},${d.city},${d.member}`).join('\n') +
    '\n'
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let dir: string;
beforeAll(() => {
  dir = tempDir('modelci-drift-cli-');
  writeFileSync(join(dir, 'ref.csv'), csv(rows(600, 1, 0)));
  writeFileSync(join(dir, 'same.csv'), csv(rows(500, 2, 0)));
  writeFileSync(join(dir, 'shifted.csv'), csv(rows(500, 3, 1)));
});

function driftJson(args: string[]): Json {
  const r = run(['drift', ...args, '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

describe('modelci drift --json (bundled CLI contract)', () => {
  it('prints one JSON object with drifted, share and per-column results; exit 0 with and without drift', () => {
    const none = driftJson(['--reference', 'ref.csv', '--current', 'same.csv']);
    const some = driftJson(['--reference', 'ref.csv', '--current', 'shifted.csv']);
    for (const out of [none, some]) {
      expect(typeof out.drifted).toBe('boolean');
      expect(out.share).toBeGreaterThanOrEqual(0);
      expect(out.columns.map((c: Json) => c.name).sort()).toEqual([
        'age',
        'city',
        'income',
        'member',
      ]);
      for (const c of out.columns) {
        expect(Object.keys(c).slice(0, 4)).toEqual(['name', 'type', 'test', 'statistic']);
        expect(typeof c.drifted).toBe('boolean');
        if (['ks', 'chi2', 'z'].includes(c.test)) expect(c.p_value).toBeGreaterThanOrEqual(0);
        else expect(c).not.toHaveProperty('p_value');
      }
    }
    expect(none.drifted).toBe(false);
    expect(some.drifted).toBe(true);
    const byName = Object.fromEntries(some.columns.map((c: Json) => [c.name, c]));
    expect(byName.age).toMatchObject({ type: 'numeric', test: 'ks', drifted: true });
    expect(byName.city).toMatchObject({ type: 'categorical', test: 'chi2' });
    expect(byName.member).toMatchObject({ type: 'boolean', test: 'z' });
    expect(some.share).toBe(some.columns.filter((c: Json) => c.drifted).length / 4);
  });

  it('--test forces one test on every column it applies to', () => {
    const w = driftJson([
      '--reference',
      'ref.csv',
      '--current',
      'shifted.csv',
      '--test',
      'wasserstein',
    ]);
    const tests = Object.fromEntries(w.columns.map((c: Json) => [c.name, c.test]));
    expect(tests.age).toBe('wasserstein');
    expect(tests.income).toBe('wasserstein');
    expect(tests.city).not.toBe('wasserstein');
    const p = driftJson(['--reference', 'ref.csv', '--current', 'shifted.csv', '--test', 'psi']);
    expect(new Set(p.columns.map((c: Json) => c.test))).toEqual(new Set(['psi']));
  });

  it('errors exit 1 with one line naming the file, never a stack trace', () => {
    const missing = run(
      ['drift', '--reference', 'nope.csv', '--current', 'same.csv', '--json'],
      dir,
    );
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^modelci drift: error: nope\.csv: file not found/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const badTest = run(
      ['drift', '--reference', 'ref.csv', '--current', 'same.csv', '--test', 'anova', '--json'],
      dir,
    );
    expect(badTest.code).toBe(1);
    expect(badTest.stderr).toMatch(/unknown drift test "anova".*ks, chi2, psi, js, wasserstein, z/);
    // A label column in the wrong case used to exit 0 with `drifted: false`.
    const badLabel = run(
      ['drift', '--reference', 'ref.csv', '--current', 'same.csv', '--label', 'Member', '--json'],
      dir,
    );
    expect(badLabel.code).toBe(1);
    expect(badLabel.stdout).toBe('');
    expect(badLabel.stderr).toBe(
      'modelci drift: error: same.csv: label column "Member" is not in the data. Did you mean "member"? Columns: age, income, city, member\n',
    );
  });

  it('a profile as the reference gives the same result as the data it was built from', () => {
    const p = run(['profile', 'ref.csv', '-o', 'ref.profile.json'], dir);
    expect(p.code).toBe(0);
    const fromData = driftJson(['--reference', 'ref.csv', '--current', 'shifted.csv']);
    const fromProfile = driftJson(['--reference', 'ref.profile.json', '--current', 'shifted.csv']);
    // checked_at is the time of each check.
    const same = (o: Json) => ({ ...o, reference: '', checked_at: '' });
    expect(same(fromProfile)).toEqual(same(fromData));
  });

  it('reads JSONL and Parquet (several row groups) like CSV', async () => {
    const data = rows(500, 3, 1);
    writeFileSync(join(dir, 'shifted.jsonl'), data.map((d) => JSON.stringify(d)).join('\n') + '\n');
    await parquetWriteFile({
      filename: join(dir, 'shifted.parquet'),
      columnData: [
        { name: 'age', data: data.map((d) => d.age), type: 'DOUBLE' },
        { name: 'income', data: data.map((d) => d.income), type: 'DOUBLE' },
        { name: 'city', data: data.map((d) => d.city), type: 'STRING' },
        { name: 'member', data: data.map((d) => d.member), type: 'BOOLEAN' },
      ],
      rowGroupSize: 128,
    });
    const strip = (o: Json) => ({ ...o, current: '', checked_at: '' });
    const fromCsv = strip(driftJson(['--reference', 'ref.csv', '--current', 'shifted.csv']));
    expect(strip(driftJson(['--reference', 'ref.csv', '--current', 'shifted.jsonl']))).toEqual(
      fromCsv,
    );
    expect(strip(driftJson(['--reference', 'ref.csv', '--current', 'shifted.parquet']))).toEqual(
      fromCsv,
    );
  });
});

describe('bad input is reported, never a crash', () => {
  it('one-sided columns, all-missing, constant, mixed types, quoted newlines, invalid UTF-8', () => {
    const ref = [
      'id,only_ref,empty,constant,mixed,text',
      ...Array.from({ length: 50 }, (_, i) => `${i},1,,7,${i},"multi\nline ${i % 3}"`),
    ].join('\n');
    const cur = Buffer.concat([
      Buffer.from(
        [
          'id,only_cur,empty,constant,mixed,text',
          ...Array.from(
            { length: 40 },
            (_, i) => `${i},x,,7,${i === 5 ? 'oops' : i},"multi\nline ${i % 3}"`,
          ),
        ].join('\n'),
      ),
      Buffer.from('\n41,x,,7,41,"bad \xff\xfe bytes"\n', 'latin1'),
    ]);
    writeFileSync(join(dir, 'bad-ref.csv'), ref);
    writeFileSync(join(dir, 'bad-cur.csv'), cur);
    const out = driftJson(['--reference', 'bad-ref.csv', '--current', 'bad-cur.csv']);
    const by = Object.fromEntries(out.columns.map((c: Json) => [c.name, c]));
    expect(by.only_ref.problems).toContain('column only in the reference');
    expect(by.only_cur.problems).toContain('column only in the current data');
    expect(by.empty.problems).toContain('every value is missing in the reference');
    expect(by.constant).toMatchObject({ test: 'z', drifted: false, p_value: 1 });
    expect(by.mixed.problems.join()).toMatch(
      /current data mixes numbers .*bad-cur\.csv row 6: "oops"/,
    );
    expect(by.text.type).toBe('categorical');
    expect(by.text.unseen_categories).toEqual(['bad \ufffd\ufffd bytes']);
    expect(out.invalid_utf8_cells).toBe(1);
    expect(out.problems.join()).toMatch(/1 cell\(s\) were not valid UTF-8/);
  });

  it('an empty current window: exit 0, no verdict, a clear message', () => {
    writeFileSync(join(dir, 'empty.csv'), 'age,income,city,member\n');
    const r = run(['drift', '--reference', 'ref.csv', '--current', 'empty.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ drifted: false, share: 0, empty_current: true, n_tested: 0 });
    expect(out.problems).toContain('the current window has no rows: nothing to compare');
    expect(r.stderr).toMatch(/current window is empty/);
  });
});

describe('scale-out: profile shards, merge, same verdict as one pass', () => {
  it('counts identical, quantiles within the stated error, same drift verdict', () => {
    const all = rows(9000, 11, 0.3);
    const header = 'age,income,city,member';
    const body = csv(all).split('\n').slice(1, -1);
    writeFileSync(join(dir, 'all.csv'), csv(all));
    for (let s = 0; s < 3; s++)
      writeFileSync(
        join(dir, `shard${s}.csv`),
        [header, ...body.slice(s * 3000, (s + 1) * 3000)].join('\n') + '\n',
      );
    // A small sketch so shards really compact and the error bound is exercised.
    for (let s = 0; s < 3; s++)
      expect(
        run(['profile', `shard${s}.csv`, '-o', `shard${s}.json`, '--sketch-size', '512'], dir).code,
      ).toBe(0);
    expect(
      run(
        ['profile', 'merge', 'shard0.json', 'shard1.json', 'shard2.json', '-o', 'merged.json'],
        dir,
      ).code,
    ).toBe(0);
    expect(
      run(['profile', 'all.csv', '-o', 'one-pass.json', '--sketch-size', '512'], dir).code,
    ).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    const onePass = JSON.parse(readFileSync(join(dir, 'one-pass.json'), 'utf8'));
    expect(merged.rows).toBe(9000);
    for (let i = 0; i < 4; i++) {
      const [m, o] = [merged.columns[i], onePass.columns[i]];
      for (const k of [
        'name',
        'count',
        'missing',
        'numeric',
        'boolean',
        'text',
        'categories',
        'numeric_values',
      ])
        expect(m[k]).toEqual(o[k]);
    }
    const ages = Float64Array.from(all.map((d) => d.age)).sort();
    const summary = merged.summary[0];
    const bound =
      merged.columns[0].sketch.rankError + 2 ** (merged.columns[0].sketch.levels.length - 1);
    for (const [key, p] of [
      ['p5', 0.05],
      ['p25', 0.25],
      ['p50', 0.5],
      ['p75', 0.75],
      ['p95', 0.95],
    ] as const) {
      const q = summary.quantiles[key];
      const lo = ages.findIndex((x) => x >= q);
      const hi = ages.findLastIndex((x) => x <= q);
      const target = p * (ages.length - 1);
      const err = target < lo ? lo - target : target > hi ? target - hi : 0;
      expect(err).toBeLessThanOrEqual(bound);
    }
    const viaMerged = driftJson(['--reference', 'merged.json', '--current', 'shifted.csv']);
    const viaOnePass = driftJson(['--reference', 'one-pass.json', '--current', 'shifted.csv']);
    expect(viaMerged.drifted).toBe(viaOnePass.drifted);
    expect(viaMerged.columns.map((c: Json) => [c.name, c.test, c.drifted])).toEqual(
      viaOnePass.columns.map((c: Json) => [c.name, c.test, c.drifted]),
    );
    const m = viaMerged.columns.find((c: Json) => c.name === 'city');
    const o = viaOnePass.columns.find((c: Json) => c.name === 'city');
    expect(m.statistic).toBe(o.statistic);
  });
});
