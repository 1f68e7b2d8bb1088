import { describe, expect, it } from 'vitest';
import { normalizeContract } from '../../../src/core/contract/contract.js';
import { DatasetCheck } from '../../../src/core/contract/dataset-check.js';
import type { ContractFile } from '../../../src/core/contract/schema.js';
import type { ColumnValues, TableBatch } from '../../../src/core/contract/table-batch.js';
import type { Violation } from '../../../src/core/contract/violation.js';
import type { Cell } from '../../../src/core/profile/column-profile.js';

const NOW = Date.parse('2024-06-30T00:00:00Z');

function batch(firstRow: number, columns: Record<string, ColumnValues>): TableBatch {
  const first = Object.values(columns)[0]!;
  const length = first.numbers?.length ?? first.cells!.length;
  return { firstRow, length, columns: new Map(Object.entries(columns)) };
}

const cells = (...v: Cell[]): ColumnValues => ({ cells: v });

function check(file: ContractFile, batches: TableBatch[], serving = false): Violation[] {
  const c = new DatasetCheck(normalizeContract(file, 'c.yaml'), { dataset: 'd.csv', serving });
  for (const b of batches) c.add(b);
  return c.finish(NOW);
}

const only = (vs: Violation[], checkName: string) => vs.filter((v) => v.check === checkName);

describe('column expectations', () => {
  it('type: text in a number column, fractions in an integer column, counted with rows and values', () => {
    const vs = check({ version: 1, columns: { n: { type: 'number' }, k: { type: 'integer' } } }, [
      batch(1, {
        n: cells('1.5', '2 mm', null, 'NA', '-inf'),
        k: cells('1', '2.5', 3, '4.0', 'x'),
      }),
    ]);
    expect(only(vs, 'type')).toEqual([
      expect.objectContaining({
        column: 'n',
        count: 1,
        share: 0.2,
        severity: 'error',
        examples: [{ row: 2, value: '2 mm' }],
      }),
      expect.objectContaining({
        column: 'k',
        count: 2,
        examples: [
          { row: 2, value: '2.5' },
          { row: 5, value: 'x' },
        ],
      }),
    ]);
    expect(only(vs, 'type')[0]!.message).toBe(
      "1 value is not numbers (the contract's type is number)",
    );
  });

  it('the same verdicts from numbers parsed by the CSV scanner as from cells', () => {
    const file: ContractFile = {
      version: 1,
      columns: {
        x: { type: 'integer', range: { min: 0, max: 10 }, max_missing: 0.1, unique: true },
      },
    };
    const fromCells = check(file, [
      batch(1, { x: cells('1', '', '12', '3', 'oops', '3', '-1', '') }),
    ]);
    const fromNumbers = check(file, [
      batch(1, {
        x: {
          numbers: Float64Array.from([1, NaN, 12, 3, NaN, 3, -1, NaN]),
          invalid: { count: 1, examples: [{ row: 5, text: 'oops' }] },
        },
      }),
    ]);
    const strip = (vs: Violation[]) =>
      vs.map((v) => ({
        ...v,
        examples: v.examples.map((e) => ({
          ...e,
          value: e.value && String(Number(e.value) || e.value),
        })),
      }));
    expect(strip(fromNumbers)).toEqual(strip(fromCells));
    expect(fromCells.map((v) => [v.check, v.count])).toEqual([
      ['type', 1],
      ['missing', 2],
      ['range', 2],
      ['unique', 1],
    ]);
    expect(only(fromCells, 'missing')[0]!.examples).toEqual([{ row: 2 }, { row: 8 }]);
    expect(only(fromCells, 'unique')[0]!.examples).toEqual([{ row: 6, value: '3', first_row: 4 }]);
    expect(only(fromCells, 'range')[0]!.message).toBe('2 values outside [0, 10] (found -1 .. 12)');
  });

  it('takes no missing examples from a batch whose text cells were not all kept', () => {
    // Rows 1-6 are text (only 5 kept by the scanner), row 7 is really missing.
    const vs = check({ version: 1, columns: { x: { type: 'number', max_missing: 0 } } }, [
      batch(1, {
        x: {
          numbers: new Float64Array(7).fill(NaN),
          invalid: { count: 6, examples: [1, 2, 3, 4, 5].map((row) => ({ row, text: 't' })) },
        },
      }),
      batch(8, { x: { numbers: Float64Array.from([NaN, 1]) } }),
    ]);
    expect(only(vs, 'missing')[0]).toMatchObject({ count: 2, examples: [{ row: 8 }] });
    expect(only(vs, 'type')[0]!.count).toBe(6);
  });

  it('allowed: categories by meaning (CSV "1.0" is 1, "True" is true), unexpected values counted', () => {
    const vs = check(
      {
        version: 1,
        columns: {
          plan: { allowed: ['free', 'pro'] },
          code: { allowed: [1, 2] },
          flag: { allowed: [true] },
        },
      },
      [
        batch(1, {
          plan: cells('free', 'Pro', 'enterprise', 'enterprise', 'pro', null),
          code: cells('1.0', 2, '3', 1, '2', '1'),
          flag: cells('True', true, 'false', 'TRUE', null, 'true'),
        }),
      ],
    );
    const plan = only(vs, 'allowed').find((v) => v.column === 'plan')!;
    expect(plan).toMatchObject({
      count: 3,
      values: [
        { value: 'enterprise', count: 2 },
        { value: 'Pro', count: 1 },
      ],
    });
    expect(plan.message).toBe('3 values not in the 2 allowed: "enterprise" (2), "Pro" (1)');
    expect(only(vs, 'allowed').find((v) => v.column === 'code')).toMatchObject({
      count: 1,
      examples: [{ row: 3, value: '3' }],
    });
    expect(only(vs, 'allowed').find((v) => v.column === 'flag')).toMatchObject({
      count: 1,
      examples: [{ row: 3, value: 'false' }],
    });
  });

  it('pattern: the whole value must match, numbers and ids as their text', () => {
    const vs = check({ version: 1, columns: { zip: { pattern: '\\d{5}' } } }, [
      batch(1, { zip: cells('02134', '2134', 'ab123', 12345) }),
    ]);
    expect(only(vs, 'pattern')[0]).toMatchObject({
      count: 2,
      examples: [
        { row: 2, value: '2134' },
        { row: 3, value: 'ab123' },
      ],
      message: '2 values do not match /\\d{5}/',
    });
  });

  it('freshness: the newest timestamp against now; timestamps that do not parse are type errors', () => {
    const file: ContractFile = {
      version: 1,
      columns: { at: { type: 'timestamp', freshness: { max_age: '7d' } } },
    };
    const fresh = check(file, [batch(1, { at: cells('2024-06-01', '2024-06-25T10:00:00+02:00') })]);
    expect(fresh).toEqual([]);
    const stale = check(file, [
      batch(1, { at: cells('2024-05-01', '2024-06-01T12:00:00Z', 'yesterday') }),
    ]);
    expect(only(stale, 'type')[0]).toMatchObject({
      count: 1,
      examples: [{ row: 3, value: 'yesterday' }],
    });
    expect(only(stale, 'freshness')[0]).toMatchObject({
      count: 2,
      examples: [{ row: 2, value: '2024-06-01T12:00:00Z' }],
      message:
        'the newest value, "2024-06-01T12:00:00Z" (row 2), is 28 days old; at most 7d is allowed',
    });
  });

  it('severity comes from the contract; warnings are reported, not errors', () => {
    const vs = check(
      {
        version: 1,
        columns: {
          x: {
            range: { max: 1, severity: 'warning' },
            max_missing: { share: 0, severity: 'warning' },
          },
        },
      },
      [batch(1, { x: cells(2, null) })],
    );
    expect(vs.map((v) => [v.check, v.severity])).toEqual([
      ['missing', 'warning'],
      ['range', 'warning'],
    ]);
  });
});

