import { describe, expect, it } from 'vitest';
import {
  clipProbabilities,
  clipProbability,
  PROBABILITY_TOLERANCE,
} from '../../../src/core/evaluation/probabilities.js';

// float32 sums as onnxruntime computes them: ten trees of weight float32(0.1) = 1.0000001192092896.
const f32 = Math.fround;
const tenTrees = Array.from({ length: 10 }).reduce<number>((s) => f32(s + f32(0.1)), 0);

describe('clipProbabilities', () => {
  it('clips float32 rounding into [0, 1] in place', () => {
    expect(tenTrees).toBe(1.0000001192092896);
    const p = Float64Array.from([f32(1 - tenTrees), tenTrees, 0.25, 0.75]);
    expect(p[0]).toBe(-1.1920928955078125e-7);
    expect(clipProbabilities(p, 2)).toBeUndefined();
    expect([...p]).toEqual([0, 1, 0.25, 0.75]);
  });

  it('names the first value that is not a probability: row, column, value', () => {
    const logits = Float64Array.from([0.2, 0.8, -1.3, 2.3]);
    expect(clipProbabilities(logits, 2)).toEqual({ kind: 'value', row: 1, column: 0, value: -1.3 });
    expect(clipProbabilities(Float64Array.from([0.5, 0.5, NaN, 1]), 2)).toMatchObject({
      row: 1,
      column: 0,
    });
    const justOut = Float64Array.from([0.5, 0.5, 1 + 2 * PROBABILITY_TOLERANCE, 0]);
    expect(clipProbabilities(justOut, 2)).toMatchObject({ kind: 'value', row: 1, column: 0 });
  });

  it('refuses rows that do not sum to 1 (one-vs-rest scores), within the tolerance', () => {
    const ovr = Float64Array.from([0.2, 0.3, 0.5, 0.6, 0.3, 0.4]);
    expect(clipProbabilities(ovr, 3)).toEqual({ kind: 'sum', row: 1, sum: 0.6 + 0.3 + 0.4 });
    const softmax32 = Float64Array.from([f32(1 / 3), f32(1 / 3), f32(1 / 3)]);
    expect(clipProbabilities(softmax32, 3)).toBeUndefined();
  });

  it('one column (P of the positive class) has no row sum', () => {
    const p = Float64Array.from([0.1, 0.9, tenTrees]);
    expect(clipProbabilities(p, 1)).toBeUndefined();
    expect([...p]).toEqual([0.1, 0.9, 1]);
    expect(clipProbabilities(Float64Array.from([0.1, 3.2]), 1)).toEqual({
      kind: 'value',
      row: 1,
      column: 0,
      value: 3.2,
    });
  });
});

describe('clipProbability', () => {
  it('clips within the tolerance, NaN beyond it', () => {
    expect(clipProbability(tenTrees)).toBe(1);
    expect(clipProbability(-1e-7)).toBe(0);
    expect(clipProbability(0.3)).toBe(0.3);
    expect(clipProbability(1.1)).toBeNaN();
    expect(clipProbability(NaN)).toBeNaN();
  });
});
