import { describe, expect, it } from 'vitest';
import { LeakageCheck } from '../../../src/core/contract/leakage.js';
import { RowIndex } from '../../../src/core/contract/row-index.js';
import { skewContract } from '../../../src/core/contract/skew.js';
import { DatasetCheck } from '../../../src/core/contract/dataset-check.js';
import type { ColumnValues, TableBatch } from '../../../src/core/contract/table-batch.js';
import type { Cell } from '../../../src/core/profile/column-profile.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';
import { rng } from '../../harness/random.js';

function batch(firstRow: number, columns: Record<string, Cell[] | Float64Array>): TableBatch {
  const map = new Map<string, ColumnValues>();
  let length = 0;
  for (const [name, v] of Object.entries(columns)) {
    map.set(name, v instanceof Float64Array ? { numbers: v } : { cells: v });
    length = v.length;
  }
  return { firstRow, length, columns: map };
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

describe('label leakage', () => {
  const n = 200;
  const r = rng(3);
  const y = Array.from({ length: n }, () => (r() < 0.4 ? 1 : 0));
  const honest = y.map((v) => v + normal(r)); // overlaps between classes
  const separating = y.map((v) => (v ? 5 + r() : r())); // 0..1 vs 5..6
  const code = y.map((v) => (v ? 'M' : 'B'));
  const noisyCode = code.map((c, i) => (i === 7 ? (c === 'M' ? 'B' : 'M') : c));
  const ids = y.map((_, i) => `patient-${i}`);

  function leaks(
    columns: Record<string, Cell[]>,
    label = 'y',
    kinds?: Record<string, 'number' | 'text'>,
  ) {
    const check = new LeakageCheck(
      label,
      new Map(Object.keys(columns).map((c) => [c, kinds?.[c]])),
    );
    check.add(batch(1, columns));
    return check.finish('train.csv', n);
  }

  it('a feature whose values separate the classes predicts the label perfectly', () => {
    const found = leaks({ y, honest, separating, code, noisyCode, ids });
    expect(found.map((v) => v.column)).toEqual(['separating', 'code']);
    expect(found[0]).toMatchObject({
      dataset: 'train.csv',
      check: 'leakage',
      severity: 'error',
      count: n,
      share: 1,
    });
    const lo = Math.min(...separating.filter((_, i) => !y[i]));
    const hi = Math.max(...separating.filter((_, i) => y[i]));
    expect(found[0]!.message).toContain(
      `y=0 has ${lo} .. ${Math.max(...separating.filter((_, i) => !y[i]))}`,
    );
    expect(found[0]!.message).toContain(`.. ${hi}`);
    expect(found[1]!.message).toBe(
      '"code" leaks the label "y": each of its 2 values occurs with one label only, so it predicts the label perfectly',
    );
    expect(found[0]!.examples[0]).toEqual({
      row: 1,
      value: `separating=${separating[0]}, y=${y[0]}`,
    });
  });

  it('a near copy of a numeric label: |Pearson r| >= 0.99, as a two-pass computation says', () => {
    const target = Array.from({ length: n }, () => normal(r) * 10);
    const copy = target.map((t) => -2 * t + normal(r) * 0.5);
    const related = target.map((t) => t + normal(r) * 4);
    const pearson = (a: number[], b: number[]) => {
      const ma = a.reduce((s, x) => s + x, 0) / a.length;
      const mb = b.reduce((s, x) => s + x, 0) / b.length;
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (let i = 0; i < a.length; i++) {
        sab += (a[i]! - ma) * (b[i]! - mb);
        saa += (a[i]! - ma) ** 2;
        sbb += (b[i]! - mb) ** 2;
      }
      return sab / Math.sqrt(saa * sbb);
    };
    expect(Math.abs(pearson(copy, target))).toBeGreaterThan(0.99);
    expect(Math.abs(pearson(related, target))).toBeLessThan(0.99);
    const found = leaks({ target, copy, related }, 'target');
    expect(found.map((v) => v.column)).toEqual(['copy']);
    expect(found[0]!.message).toBe(
      `"copy" leaks the label "target": a near copy of it (correlation ${pearson(copy, target).toFixed(4)} over ${n} rows)`,
    );
  });

  it('not from too few rows per class, mixed columns, or text read as numbers by the contract', () => {
    const few = y.map((v, i) => (i < 4 ? 1 : 0));
    const sep = few.map((v) => (v ? 9 : r()));
    expect(leaks({ y: few, sep })).toEqual([]);
    const mixed = separating.map((v, i) => (i === 3 ? 'n/a?' : v));
    expect(leaks({ y, mixed })).toEqual([]);
    // CSV text of a separating feature, typed as a number by the contract: still found.
    expect(
      leaks({ y, s: separating.map(String) }, 'y', { s: 'number' }).map((v) => v.column),
    ).toEqual(['s']);
  });
});

describe('training / holdout overlap', () => {
  it('finds shared rows by what the cells mean, whatever the column order, and shared ids', () => {
    const index = new RowIndex(['a', 'b'], 'id');
    index.add(
      batch(1, {
        id: ['u1', 'u2', 'u3', ''],
        b: ['x', 'y', 'z', 'w'],
        a: Float64Array.from([1, 2, 3, 4]),
      }),
    );
    index.probe(
      batch(1, {
        a: ['1.0', '2', '30', '4'],
        b: ['x', 'Y', 'z', 'w'],
        id: ['u9', 'u2', 'u3', 'NA'],
      }),
    );
    const found = index.overlaps('holdout.csv', 'train.csv', 4);
    expect(found).toEqual([
      {
        dataset: 'holdout.csv',
        check: 'overlap_rows',
        severity: 'error',
        count: 2,
        share: 0.5,
        message:
          '2 rows are also in the training data "train.csv" (the same values in all 2 shared columns)',
        examples: [
          { row: 1, first_row: 1 },
          { row: 4, first_row: 4 },
        ],
      },
      {
        dataset: 'holdout.csv',
        check: 'overlap_ids',
        column: 'id',
        severity: 'error',
        count: 2,
        share: 0.5,
        message: '2 ids are also in the training data "train.csv"',
        examples: [
          { row: 2, value: 'u2', first_row: 2 },
          { row: 3, value: 'u3', first_row: 3 },
        ],
      },
    ]);
    // The next data set starts from nothing.
    index.probe(batch(1, { a: ['7'], b: ['q'], id: ['u7'] }));
    expect(index.overlaps('other.csv', 'train.csv', 1)).toEqual([]);
  });
});

describe('train/serve skew', () => {
  it('the training profile as expectations: missing columns and types are errors, new ranges and categories warnings', () => {
    const p = new TableProfile(64);
    p.beginSource('train.csv', 'csv');
    const n = 100;
    p.addBatch({
      columns: ['x', 'city', 'y'],
      firstRow: 1,
      length: n,
      values: [
        Array.from({ length: n }, (_, i) => String(i / 10)),
        Array.from({ length: n }, (_, i) => ['paris', 'lyon'][i % 2]!),
        Array.from({ length: n }, (_, i) => String(i % 2)),
      ],
    });
    const contract = skewContract(p, 'y');
    const check = new DatasetCheck(contract, {
      dataset: 'log.jsonl',
      serving: true,
      against: 'training',
    });
    check.add(
      batch(1, {
        _ts: Array(50).fill('t'),
        _model: Array(50).fill('m'),
        _version: Array(50).fill('1.0.0'),
        x: Array.from({ length: 50 }, (_, i) => (i < 10 ? 50 : i / 10)),
        city: Array.from({ length: 50 }, (_, i) => (i < 3 ? 'nice' : 'paris')),
        extra: Array(50).fill(1),
      }),
    );
    const found = check.finish(0);
    expect(found.map((v) => [v.scope, v.check, v.column, v.severity, v.count])).toEqual([
      ['skew', 'range', 'x', 'warning', 10],
      ['skew', 'allowed', 'city', 'warning', 3],
      ['skew', 'extra_column', 'extra', 'warning', 0],
    ]);
    expect(found[0]!.message).toBe(
      '10 values outside the training range [0, 10.89] (found 1 .. 50) — 20% of the values, more than the 2.0% tolerated',
    );
    expect(found[1]!.message).toBe('3 values not in the 2 seen in training: "nice" (3)');
  });
});
