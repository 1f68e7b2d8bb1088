import { describe, expect, it } from 'vitest';
import { Float64Sorter } from '../../../src/core/profile/sort-float64.js';
import { QuantileSketch } from '../../../src/core/profile/quantile-sketch.js';

describe('Float64Sorter (radix)', () => {
  it('sorts like the native sort: signs, zeros, infinities, subnormals, duplicates, prefixes', () => {
    let s = 3;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const special = [
      0,
      -0,
      Infinity,
      -Infinity,
      5e-324,
      -5e-324,
      1.7976931348623157e308,
      -1.5,
      2,
      2,
    ];
    const sorter = new Float64Sorter();
    for (const n of [70, 1000, 10001]) {
      const a = Float64Array.from({ length: n }, (_, i) =>
        i < special.length ? special[i]! : (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6),
      );
      const expected = Float64Array.from(a).sort();
      const prefix = n - 7;
      const b = Float64Array.from(a);
      sorter.sort(b, prefix);
      expect(Array.from(b.subarray(prefix))).toEqual(Array.from(a.subarray(prefix))); // untouched tail
      sorter.sort(a);
      expect(Array.from(a)).toEqual(Array.from(expected));
    }
  });
});

describe('QuantileSketch compaction by merging sorted runs', () => {
  it('gives exactly the same sketch as sorting every level (runs are tracked correctly)', () => {
    // Reference: a sketch whose upper levels are sorted each time (a round trip through JSON loses
    // the run bookkeeping, so compactions after it sort).
    let s = 11;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const values = Array.from({ length: 200_000 }, () => next() * 1000 - 500);
    const fast = new QuantileSketch(256);
    for (const v of values) fast.add(v);
    const slow = new QuantileSketch(256);
    for (let i = 0; i < values.length; i++) {
      slow.add(values[i]!);
      if (i % 97 === 0) Object.assign(slow, QuantileSketch.fromJSON(slow.toJSON()));
    }
    const a = fast.toJSON();
    const b = slow.toJSON();
    expect(a.n).toBe(b.n);
    expect(a.rankError).toBe(b.rankError);
    expect(a.levels.map((l) => [...l].sort((x, y) => x - y))).toEqual(
      b.levels.map((l) => [...l].sort((x, y) => x - y)),
    );
  });
});
