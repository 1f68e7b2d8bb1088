import { describe, expect, it } from 'vitest';
import { HashRowSet, Hasher64 } from '../../../src/core/contract/hash-set.js';
import { parseRelation } from '../../../src/core/contract/relation.js';
import { parseDuration, parseTimestamp } from '../../../src/core/profile/timestamp.js';

describe('timestamps', () => {
  it('reads ISO 8601 as Date.parse does for dates and zoned times; a time without zone is UTC', () => {
    for (const t of [
      '2024-06-01',
      '2024-02-29',
      '2024-06-01T12:30:00Z',
      '2024-06-01T12:30:00.123Z',
      '2024-06-01T12:30:00+02:00',
      '2024-06-01T12:30:00-0530',
      '1999-12-31T23:59:59.999999Z',
    ])
      expect(parseTimestamp(t), t).toBe(Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
    expect(parseTimestamp('2024-06-01 12:30:00')).toBe(Date.parse('2024-06-01T12:30:00Z'));
    expect(parseTimestamp('2024-06-01T12:30')).toBe(Date.parse('2024-06-01T12:30:00Z'));
  });

  it('refuses what is not a real ISO 8601 timestamp', () => {
    for (const t of [
      '2023-02-29',
      '2024-13-01',
      '2024-06-31',
      '2024-06-01T25:00',
      'June 1 2024',
      '20240601',
      '2024/06/01',
      '12.5',
      '',
    ])
      expect(parseTimestamp(t), t).toBeNaN();
  });

  it('durations', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('1 month')).toBeNaN();
  });
});

describe('relations', () => {
  it('parses comparisons of columns and numbers, backticks for odd names', () => {
    expect(parseRelation('start <= end')).toEqual({ left: 'start', op: '<=', right: 'end' });
    expect(parseRelation('`end date`>`start date`')).toEqual({
      left: 'end date',
      op: '>',
      right: 'start date',
    });
    expect(parseRelation('age >= -1.5e2')).toEqual({ left: 'age', op: '>=', right: -150 });
    expect(parseRelation('a.b != c_d')).toEqual({ left: 'a.b', op: '!=', right: 'c_d' });
    for (const bad of ['a plus b', 'a <= ', '3 < a', 'a << b', 'a <= b <= c'])
      expect(parseRelation(bad), bad).toBeUndefined();
  });
});

describe('64-bit value hashes', () => {
  const hash = (f: (h: Hasher64) => Hasher64): [number, number] => {
    const h = f(new Hasher64().reset()).done();
    return [h.a, h.b];
  };

  it('tells 300,000 distinct values apart and finds each repeat with its first row', () => {
    const set = new HashRowSet(16);
    let collisions = 0;
    for (let i = 0; i < 100_000; i++) {
      for (const [a, b] of [
        hash((h) => h.number(i)),
        hash((h) => h.number(i + 0.5)),
        hash((h) => h.text(`id-${i}`)),
      ])
        if (set.addOrFirst(a, b, set.size + 1) !== 0) collisions++;
    }
    expect(collisions).toBe(0);
    expect(set.size).toBe(300_000);
    const [a, b] = hash((h) => h.text('id-42'));
    expect(set.addOrFirst(a, b, 999_999)).toBe(3 * 42 + 3);
    expect(set.firstRow(...hash((h) => h.number(7)))).toBe(3 * 7 + 1);
    expect(set.firstRow(...hash((h) => h.text('never')))).toBe(0);
  });

  it('hashes what a value means: -0 is 0; the number 1 and the text "1" differ; rows hash in order', () => {
    expect(hash((h) => h.number(-0))).toEqual(hash((h) => h.number(0)));
    expect(hash((h) => h.number(1))).not.toEqual(hash((h) => h.text('1')));
    expect(hash((h) => h.text('ab'))).not.toEqual(hash((h) => h.text('ba')));
    expect(hash((h) => h.number(1).missing())).not.toEqual(hash((h) => h.missing().number(1)));
    expect(hash((h) => h.boolean(true))).not.toEqual(hash((h) => h.boolean(false)));
  });
});
