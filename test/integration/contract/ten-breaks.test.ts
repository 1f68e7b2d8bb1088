import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/cli.js';
import { rng } from '../../harness/random.js';
import { tempDir } from '../../harness/temp.js';

// Issue 19's acceptance test: the demo's data (the breast-cancer example split as `npm run demo`
// splits it, every fourth row held out) with the columns a real table has besides measurements
// (a patient id, the clinic, when it was measured), a contract inferred from the training data plus
// one expectation added by hand (freshness), then the holdout broken in ten realistic ways. Each
// break is caught, with what and where; the clean data gets no report at all.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Table = { header: string[]; rows: string[][] };

let dir: string;
let train: Table;
let holdout: Table;
const DAY = 86_400_000;

function write(file: string, t: Table): void {
  writeFileSync(join(dir, file), [t.header, ...t.rows].map((r) => r.join(',')).join('\n') + '\n');
}

function copy(t: Table): Table {
  return { header: [...t.header], rows: t.rows.map((r) => [...r]) };
}

function col(t: Table, name: string): number {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

function validate(data: string, trainFile = 'train.csv'): { code: number; report: Json } {
  const r = runCli(
    ['validate', '--contract', 'contract.yaml', '--data', data, '--train', trainFile, '--json'],
    dir,
  );
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Json };
}

beforeAll(() => {
  dir = tempDir('modelci-ten-breaks-');
  const [head, ...lines] = readFileSync('examples/churn/data/breast_cancer.csv', 'utf8')
    .trim()
    .split(/\r?\n/);
  const now = Date.now();
  const clinics = ['north', 'south', 'east', 'west'];
  const r = rng(19);
  const rows = lines.map((line, i) => [
    String(100_000 + i),
    clinics[Math.floor(r() * 4)]!,
    // Measured over the last three weeks, newest first.
    new Date(now - (i / lines.length) * 21 * DAY).toISOString(),
    ...line.split(','),
  ]);
  const header = ['patient_id', 'clinic', 'measured_at', ...head!.split(',')];
  train = { header, rows: rows.filter((_, i) => i % 4 !== 0) };
  holdout = { header, rows: rows.filter((_, i) => i % 4 === 0) };
  write('train.csv', train);
  write('holdout.csv', holdout);
  const inferred = runCli(
    ['contract', 'infer', '--data', 'train.csv', '--out', 'contract.yaml', '--label', 'malignant'],
    dir,
  );
  expect(inferred.code).toBe(0);
  // The team's own addition: data older than a month is stale.
  const text = readFileSync(join(dir, 'contract.yaml'), 'utf8');
  const edited = text.replace(
    /( {2}measured_at:\n(?: {4}.*\n)*? {4}type: timestamp\n)/,
    '$1    freshness: { max_age: 30d }\n',
  );
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'contract.yaml'), edited);
});