describe('table expectations', () => {
  it('missing and extra columns, relations and the row band', () => {
    const vs = check(
      {
        version: 1,
        rows: { min: 5 },
        columns: { start: {}, end: {}, gone: {}, maybe: { required: false } },
        relations: ['start <= end', { check: 'end != 4', severity: 'warning' }],
      },
      [
        batch(1, {
          start: cells('2024-01-01', '2024-02-01', 5, '7'),
          end: cells('2024-01-02', '2024-01-15', 4, '700'),
          surprise: cells(1, 2, 3, 4),
        }),
      ],
    );
    expect(vs.map((v) => [v.check, v.column, v.severity, v.count])).toEqual([
      ['missing_column', 'gone', 'error', 0],
      ['extra_column', 'surprise', 'warning', 0],
      ['relation', 'start', 'error', 2],
      ['relation', 'end', 'warning', 1],
      ['rows', undefined, 'error', 4],
    ]);
    expect(only(vs, 'relation')[0]!.examples).toEqual([
      { row: 2, value: 'start=2024-02-01, end=2024-01-15' },
      { row: 3, value: 'start=5, end=4' },
    ]);
    expect(only(vs, 'rows')[0]!.message).toBe(
      '4 rows; the contract expects 5 to any number of rows',
    );
  });

  it("a prediction log: the server's `_` columns are not extra and the label may be absent", () => {
    const file: ContractFile = { version: 1, label: 'y', columns: { x: {}, y: {} } };
    const log = [
      batch(1, {
        _ts: cells('t'),
        _model: cells('m'),
        _version: cells('1.0.0'),
        x: cells(1),
        '_out.label': cells(1),
      }),
    ];
    expect(check(file, log, true)).toEqual([]);
    expect(check(file, log, false).map((v) => v.check)).toEqual([
      'missing_column',
      'extra_column',
      'extra_column',
      'extra_column',
      'extra_column',
    ]);
  });

  it('a column absent from some JSON lines is missing there', () => {
    const vs = check({ version: 1, columns: { x: { max_missing: 0 } } }, [
      batch(1, { x: cells(1, 2) }),
      batch(3, { other: cells(1, 2, 3) }),
    ]);
    expect(only(vs, 'missing')[0]).toMatchObject({
      count: 3,
      share: 0.6,
      examples: [{ row: 3 }, { row: 4 }, { row: 5 }],
    });
  });
});
