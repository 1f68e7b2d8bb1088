import { describe, expect, it } from 'vitest';
import { argsort } from '../../../src/core/stats/argsort.js';
import { binomialCdf, mcnemarExact } from '../../../src/core/stats/binomial.js';
import { pairedBootstrapPValue, percentileInterval } from '../../../src/core/stats/bootstrap.js';
import { Xoshiro128 } from '../../../src/core/stats/prng.js';
import { quantile } from '../../../src/core/stats/quantile.js';
import { expectClose, reference } from '../metrics/reference.js';

describe('Xoshiro128 (xoshiro128** seeded by splitmix32)', () => {
  it.each(reference.prng.map((p) => [p.seed, p] as const))(
    'seed %s replays the Python mirror in make_reference.py',
    (seed, p) => {
      const g = new Xoshiro128(seed);
      expect(Array.from({ length: 8 }, () => g.nextUint32())).toEqual(p.u32);
      expect(Array.from({ length: 8 }, () => g.nextInt(7))).toEqual(p.int_below_7);
    },
  );

  it('is uniform enough over [0, n): chi-square on 6 buckets', () => {
    const g = new Xoshiro128(99);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[g.nextInt(6)]!++;
    const chi2 = counts.reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(20.5); // p ≈ 0.001 at 5 degrees of freedom
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => new Xoshiro128(-1)).toThrow(RangeError);
    expect(() => new Xoshiro128(1.5)).toThrow(RangeError);
  });
});

describe('quantile', () => {
  it.each(reference.quantiles.map((q, i) => [i, q] as const))(
    'equals numpy.quantile (%s)',
    (_i, q) => {
      q.q.forEach((p, j) => expectClose(quantile(q.values, p), q.expected[j]!, `q=${p}`));
    },
  );

  it('ignores NaN and gives NaN without finite values', () => {
    expect(quantile([NaN, 1, 3], 0.5)).toBe(2);
    expect(quantile([NaN], 0.5)).toBeNaN();
  });
});

describe('McNemar exact test', () => {
  it.each(reference.mcnemar.map((m) => [m.b, m.c, m.p] as const))(
    'b=%s c=%s equals scipy.stats.binomtest',
    (b, c, p) => {
      const got = mcnemarExact(b, c);
      // relative 1e-9 for tiny p-values, absolute 1e-12 for ones that underflow in scipy
      expect(Math.abs(got - p)).toBeLessThanOrEqual(Math.max(1e-12, 1e-9 * p));
    },
  );

  it('binomial cdf sums to 1 and matches a direct sum for small n', () => {
    let direct = 0;
    let choose = 1;
    for (let i = 0; i <= 6; i++) {
      direct += choose * 0.3 ** i * 0.7 ** (20 - i);
      choose = (choose * (20 - i)) / (i + 1);
    }
    expectClose(binomialCdf(6, 20, 0.3), direct, 'cdf');
    expect(binomialCdf(20, 20, 0.3)).toBe(1);
  });
});

describe('argsort', () => {
  it('matches a comparator sort on large arrays with ties, negatives and -0 (radix path)', () => {
    const g = new Xoshiro128(5);
    const values = Float64Array.from({ length: 20000 }, () => (g.nextInt(2001) - 1000) / 7);
    values[3] = -0;
    values[4] = 0;
    values[5] = -1e300;
    values[6] = Infinity;
    const got = argsort(values);
    const want = Uint32Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
    expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer))).toBe(true);
  });
});

describe('bootstrap helpers', () => {
  it('percentile interval ignores undefined resamples', () => {
    expect(percentileInterval(Float64Array.from([NaN, 1, 2, 3, 4, 5]), 0.5)).toEqual([2, 4]);
    expect(percentileInterval(Float64Array.from([NaN]), 0.95)).toBeUndefined();
  });

  it('paired p-value: 1 when the models agree, 2/(B+1) at the extreme', () => {
    expect(pairedBootstrapPValue(new Float64Array(99))).toBe(1);
    expect(pairedBootstrapPValue(new Float64Array(99).fill(0.1))).toBeCloseTo(2 / 100, 15);
    expect(pairedBootstrapPValue(Float64Array.from([-1, 1, 2, 3]))).toBeCloseTo(0.8, 15);
  });
});
