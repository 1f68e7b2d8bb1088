import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/cli.js';
import { runAction } from '../../harness/runner.js';
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

/** modelci.yaml of the demo model with its contract, on the given data files. */
const features = () => holdout.header.slice(3).filter((h) => h !== 'malignant');
function config(holdoutFile: string, trainFile = 'train.csv'): void {
  writeFileSync(
    join(dir, 'modelci.yaml'),
    [
      'version: 1',
      'models:',
      '  cancer:',
      '    task: binary',
      '    contract: contract.yaml',
      `    data: { train: ${trainFile}, holdout: ${holdoutFile}, label: malignant, features: [${features().join(', ')}] }`,
      '    train: { trainer: logistic-regression, params: { C: 1.0 } }',
      '    evaluate: { bootstrap: { resamples: 50 } }',
      '',
    ].join('\n'),
  );
}

/** `modelci evaluate` of the model trained in the first test below, on the configured holdout. */
function evaluate(...extra: string[]): ReturnType<typeof runCli> {
  return runCli(['evaluate', '--artifact', 'out/model.onnx', '--model', 'cancer', ...extra], dir);
}

/** `modelci drift` of a production window against the training data. */
function drift(current: string, ...extra: string[]): ReturnType<typeof runCli> {
  return runCli(
    ['drift', '--model', 'cancer', '--reference', 'train.csv', '--current', current, ...extra],
    dir,
  );
}

describe('the checks in the loop: train and evaluate validate their inputs, the PR comment shows them', () => {
  it('train stops on a data error with every violation in its log; trains on clean data', () => {
    const t = copy(train);
    t.header.push('biopsy');
    t.rows.forEach((r) => r.push(r[col(t, 'malignant')] === '1' ? 'malignant' : 'benign'));
    write('train-leaky.csv', t);
    config('holdout.csv', 'train-leaky.csv');
    const stopped = runCli(['train', '--model', 'cancer', '--output-dir', 'out-leaky'], dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(
      'error: "train-leaky.csv" column "biopsy": leakage: "biopsy" leaks the label "malignant"',
    );
    expect(stopped.stderr).toMatch(
      /modelci train: error: train stopped: data checks failed: 1 error, 1 warning \(2 data sets, 569 rows, contract contract\.yaml\); first: "train-leaky\.csv" column "biopsy": "biopsy" leaks the label/,
    );
    config('holdout.csv');
    const trained = runCli(['train', '--model', 'cancer', '--output-dir', 'out'], dir);
    expect(trained.stderr).toContain(
      'data checks passed (2 data sets, 569 rows, contract contract.yaml)',
    );
    expect(trained.code).toBe(0);
  });

  it('evaluate puts warnings into its report and the PR comment shows a Data checks section', () => {
    const h = copy(holdout);
    h.header.push('notes');
    h.rows.forEach((r) => r.push('ok'));
    write('holdout-notes.csv', h);
    config('holdout-notes.csv');
    const evaluated = evaluate('--report', 'report.json');
    expect(evaluated.code).toBe(0);
    expect(evaluated.stderr).toContain(
      'modelci evaluate: warning: "holdout-notes.csv" column "notes": extra_column: the column "notes" is not in the contract',
    );
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Json;
    expect(report.data_checks).toMatchObject({
      passed: true,
      errors: 0,
      warnings: 1,
      contract: 'contract.yaml',
    });
    const comment = runCli(['comment', '--report', 'report.json', '--model', 'cancer'], dir);
    expect(comment.code).toBe(0);
    expect(comment.stdout).toContain(
      '**Data checks: ✅ passed** (1 warning) — train.csv (426 rows), holdout-notes.csv (143 rows) against contract.yaml',
    );
    expect(comment.stdout).toContain(
      '| ⚠️ warning | holdout-notes.csv | notes | extra\\_column |   | the column "notes" is not in the contract |   |',
    );
  });

  it('evaluate stops on a data error before it evaluates (CLI and action)', async () => {
    const h = copy(holdout);
    h.rows.forEach((r, i) => i < 12 && (r[col(h, 'clinic')] = 'central'));
    write('holdout-central.csv', h);
    config('holdout-central.csv');
    const r = evaluate('--report', 'stopped.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /modelci evaluate: error: evaluate stopped: data checks failed: 1 error .*first: "holdout-central\.csv" column "clinic": 12 values not in the 4 allowed: "central" \(12\)/,
    );
    expect(r.stdout).toBe('');
    // The bundled action: a failed step whose job summary is the Data checks section.
    const action = await runAction('evaluate', {
      cwd: dir,
      inputs: { artifact: 'out/model.onnx', model: 'cancer', 'check-run': 'false' },
      timeoutMs: 120_000,
    });
    expect(action.exitCode).toBe(1);
    expect(action.summary).toContain('**Data checks: ❌ failed** (1 error)');
    expect(action.summary).toContain(
      '| ❌ error | holdout-central.csv | clinic | allowed | 12 (8.4%)',
    );
    expect(action.stdout).toMatch(
      /::error::.*evaluate stopped: data checks failed: 1 error .*"holdout-central\.csv" column "clinic"/,
    );
    // --contract none is the way around it, said out loud.
    const skipped = evaluate('--contract', 'none', '--json');
    expect(skipped.code).toBe(0);
    expect((JSON.parse(skipped.stdout) as Json).data_checks).toBeUndefined();
  });
});

describe('the scheduled drift check reports contract violations beside drift', () => {
  it('a schema break is reported as such, not as drift', () => {
    config('holdout.csv');
    const h = copy(holdout);
    h.header[col(h, 'mean_radius')] = 'mean_radius_mm';
    h.rows.forEach((r, i) => i % 3 === 0 && (r[col(h, 'mean_texture')] += ' px'));
    write('window.csv', h);
    const r = drift('window.csv', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.schema_break).toEqual(['mean_radius', 'mean_texture']);
    expect(out.data_checks).toMatchObject({ passed: false, errors: 2, warnings: 1 });
    const tested = out.columns.map((c: Json) => c.name);
    expect(tested).not.toContain('mean_texture');
    expect(tested).not.toContain('mean_radius');
    expect(out.problems).toContain(
      'schema break in "mean_radius", "mean_texture" (missing or of another type, see the data checks): not tested for drift',
    );
    // The Markdown report has the data checks beside the verdict.
    const md = drift('window.csv').stdout;
    const checks = md.indexOf('**Data checks: ❌ failed** (2 errors, 1 warning)');
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThan(md.indexOf('| column |'));
  });

  it('clean production data: the contract passes and nothing changes in the drift verdict', () => {
    config('holdout.csv');
    const r = drift('holdout.csv', '--json');
    const out = JSON.parse(r.stdout) as Json;
    expect(out.data_checks).toMatchObject({ passed: true, errors: 0, warnings: 0 });
    expect(out.schema_break).toBeUndefined();
    const without = JSON.parse(drift('holdout.csv', '--contract', 'none', '--json').stdout) as Json;
    expect(without.data_checks).toBeUndefined();
    expect({ ...out, data_checks: undefined, checked_at: '' }).toEqual({
      ...without,
      checked_at: '',
    });
  });
});