describe('ten realistic breaks of the demo data, each caught; the clean data passes', () => {
  it('clean training and holdout data: no violation at all, exit 0', () => {
    const { code, report } = validate('holdout.csv');
    expect(report.violations).toEqual([]);
    expect(report.datasets.map((d: Json) => [d.file, d.role, d.rows])).toEqual([
      ['train.csv', 'train', 426],
      ['holdout.csv', 'data', 143],
    ]);
    expect(code).toBe(0);
  });

  type Break = {
    what: string;
    apply: (holdout: Table, train: Table) => void;
    /** [check, column, severity] of every violation expected. */
    expect: [string, string | undefined, string][];
    /** Text the first violation's message must hold. */
    message: RegExp;
    /** The dataset the first violation names. */
    dataset?: string;
  };
  const breaks: Break[] = [
    {
      what: 'type change: a unit slips into a number column',
      apply: (h) => h.rows.forEach((r, i) => i % 3 === 0 && (r[col(h, 'mean_radius')] += ' mm')),
      expect: [['type', 'mean_radius', 'error']],
      message: /^48 values are not numbers/,
    },
    {
      what: 'new category: a clinic that never sent data before',
      apply: (h) => h.rows.forEach((r, i) => i < 12 && (r[col(h, 'clinic')] = 'central')),
      expect: [['allowed', 'clinic', 'error']],
      message: /^12 values not in the 4 allowed: "central" \(12\)/,
    },
    {
      what: 'null burst: an upstream join drops a feature for 40% of rows',
      apply: (h) => h.rows.forEach((r, i) => i % 5 < 2 && (r[col(h, 'mean_texture')] = '')),
      expect: [['missing', 'mean_texture', 'error']],
      message: /^58 missing values \(41% of rows\); none is allowed/,
    },
    {
      what: 'range shift: one feature arrives in millimetres instead of centimetres',
      apply: (h) =>
        h.rows.forEach(
          (r) => (r[col(h, 'worst_radius')] = String(Number(r[col(h, 'worst_radius')]) * 10)),
        ),
      expect: [['range', 'worst_radius', 'error']],
      message:
        /^143 values outside \[\d.*\] \(found .*\) — 100% of the values, more than the 2\.0% tolerated/,
    },
    {
      what: 'duplicate ids: a retried export appends rows again',
      apply: (h) => h.rows.push(...h.rows.slice(0, 6).map((r) => [...r])),
      expect: [
        ['unique', 'patient_id', 'error'],
        // The repeated rows are still valid rows; nothing else is reported.
      ],
      message: /^6 rows repeat a value of this unique column/,
    },
    {
      what: 'leakage: the biopsy result, known only after diagnosis, slips into the training data',
      apply: (_h, t) => {
        t.header.push('biopsy');
        t.rows.forEach((r) => r.push(r[col(t, 'malignant')] === '1' ? 'malignant' : 'benign'));
      },
      expect: [
        ['leakage', 'biopsy', 'error'],
        ['extra_column', 'biopsy', 'warning'],
      ],
      message:
        /^"biopsy" leaks the label "malignant": each of its 2 values occurs with one label only/,
      dataset: 'train-broken.csv',
    },
    {
      what: 'overlap: the holdout export includes rows the model was trained on',
      apply: (h) => h.rows.push(...train.rows.slice(10, 25).map((r) => [...r])),
      expect: [
        ['overlap_rows', undefined, 'error'],
        ['overlap_ids', 'patient_id', 'error'],
      ],
      message:
        /^15 rows are also in the training data "train\.csv" \(the same values in all 34 shared columns\)/,
    },
    {
      what: 'missing column: a feature was renamed upstream',
      apply: (h) => {
        const i = col(h, 'worst_area');
        h.header[i] = 'worst_area_mm2';
      },
      expect: [
        ['missing_column', 'worst_area', 'error'],
        ['extra_column', 'worst_area_mm2', 'warning'],
      ],
      message: /^the column "worst_area" is missing \(the contract requires it\)/,
    },
    {
      what: 'extra column: a new field appears',
      apply: (h) => {
        h.header.push('notes');
        h.rows.forEach((r) => r.push('ok'));
      },
      expect: [['extra_column', 'notes', 'warning']],
      message: /^the column "notes" is not in the contract/,
    },
    {
      what: 'stale timestamps: the pipeline re-sent a three-month-old extract',
      apply: (h) =>
        h.rows.forEach((r) => {
          const i = col(h, 'measured_at');
          r[i] = new Date(Date.parse(r[i]!) - 90 * DAY).toISOString();
        }),
      expect: [['freshness', 'measured_at', 'error']],
      message:
        /^the newest value, "[0-9T:.Z-]+" \(row 1\), is 9\d days old; at most 30d is allowed/,
    },
  ];

  for (const b of breaks)
    it(b.what, () => {
      const h = copy(holdout);
      const t = copy(train);
      b.apply(h, t);
      write('holdout-broken.csv', h);
      write('train-broken.csv', t);
      const trainFile = b.dataset === 'train-broken.csv' ? 'train-broken.csv' : 'train.csv';
      const { code, report } = validate('holdout-broken.csv', trainFile);
      expect(report.violations.map((v: Json) => [v.check, v.column, v.severity])).toEqual(b.expect);
      const first = report.violations[0];
      expect(first.message).toMatch(b.message);
      expect(first.dataset).toBe(b.dataset ?? 'holdout-broken.csv');
      // Where: example rows for everything about values.
      if (!['missing_column', 'extra_column'].includes(first.check))
        expect(first.examples.length).toBeGreaterThan(0);
      expect(code).toBe(b.expect.some(([, , s]) => s === 'error') ? 3 : 0);
    });
});
