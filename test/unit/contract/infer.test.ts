import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileFile } from '../../../src/commands/profile.js';
import { checkDataset } from '../../../src/commands/validate.js';
import { normalizeContract } from '../../../src/core/contract/contract.js';
import { inferContract, rangeWithMargin } from '../../../src/core/contract/infer.js';
import type { ColumnContractFile } from '../../../src/core/contract/schema.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';

// What pandas 1.5 reads from the same files (make_pandas_reference.py writes it).
interface PandasColumn {
  dtype: string;
  timestamps: boolean;
  whole: boolean;
  min: number | null;
  max: number | null;
  nulls: number;
  nunique: number;
  values: string[] | null;
  is_unique: boolean;
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/contract/pandas-reference.json', import.meta.url), 'utf8'),
) as { files: Record<string, { rows: number; columns: Record<string, PandasColumn> }> };

const FILES: Record<string, string> = {
  'breast_cancer.csv': 'test/fixtures/data/breast_cancer.csv',
  'wine.csv': 'test/fixtures/data/wine.csv',
  'patients.csv': 'test/fixtures/contract/patients.csv',
};

/** The type pandas gives a column, in the contract's words. */
function pandasType(p: PandasColumn): string {
  if (p.dtype === 'bool') return 'boolean';
  if (p.dtype.startsWith('int') || (p.dtype.startsWith('float') && p.whole)) return 'integer';
  if (p.dtype.startsWith('float')) return 'number';
  return p.timestamps ? 'timestamp' : 'string';
}

const typeOf = (c: ColumnContractFile) => (typeof c.type === 'string' ? c.type : c.type?.is);

describe('contract inference agrees with pandas on the example data', () => {
  for (const [name, path] of Object.entries(FILES)) {
    it(`${name}: types, missing values, ranges, categories and ids`, async () => {
      const { profile } = await profileFile(path);
      const { contract } = inferContract(profile, { label: 'malignant' });
      const ref = reference.files[name]!;
      expect(Object.keys(contract.columns)).toEqual(Object.keys(ref.columns));
      expect(contract.rows).toEqual({
        min: Math.floor(ref.rows / 10),
        max: ref.rows * 10,
        severity: 'warning',
      });
      for (const [column, p] of Object.entries(ref.columns)) {
        const c = contract.columns[column]!;
        expect(typeOf(c), column).toBe(pandasType(p));
        // No missing value in the reference: none allowed; else twice the rate (at least +5 points).
        const rate = p.nulls / ref.rows;
        expect(c.max_missing, column).toBe(
          p.nulls === 0 ? 0 : Math.ceil(Math.max(2 * rate, rate + 0.05) * 100 - 1e-9) / 100,
        );
        if (c.range) {
          // The observed range with 10% of the spread on each side, never below 0 for a
          // non-negative column, and rounded outward.
          const spread = p.max! - p.min!;
          expect(c.range.min!, column).toBeLessThanOrEqual(p.min!);
          expect(c.range.max!, column).toBeGreaterThanOrEqual(p.max!);
          expect(c.range.min!, column).toBeGreaterThanOrEqual(
            p.min! >= 0 ? Math.max(0, p.min! - 0.11 * spread) : p.min! - 0.11 * spread,
          );
          expect(c.range.max!, column).toBeLessThanOrEqual(p.max! + 0.11 * spread);
          expect(c.range.max!, column).toBeGreaterThanOrEqual(p.max! + 0.1 * spread - 1e-9);
        }
        if (c.allowed)
          expect((c.allowed as unknown[]).map(String).sort(), column).toEqual(
            p.values!.map((v) =>
              p.dtype.startsWith('float') || p.dtype.startsWith('int') ? String(Number(v)) : v,
            ),
          );
        // Few whole-number codes (labels) and few text categories get an allowed set.
        const expectAllowed =
          (pandasType(p) === 'integer' && p.nunique <= 20 && !p.is_unique) ||
          (pandasType(p) === 'string' && p.nunique <= 100 && p.nunique * 2 <= ref.rows - p.nulls);
        expect(c.allowed !== undefined, column).toBe(expectAllowed);
        // The id: unique in pandas and named like an id; no range (new ids grow past old ones).
        const isId = p.is_unique && /(^|_)id$/.test(column);
        expect(c.unique === true, column).toBe(isId);
        if (isId) expect(c.range, column).toBeUndefined();
      }
      expect(contract.id).toBe(name === 'patients.csv' ? 'patient_id' : undefined);
      expect(contract.label).toBe(ref.columns.malignant ? 'malignant' : undefined);
    });
  }

  it('checks the data it was inferred from without a single violation', async () => {
    for (const path of Object.values(FILES)) {
      const { profile } = await profileFile(path);
      const contract = normalizeContract(inferContract(profile).contract, 'inferred');
      const r = await checkDataset(contract, path, { now: Date.parse('2024-06-01T00:00:00Z') });
      expect(r.violations, path).toEqual([]);
      expect(r.summary.rows).toBe(reference.files[path.split('/').pop()!]!.rows);
    }
  });
});

