import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatNumber,
  formatPClause,
  formatPercent,
  formatPlain,
  formatPValue,
  formatShare,
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

  it('p-values, shares, counts, sizes and durations', () => {
    expect(formatPValue(0.0213)).toBe('0.021');
    expect(formatPValue(2.6e-33)).toBe('< 0.001');
    expect(formatPValue(undefined)).toBe('—');
    expect(formatPClause(0.27)).toBe('p = 0.27');
    expect(formatPClause(1e-9)).toBe('p < 0.001');
    expect(formatShare(0.3548)).toBe('35.5%');
    expect(formatShare(0.25, 0)).toBe('25%');
    expect(formatCount(65536)).toBe('65,536');
    expect(formatBytes(1230)).toBe('1.2 KiB');
    expect(formatBytes(1230, 'si')).toBe('1.23 kB');
    expect(formatBytes(12)).toBe('12 B');
    expect(formatDuration(300)).toBe('0.3 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(150_000)).toBe('2.5 min');
  });
  it('plain decimals for Mermaid: never an exponent', () => {
    expect(formatPlain(0.000012345, 3)).toBe('0.0000123');
    expect(formatPlain(1.5e13, 2)).toBe('15000000000000');
    expect(formatPlain(0.30000000000000004, 12)).toBe('0.3');
    expect(formatPlain(0.98637)).toBe('0.9864');
  });
});
