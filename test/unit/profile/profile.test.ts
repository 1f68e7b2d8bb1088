import { describe, expect, it } from 'vitest';
import { ColumnProfile } from '../../../src/core/profile/column-profile.js';
import { columnKind } from '../../../src/core/profile/column-kind.js';
import { QuantileSketch } from '../../../src/core/profile/quantile-sketch.js';
import { TableProfile, type ProfileBatch } from '../../../src/core/profile/table-profile.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True rank range [#(v < x), #(v <= x)) of x in sorted data. */
function rankRange(sorted: Float64Array, x: number): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! < x) lo = m + 1;
    else hi = m;
  }
  let hi2 = lo;
  while (hi2 < sorted.length && sorted[hi2] === x) hi2++;
  return [lo, hi2];
}

function rankErrorOf(sketch: QuantileSketch, sorted: Float64Array): number {
  let worst = 0;
  for (let q = 0; q <= 100; q++) {
    const r = ((sorted.length - 1) * q) / 100;
    const [lo, hi] = rankRange(sorted, sketch.quantileAtRank(r));
    const err = r < lo ? lo - r : r >= hi ? r - hi + 1 : 0;
    worst = Math.max(worst, err);
  }
  return worst;
}

describe('QuantileSketch', () => {
  it('is exact until k items, then answers every quantile within its tracked rank error', () => {
    const rand = rng(1);
    const k = 200;
    const s = new QuantileSketch(k);
    const data: number[] = [];
    for (let i = 0; i < k - 1; i++) {
      const x = Math.round(rand() * 1000) / 10;
      data.push(x);
      s.add(x);
    }
    expect(s.exact).toBe(true);
    expect(s.rankError).toBe(0);
    for (let i = 0; i < 50000; i++) {
      const x = rand() < 0.1 ? 7 : rand() ** 3 * 100; // ties and skew
      data.push(x);
      s.add(x);
    }
    expect(s.exact).toBe(false);
    const sorted = Float64Array.from(data).sort();
    const n = data.length;
    expect(s.n).toBe(n);
    // Stated bound for one pass: n * (floor(log2(n / k)) + 1) / k.
    expect(s.rankError).toBeLessThanOrEqual((n * (Math.floor(Math.log2(n / k)) + 1)) / k);
    const observed = rankErrorOf(s, sorted);
    expect(observed).toBeLessThanOrEqual(s.rankError + s.topWeight);
    expect(observed / n).toBeLessThan(0.02);
    const { weights } = s.weighted();
    expect(weights.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('merges shards within the sum of their errors, and survives a JSON round trip', () => {
    const rand = rng(2);
    const k = 100;
    const shards = [new QuantileSketch(k), new QuantileSketch(k), new QuantileSketch(k)];
    const data: number[] = [];
    for (let i = 0; i < 30000; i++) {
      const x = (rand() - 0.5) * (1 + (i % 3)) * 10;
      data.push(x);
      shards[i % 3]!.add(x);
    }
    const merged = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(shards[0]!.toJSON())));
    const errs = shards.map((s) => s.rankError);
    merged.merge(shards[1]!);
    merged.merge(shards[2]!);
    expect(merged.n).toBe(30000);
    expect(merged.weighted().weights.reduce((a, b) => a + b, 0)).toBe(30000);
    expect(merged.rankError).toBeGreaterThanOrEqual(errs[0]! + errs[1]! + errs[2]!);
    const sorted = Float64Array.from(data).sort();
    expect(rankErrorOf(merged, sorted)).toBeLessThanOrEqual(merged.rankError + merged.topWeight);
    expect(rankErrorOf(merged, sorted) / sorted.length).toBeLessThan(0.05);
  });
});

function batch(
  columns: string[],
  rows: (string | number | boolean | null)[][],
  firstRow = 1,
): ProfileBatch {
  return {
    columns,
    firstRow,
    length: rows.length,
    values: columns.map((_, c) => rows.map((r) => r[c] ?? null)),
  };
}

describe('TableProfile', () => {
  const rand = rng(3);
  const cats = ['red', 'green', 'blue', 'x|y', '<b>'];
  const rows: (string | null)[][] = [];
  for (let i = 0; i < 20000; i++) {
    rows.push([
      rand() < 0.05 ? '' : String(Math.round(rand() * 1e6) / 1e3),
      cats[Math.floor(rand() ** 2 * cats.length)]!,
      rand() < 0.5 ? 'true' : 'false',
      i % 7 === 0 ? 'NA' : String(i % 4),
    ]);
  }
  const names = ['amount', 'colour', 'flag', 'bucket'];

  function profileOf(parts: (string | null)[][][], k = 256): TableProfile {
    const merged = new TableProfile(k);
    parts.forEach((part, i) => {
      const p = new TableProfile(k);
      p.beginSource(`shard-${i}.csv`, 'csv');
      for (let s = 0; s < part.length; s += 1000)
        p.addBatch(batch(names, part.slice(s, s + 1000), s + 1));
      merged.merge(TableProfile.fromJSON(JSON.parse(JSON.stringify(p)), `shard-${i}.json`));
    });
    return merged;
  }

  it('profiles of shards merge into the profile of the whole: counts identical, quantiles within the bound', () => {
    const whole = profileOf([rows]);
    const sharded = profileOf([rows.slice(0, 3000), rows.slice(3000, 11000), rows.slice(11000)]);
    expect(sharded.rows).toBe(whole.rows);
    for (const name of names) {
      const a = whole.columns.get(name)!;
      const b = sharded.columns.get(name)!;
      for (const key of ['count', 'missing', 'numeric', 'infinite', 'boolean', 'text'] as const)
        expect(b[key]).toBe(a[key]);
      expect(b.categories && [...b.categories].sort()).toEqual(
        a.categories && [...a.categories].sort(),
      );
      expect(b.numericValues && [...b.numericValues].sort()).toEqual(
        a.numericValues && [...a.numericValues].sort(),
      );
      expect(columnKind(b)).toBe(columnKind(a));
      expect(b.moments.n).toBe(a.moments.n);
      if (a.moments.n) {
        expect(b.moments.mean).toBeCloseTo(a.moments.mean, 9);
        expect(b.moments.m2 / b.moments.n).toBeCloseTo(a.moments.m2 / a.moments.n, 6);
      }
    }
    const amounts = Float64Array.from(
      rows.filter((r) => r[0] !== '').map((r) => Number(r[0])),
    ).sort();
    const sketch = sharded.columns.get('amount')!.sketch;
    expect(rankErrorOf(sketch, amounts)).toBeLessThanOrEqual(sketch.rankError + sketch.topWeight);
    expect(columnKind(whole.columns.get('amount')!)).toBe('numeric');
    expect(columnKind(whole.columns.get('colour')!)).toBe('categorical');
    expect(columnKind(whole.columns.get('flag')!)).toBe('boolean');
  });

  it('counts a column absent from some rows or shards as missing there', () => {
    const p = new TableProfile(16);
    p.beginSource('a.jsonl', 'jsonl');
    p.addBatch(batch(['a'], [[1], [2]]));
    p.addBatch(batch(['a', 'b'], [[3, 'x']], 3));
    const q = new TableProfile(16);
    q.addBatch(batch(['c'], [[true]]));
    p.merge(q);
    expect(p.rows).toBe(4);
    expect(p.columns.get('b')).toMatchObject({ count: 4, missing: 3, text: 1 });
    expect(p.columns.get('c')).toMatchObject({ count: 4, missing: 3, boolean: 1 });
    expect(p.columns.get('a')).toMatchObject({ count: 4, missing: 1, numeric: 3 });
  });

  it('classifies mixed, empty and free-text columns and remembers where text first appeared', () => {
    const c = new ColumnProfile('m');
    c.add('1.5', 'f.csv', 1);
    c.add('oops', 'f.csv', 2);
    expect(columnKind(c)).toBe('mixed');
    expect(c.firstText).toEqual({ file: 'f.csv', row: 2, value: 'oops' });
    const e = new ColumnProfile('e');
    e.add('', 'f.csv', 1);
    e.add(null, 'f.csv', 2);
    expect(columnKind(e)).toBe('empty');
    const t = new ColumnProfile('t');
    for (let i = 0; i < 300; i++) t.add(`id-${i}`, 'f.csv', i + 1);
    expect(columnKind(t)).toBe('text');
  });

  it('rejects a file that is not a profile with its key path', () => {
    const message = (v: unknown) => {
      try {
        TableProfile.fromJSON(v, 'p.json');
      } catch (e) {
        return (e as { format(): string }).format();
      }
      return 'no error';
    };
    expect(message({ format: 'modelci-profile', version: 1, rows: -1 })).toMatch(
      /^p\.json: rows: must be a non-negative integer/,
    );
    expect(message({ format: 'x' })).toMatch(/^p\.json: format: not a modelci profile/);
    expect(message([])).toMatch(/^p\.json: format: not a modelci profile/);
  });
});