describe('inference rules', () => {
  it('widens ranges by the margin and rounds outward to three digits of the spread', () => {
    expect(rangeWithMargin(6.981, 28.11, 0.1, false)).toEqual({ min: 4.8, max: 30.3 });
    expect(rangeWithMargin(-5, 5, 0.1, false)).toEqual({ min: -6, max: 6 });
    expect(rangeWithMargin(0.00123, 0.00456, 0, false)).toEqual({ min: 0.00123, max: 0.00456 });
    // A non-negative column stays non-negative; whole numbers stay whole.
    expect(rangeWithMargin(143.5, 2501, 0.1, false)).toEqual({ min: 0, max: 2740 });
    expect(rangeWithMargin(70, 162, 0.1, true)).toEqual({ min: 60, max: 172 });
    // A constant column gets the margin of its own size.
    expect(rangeWithMargin(3, 3, 0.1, false)).toEqual({ min: 2.7, max: 3.3 });
  });

  it('types what JSON and Parquet say: numbers, booleans, text, timestamps; mixed has no type', () => {
    const p = new TableProfile(64);
    p.beginSource('t.jsonl', 'jsonl');
    const n = 40;
    p.addBatch({
      columns: ['n', 'flag', 'city', 'at', 'mixed', 'empty', 'user_id', 'note'],
      firstRow: 1,
      length: n,
      values: [
        Array.from({ length: n }, (_, i) => i / 4),
        Array.from({ length: n }, (_, i) => i % 2 === 0),
        Array.from({ length: n }, (_, i) => ['paris', 'lyon'][i % 2]!),
        Array.from({ length: n }, (_, i) => `2024-05-${String((i % 28) + 1).padStart(2, '0')}`),
        Array.from({ length: n }, (_, i) => (i % 2 ? 'x' : i)),
        Array.from({ length: n }, () => null),
        Array.from({ length: n }, (_, i) => `u${i}`),
        Array.from({ length: n }, (_, i) => (i < 20 ? null : `free text ${i}`)),
      ],
    });
    const { contract, notes } = inferContract(p);
    const c = contract.columns;
    expect(typeOf(c.n!)).toBe('number');
    expect(typeOf(c.flag!)).toBe('boolean');
    expect(c.city).toMatchObject({ type: 'string', allowed: ['lyon', 'paris'], max_missing: 0 });
    expect(typeOf(c.at!)).toBe('timestamp');
    expect(c.at!.range).toBeUndefined();
    expect(c.mixed!.type).toBeUndefined();
    expect(notes.mixed).toMatch(/numbers and text mixed/);
    expect(c.empty).toEqual({ max_missing: 1 });
    expect(c.user_id).toMatchObject({ type: 'string', unique: true });
    expect(contract.id).toBe('user_id');
    // Half missing: up to 100% allowed (twice the rate); free text gets no allowed list.
    expect(c.note).toEqual({ type: 'string', max_missing: 1 });
  });
});
