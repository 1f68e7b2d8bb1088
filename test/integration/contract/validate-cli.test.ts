import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../../harness/cli.js';
import { runAction } from '../../harness/runner.js';
import { tempDir } from '../../harness/temp.js';

// `modelci contract infer` and `modelci validate` as users run them (the bundled CLI), and the
// validate action as the runner runs it, on patients.csv (the breast-cancer data with an id, a
// category, a flag and a timestamp; test/fixtures/contract/make_pandas_reference.py).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let dir: string;
let header: string[];
let rows: string[][];

function writeCsv(file: string, head: string[], body: string[][]): void {
  writeFileSync(join(dir, file), [head, ...body].map((r) => r.join(',')).join('\n') + '\n');
}

/** The fixture's rows as JSON values: numbers, booleans, null for empty. */
function typed(cell: string): string | number | boolean | null {
  if (cell === '') return null;
  if (cell === 'True' || cell === 'False') return cell === 'True';
  return /^-?[\d.]+(e-?\d+)?$/.test(cell) ? Number(cell) : cell;
}

beforeAll(async () => {
  dir = tempDir('modelci-validate-cli-');
  const lines = readFileSync('test/fixtures/contract/patients.csv', 'utf8').trim().split('\n');
  header = lines[0]!.split(',');
  rows = lines.slice(1).map((l) => l.split(','));
  writeCsv('patients.csv', header, rows);
  writeFileSync(
    join(dir, 'patients.jsonl'),
    rows
      .map((r) => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, typed(r[i]!)]))))
      .join('\n') + '\n',
  );
  await parquetWriteFile({
    filename: join(dir, 'patients.parquet'),
    columnData: header.map((name, i) => {
      const values = rows.map((r) => typed(r[i]!));
      const sample = values.find((v) => v !== null);
      const type =
        typeof sample === 'boolean'
          ? 'BOOLEAN'
          : typeof sample === 'number'
            ? Number.isInteger(sample) && values.every((v) => v === null || Number.isInteger(v))
              ? 'INT64'
              : 'DOUBLE'
            : 'STRING';
      return {
        name,
        data:
          type === 'INT64' ? values.map((v) => (v === null ? null : BigInt(v as number))) : values,
        type,
      } as Json;
    }),
    rowGroupSize: 200,
  });
  expect(
    run(
      [
        'contract',
        'infer',
        '--data',
        'patients.csv',
        '--out',
        'contract.yaml',
        '--label',
        'malignant',
      ],
      dir,
    ).code,
  ).toBe(0);
});

