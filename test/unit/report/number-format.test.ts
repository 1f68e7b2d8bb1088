import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  formatSigned,
} from '../../../src/core/report/number-format.js';

describe('number formatting', () => {
  it('rounds to significant digits and keeps integers whole', () => {
    expect(formatNumber(0.986373, 4)).toBe('0.9864');
    expect(formatNumber(0.986373, 2)).toBe('0.99');
    expect(formatNumber(123456)).toBe('123456');
    expect(formatNumber(1234.5678, 4)).toBe('1235');
    expect(formatNumber(0.000012345, 3)).toBe('1.23e-5');
    expect(formatNumber(1.5e13, 3)).toBe('1.5e+13');
    expect(formatNumber(1)).toBe('1');
  });
  it('signs deltas and formats relative change as a percentage', () => {
    expect(formatSigned(0.0128)).toBe('+0.0128');
    expect(formatSigned(-0.0128)).toBe('-0.0128');
    expect(formatSigned(0)).toBe('0');
    expect(formatPercent(0.014)).toBe('+1.4%');
    expect(formatPercent(-0.5)).toBe('-50%');
    expect(formatPercent(null)).toBe('n/a');
  });
});
