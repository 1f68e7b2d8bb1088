import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/core/drift/compare-profiles.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';

// The histograms the drift report charts (issue 12: whole-number columns drew duplicate `1..1` bins).
function histogramOf(reference: number[], current: number[]) {
  const side = (xs: number[]) => {
    const p = new TableProfile();
    p.beginSource('mem', 'csv');
    p.addBatch({ columns: ['x'], firstRow: 1, length: xs.length, values: [xs] });
    return p;
  };
  return compareProfiles(side(reference), side(current)).columns[0]!.histogram!;
}

describe('drift histograms', () => {
  it('a whole-number column with few values: one bar per value, shares by hand', () => {
    // Reference: 1 x4, 2 x3, 3 x2, 5 x1; current: 1 x1, 2 x1, 4 x2 (a value the reference lacks).
    const h = histogramOf([1, 1, 1, 1, 2, 2, 2, 3, 3, 5], [1, 2, 4, 4]);
    expect(h.labels).toEqual(['1', '2', '3', '4', '5']);
    expect(h.edges).toBeUndefined();
    expect(h.reference).toEqual([0.4, 0.3, 0.2, 0, 0.1]);
    expect(h.current).toEqual([0.25, 0.25, 0, 0.5, 0]);
  });

  it('repeated decile edges are merged: no empty `a – a` bin, labels unique', () => {
    // 60% zeros, then 40 distinct values: the reference deciles repeat 0 six times.
    const ref = [...Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 0.5)];
    const h = histogramOf(ref, ref);
    expect(new Set(h.edges).size).toBe(h.edges!.length);
    expect(new Set(h.labels).size).toBe(h.labels.length);
    expect(h.labels.some((l) => /^(\S+) – \1$/.test(l))).toBe(false);
    expect(h.labels[0]).toBe('< 0');
    // Every bin holds reference rows: the shares sum to 1 and none is an empty artefact of ties.
    expect(h.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(h.reference.slice(1).every((s) => s > 0)).toBe(true);
  });

  it('a whole-number column with many values is binned on the deciles', () => {
    const ref = Array.from({ length: 200 }, (_, i) => i % 50);
    const h = histogramOf(ref, ref);
    expect(h.edges).toHaveLength(9);
    expect(h.labels).toHaveLength(10);
    expect(h.labels.at(-1)).toMatch(/^≥ /);
  });
});