describe('modelci contract infer', () => {
  it('infers the same contract from CSV, JSON Lines and Parquet (the drift readers)', () => {
    for (const ext of ['jsonl', 'parquet']) {
      const r = run(
        [
          'contract',
          'infer',
          '--data',
          `patients.${ext}`,
          '--out',
          `from-${ext}.yaml`,
          '--label',
          'malignant',
        ],
        dir,
      );
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(
        `contract for 35 columns inferred from patients.${ext} (569 rows) -> from-${ext}.yaml\n`,
      );
      const strip = (y: Json) => ({ ...y, inferred_from: undefined });
      expect(strip(parse(readFileSync(join(dir, `from-${ext}.yaml`), 'utf8')))).toEqual(
        strip(parse(readFileSync(join(dir, 'contract.yaml'), 'utf8'))),
      );
    }
  });

  it('writes readable YAML with the schema, observed values as comments, and refuses to overwrite edits', () => {
    const text = readFileSync(join(dir, 'contract.yaml'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/modelci\.dev\/schema\/contract\.schema\.json/,
    );
    expect(text).toContain(
      '  clinic:\n    # 4 categories; 1.9% missing\n    type: string\n    allowed: [ east, north, south, west ]\n',
    );
    expect(text).toContain(
      '  mean_radius:\n    # observed 6.981 .. 28.11\n    type: number\n    range: { min: 4.8, max: 30.3, mostly: 0.98 }\n',
    );
    const again = run(
      ['contract', 'infer', '--data', 'patients.csv', '--out', 'contract.yaml'],
      dir,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'modelci contract: error: contract.yaml: a contract is already there (it may hold the team’s edits). Pass --force to replace it, or --out another file\n',
    );
    expect(readFileSync(join(dir, 'contract.yaml'), 'utf8')).toBe(text);
  });
});

describe('modelci validate', () => {
  it('passes the data it was inferred from, in every format: exit 0, one JSON line', () => {
    for (const file of ['patients.csv', 'patients.jsonl', 'patients.parquet']) {
      const r = run(['validate', '--contract', 'contract.yaml', '--data', file, '--json'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as Json;
      expect(out).toMatchObject({
        schema: 'modelci/validation-report@1',
        passed: true,
        errors: 0,
        warnings: 0,
        violations: [],
      });
      expect(out.datasets).toEqual([
        { file, role: 'data', format: file.split('.')[1], rows: 569, columns: 35 },
      ]);
    }
  });

  it('fails with exit 3 and says what and where; --fail-on and --report', () => {
    const broken = rows.map((r) => [...r]);
    const at = (name: string) => header.indexOf(name);
    broken[9]![at('clinic')] = 'central';
    // 20 rows in millimetres: 3.5% of the values outside, more than the 2% an inferred range lets by.
    for (let i = 100; i < 120; i++)
      broken[i]![at('mean_radius')] = String(Number(broken[i]![at('mean_radius')]) * 10);
    broken[19]![at('mean_texture')] = '41.5'; // one value past a range: tolerated
    writeCsv(
      'broken.csv',
      [...header, 'note'],
      broken.map((r) => [...r, 'x']),
    );
    const r = run(
      [
        'validate',
        '--contract',
        'contract.yaml',
        '--data',
        'broken.csv',
        '--report',
        'report.json',
      ],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(
      [
        'data checks failed: 2 errors, 1 warning (1 data set, 569 rows, contract contract.yaml)',
        'error: "broken.csv" column "clinic": allowed: 1 value not in the 4 allowed: "central" (1) (row 10 "central")',
        'error: "broken.csv" column "mean_radius": range: 20 values outside [4.8, 30.3] (found 7.691 .. 222.7) — 3.5% of the values, more than the 2.0% tolerated (row 101 "136.1", row 102 "69.81", row 103 "121.8")',
        'warning: "broken.csv" column "note": extra_column: the column "note" is not in the contract',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Json;
    expect(report.violations[1]).toEqual({
      dataset: 'broken.csv',
      check: 'range',
      column: 'mean_radius',
      severity: 'error',
      count: 20,
      share: 20 / 569,
      message:
        '20 values outside [4.8, 30.3] (found 7.691 .. 222.7) — 3.5% of the values, more than the 2.0% tolerated',
      examples: [
        { row: 101, value: '136.1' },
        { row: 102, value: '69.81' },
        { row: 103, value: '121.8' },
        { row: 104, value: '98.75999999999999' },
        { row: 105, value: '104.9' },
      ],
    });
    expect(
      run(
        ['validate', '--contract', 'contract.yaml', '--data', 'broken.csv', '--fail-on', 'never'],
        dir,
      ).code,
    ).toBe(0);
    writeCsv(
      'extra.csv',
      [...header, 'note'],
      rows.map((r) => [...r, 'x']),
    );
    expect(run(['validate', '--contract', 'contract.yaml', '--data', 'extra.csv'], dir).code).toBe(
      0,
    );
    expect(
      run(
        ['validate', '--contract', 'contract.yaml', '--data', 'extra.csv', '--fail-on', 'warning'],
        dir,
      ).code,
    ).toBe(3);
  });

  it('quotes values from data in the terminal: no control characters, no workflow commands', () => {
    const evil = rows.map((r) => [...r]);
    evil[0]![header.indexOf('clinic')] = '::error::pwned\u001b[31m';
    writeCsv('evil.csv', header, evil);
    const r = run(['validate', '--contract', 'contract.yaml', '--data', 'evil.csv'], dir);
    expect(r.code).toBe(3);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).not.toMatch(/^::/m);
    expect(r.stdout).toContain('"::error::pwned\\u001b[31m"');
  });

  it('bad input: one line naming the file, exit 1 (2 for usage)', () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    writeCsv('header-only.csv', header, []);
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeCsv('other.csv', ['a', 'b'], [['1', '2']]);
    writeFileSync(join(dir, 'none.yaml'), 'version: 1\n');
    const cases: [string[], number, string][] = [
      [
        ['--data', 'empty.csv'],
        1,
        'empty.csv: the file is empty: expected a header row with column names',
      ],
      [
        ['--data', 'header-only.csv'],
        1,
        'header-only.csv: the file is empty: it has a header but no rows to validate. Check the step that wrote it',
      ],
      [
        ['--data', 'empty.jsonl'],
        1,
        'empty.jsonl: the file is empty: no rows to validate. Check the step that wrote it',
      ],
      [
        ['--data', 'other.csv'],
        1,
        `other.csv: none of the contract's columns is in the data (contract: patient_id, clinic, referred, measured_at, mean_radius, mean_texture, mean_perimeter, mean_area and 27 more; data: a, b). Check that the contract is the one for this data`,
      ],
      [
        ['--data', 'missing.csv'],
        1,
        'missing.csv: file not found. Check the path (it is relative to the working directory)',
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = run(['validate', '--contract', 'contract.yaml', ...args], dir);
      expect(r.stderr, args.join(' ')).toBe(`modelci validate: error: ${message}\n`);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
    }
    const noContract = run(
      ['validate', '--config', 'none.yaml', '--model', 'churn', '--data', 'patients.csv'],
      dir,
    );
    expect(noContract.code).toBe(2);
    expect(noContract.stderr).toBe(
      'modelci validate: error: no data contract for churn (looked for registry/churn/contract.yaml). Pass --contract <file>, or infer one: modelci contract infer --model churn --data <training data>\n',
    );
  });
});

describe('modelci validate --training-profile (train/serve skew of a prediction log)', () => {
  it("checks the log's features against the training profile beside the contract", () => {
    expect(run(['profile', 'patients.csv', '-o', 'profile.json'], dir).code).toBe(0);
    const features = header.filter((h) => h !== 'malignant');
    const log = rows.slice(0, 100).map((r, i) => {
      const row: Record<string, unknown> = {
        _ts: '2024-06-01T00:00:00Z',
        _model: 'cancer',
        _version: '1.0.0',
        _id: `req-${i}`,
        _row: 0,
      };
      for (const f of features) row[f] = typed(r[header.indexOf(f)]!);
      row.mean_area = (row.mean_area as number) * 100; // served in mm² instead of cm²
      if (i < 4) row.clinic = 'central';
      row['_out.label'] = 1;
      return JSON.stringify(row);
    });
    writeFileSync(join(dir, 'log.jsonl'), log.join('\n') + '\n');
    const r = run(
      [
        'validate',
        '--contract',
        'contract.yaml',
        '--data',
        'log.jsonl',
        '--training-profile',
        'profile.json',
        '--json',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Json;
    expect(out.training_profile).toBe('profile.json');
    expect(out.datasets).toEqual([
      { file: 'log.jsonl', role: 'serving', format: 'jsonl', rows: 100, columns: 40 },
    ]);
    // The server's `_` columns are not extra, and the log has no label: neither is reported.
    expect(
      out.violations.map((v: Json) => [v.scope ?? 'contract', v.check, v.column, v.severity]),
    ).toEqual([
      ['contract', 'allowed', 'clinic', 'error'],
      ['contract', 'range', 'mean_area', 'error'],
      ['skew', 'allowed', 'clinic', 'warning'],
      ['skew', 'range', 'mean_area', 'warning'],
    ]);
    expect(out.violations[2].message).toBe('4 values not in the 4 seen in training: "central" (4)');
    expect(r.code).toBe(3);
  });
});

describe('validate action', () => {
  it('sets outputs, writes the report and an escaped job summary, fails the step on errors', async () => {
    const evil = rows.map((r) => [...r]);
    evil[4]![header.indexOf('clinic')] = '<img src=x onerror=alert(1)> @octocat | #1';
    writeCsv('summary.csv', header, evil);
    const r = await runAction('validate', {
      cwd: dir,
      inputs: { contract: 'contract.yaml', data: 'summary.csv' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toEqual({
      passed: 'false',
      errors: '1',
      warnings: '0',
      report: 'modelci-validation.json',
    });
    expect(existsSync(join(dir, 'modelci-validation.json'))).toBe(true);
    expect(r.summary).toContain('**Data checks: ❌ failed** (1 error)');
    expect(r.summary).not.toContain('<img');
    expect(r.summary).not.toMatch(/@octocat/);
    expect(r.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(
      r.annotations.some(
        (a) => a.level === 'error' && a.message.includes('data checks failed: 1 error'),
      ),
    ).toBe(true);
    const ok = await runAction('validate', {
      cwd: dir,
      inputs: { contract: 'contract.yaml', data: 'patients.csv', report: 'ok.json' },
    });
    expect(ok.exitCode).toBe(0);
    expect(ok.outputs).toMatchObject({ passed: 'true', errors: '0', report: 'ok.json' });
    expect(JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'))).toMatchObject({ passed: true });
    expect(ok.summary).toContain(
      '**Data checks: ✅ passed** — patients.csv (569 rows) against contract.yaml',
    );
  });
});
