import { describe, expect, it } from 'vitest';
import { ColumnProfile, MAX_CATEGORIES } from '../../../src/core/profile/column-profile.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';

// addTexts counts each distinct cell of a batch once; the profile must be the one `add` builds
// cell by cell: counts, categories (and their order), booleans, missing tokens, timestamps, the
// first text cell, the category cap, and numbers in a text column (added in row order).
function both(batches: (string | null)[][]): [ColumnProfile, ColumnProfile] {
  const bulk = new ColumnProfile('c', 64);
  const cells = new ColumnProfile('c', 64);
  let row = 2;
  for (const batch of batches) {
    bulk.addTexts(batch, batch.length, 'f.csv', row);
    batch.forEach((cell, i) => cells.add(cell, 'f.csv', row + i));
    row += batch.length;
  }
  return [bulk, cells];
}

function same(batches: (string | null)[][]): ColumnProfile {
  const [bulk, cells] = both(batches);
  expect(bulk.toJSON()).toEqual(cells.toJSON());
  expect([...bulk.categories!.keys()]).toEqual([...cells.categories!.keys()]);
  return bulk;
}

const g = new Xoshiro128(3);
const pick = <T>(xs: T[]): T => xs[g.nextUint32() % xs.length]!;
const batch = (n: number, xs: (string | null)[]) => Array.from({ length: n }, () => pick(xs));

describe('ColumnProfile.addTexts', () => {
  it('labels, booleans, missing tokens, timestamps and the first text cell, over batches', () => {
    const mix = ['NA', '', null, 'True', 'false', 'FALSE', 'Oslo', 'Lima', '2024-06-01', 'n/a'];
    const p = same([batch(500, ['NA', null, 'true']), batch(500, mix), batch(500, mix)]);
    expect(p.boolean).toBeGreaterThan(0);
    expect(p.timestamps).toBeGreaterThan(0);
    expect(p.firstText!.row).toBeGreaterThan(501);
    expect(p.missing).toBeGreaterThan(0);
  });

  it('a batch with numbers in it keeps their row order (moments and sketch depend on it)', () => {
    const nums = Array.from({ length: 300 }, (_, i) => String((i * 7919) % 1000));
    const p = same([batch(400, ['a', 'b']), batch(400, [...nums, 'inf', 'a', null])]);
    expect(p.numeric).toBeGreaterThan(0);
    expect(p.infinite).toBeGreaterThan(0);
    expect(p.sketch.exact).toBe(false);
  });

  it('past the category cap the categories are dropped either way', () => {
    const many = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => `v${i}`);
    const [bulk, cells] = both([many.slice(0, 6000), many.slice(6000)]);
    expect(bulk.categories).toBeNull();
    expect(bulk.toJSON()).toEqual(cells.toJSON());
  });
});
