import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/core/contract/report.js';
import type { Violation } from '../../../src/core/contract/violation.js';
import { renderDataChecks } from '../../../src/core/report/data-checks.js';

const datasets = [
  { file: 'data/holdout.csv', role: 'data' as const, format: 'csv', rows: 143, columns: 31 },
];

function v(over: Partial<Violation>): Violation {
  return {
    dataset: 'data/holdout.csv',
    check: 'allowed',
    column: 'clinic',
    severity: 'error',
    count: 12,
    share: 12 / 143,
    message: '12 values not in the 4 allowed: "central" (12)',
    examples: [{ row: 3, value: 'central' }],
    ...over,
  };
}

describe('the Data checks section', () => {
  it('passed and clean: one line', () => {
    expect(renderDataChecks(validationReport('registry/cancer/contract.yaml', datasets, []))).toBe(
      '**Data checks: ✅ passed** — data/holdout.csv (143 rows) against registry/cancer/contract.yaml',
    );
  });

  it('errors first, in a table with rows, share and examples; warnings alone fold away', () => {
    const report = validationReport('c.yaml', datasets, [
      v({
        check: 'extra_column',
        column: 'notes',
        severity: 'warning',
        count: 0,
        share: 0,
        message: 'the column "notes" is not in the contract',
        examples: [],
      }),
      v({}),
      v({
        check: 'range',
        scope: 'skew',
        severity: 'warning',
        column: 'mean_area',
        examples: [
          { row: 9, value: '4000' },
          { row: 12, value: '4100' },
        ],
      }),
      v({ check: 'overlap_rows', column: undefined, examples: [{ row: 144, first_row: 11 }] }),
    ]);
    expect(renderDataChecks(report)).toBe(
      [
        '**Data checks: ❌ failed** (2 errors, 2 warnings) — data/holdout.csv (143 rows) against c.yaml',
        '',
        '| severity | data | column | check | rows | found | examples |',
        '| :--- | :--- | :--- | :--- | ---: | :--- | :--- |',
        '| ❌ error | data/holdout.csv |   | overlap\\_rows | 12 (8.4%) | 12 values not in the 4 allowed: "central" (12) | row 144 (= row 11) |',
        '| ❌ error | data/holdout.csv | clinic | allowed | 12 (8.4%) | 12 values not in the 4 allowed: "central" (12) | row 3: "central" |',
        '| ⚠️ warning | data/holdout.csv | mean\\_area | skew: range | 12 (8.4%) | 12 values not in the 4 allowed: "central" (12) | row 9: "4000"; row 12: "4100" |',
        '| ⚠️ warning | data/holdout.csv | notes | extra\\_column |   | the column "notes" is not in the contract |   |',
      ].join('\n'),
    );
    const warningsOnly = validationReport('c.yaml', datasets, [v({ severity: 'warning' })]);
    expect(renderDataChecks(warningsOnly)).toMatch(
      /^\*\*Data checks: ✅ passed\*\* \(1 warning\) — .*\n\n<details>\n<summary>Warnings<\/summary>\n\n\| severity/,
    );
  });

  it('escapes whatever the data holds: HTML, mentions, pipes, code, newlines', () => {
    const evil = '<img src=x onerror=alert(1)>|@octocat `x`\n# heading';
    const md = renderDataChecks(
      validationReport(
        'c.yaml',
        [{ ...datasets[0]!, file: evil }],
        [
          v({
            dataset: evil,
            column: evil,
            message: `1 value not in the 4 allowed: ${JSON.stringify(evil)} (1)`,
            examples: [{ row: 1, value: evil }],
          }),
        ],
      ),
    );
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toContain('`x`');
    expect(md.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(3);
    expect(md).not.toMatch(/^# heading/m);
  });
});
