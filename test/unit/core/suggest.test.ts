import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../../src/core/suggest.js';

describe('nearest: what a typo meant', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('resample', 'resamples')).toBe(1);
    expect(editDistance('lable', 'label')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('prefers a case-insensitive match, then the closest within a third of the word', () => {
    expect(nearest('Cultivar', ['cultivar', 'alcohol'])).toBe('cultivar');
    expect(nearest('primary_metrc', ['primary_metric', 'metrics'])).toBe('primary_metric');
    expect(nearest('xyz', ['models', 'metrics'])).toBeUndefined();
    expect(nearest('c', ['a', 'b'])).toBeUndefined();
    expect(didYouMean('modelz', ['models', 'version'])).toBe(' Did you mean "models"?');
    expect(didYouMean('zzz', ['models'])).toBe('');
  });
});
