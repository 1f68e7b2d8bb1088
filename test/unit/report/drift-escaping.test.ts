import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../src/core/drift/compare-profiles.js';
import { retrainBody, retrainYaml } from '../../../src/core/drift/retrain-request.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';
import { renderDriftMarkdown } from '../../../src/core/report/drift-report.js';
import { parse } from 'yaml';

// Column names, categories and file names come from data: in the drift report they must not break
// the table, open HTML, close a Mermaid string or code span, or @mention anyone.

const EVIL_NUMERIC = 'a|b`c <script>alert(1)</script> @octocat #1\nnext';
const EVIL_CATEGORY = 'plan"]; click A href "javascript:alert(1)" %% @admin | `x`';

function profile(shift: number, n: number): TableProfile {
  const t = new TableProfile(64);
  t.beginSource('data.csv', 'csv');
  const num: number[] = [];
  const cat: string[] = [];
  for (let i = 0; i < n; i++) {
    num.push(((i * 37) % 101) / 10 + shift);
    cat.push(i % 3 === 0 || shift ? EVIL_CATEGORY : `ok-${i % 2}`);
  }
  t.addBatch({ columns: [EVIL_NUMERIC, '@team plan'], firstRow: 1, length: n, values: [num, cat] });
  return t;
}

/** Cells of a Markdown table row: split on pipes that are not escaped. */
const cells = (line: string): number => line.split(/(?<!\\)\|/).length;

describe('drift report escaping', () => {
  const report = compareProfiles(profile(0, 300), profile(5, 300));
  const md = renderDriftMarkdown(report, {
    model: 'churn @all',
    reference: 'ref`.csv\n@x',
    current: 'cur <b>.csv',
    runUrl: 'https://github.com/o/r/actions/runs/1?q=<x>',
    history: [{ at: '2026-11-01"]', drifted: false, share: 0.2, n_drifted: 0, n_tested: 2 }],
  });

  it('finds the drift the escaping is exercised on', () => {
    expect(report.n_drifted).toBe(2);
    expect(md).toMatch(/```mermaid/);
  });

  it('every table row has as many cells as its header', () => {
    const table = md.split('\n').filter((l) => l.startsWith('| '));
    const header = cells(table[0]!);
    expect(table.length).toBeGreaterThanOrEqual(4);
    for (const row of table) expect(cells(row), row).toBe(header);
  });

  it('no HTML, no live mention or issue reference, no raw newline from data', () => {
    // Code spans render literally (no HTML, no mentions): check the rest.
    const prose = md.replace(/```mermaid[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    expect(prose).not.toMatch(/<script|<b>|<x>/i);
    expect(prose).not.toMatch(/(^|[^&#\w])@(octocat|admin|all|team|x)\b/m);
    expect(md).toContain('&#64;octocat');
    expect(md).toContain('a&#124;b&#96;c');
    expect(md).not.toMatch(/^next/m);
  });

  it('Mermaid strings stay strings: no raw quote, no click directive escapes', () => {
    const blocks = md.match(/```mermaid\n[\s\S]*?```/g)!;
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) {
      for (const line of b.split('\n').filter((l) => l.includes('"'))) {
        // Quotes come in pairs that open and close our own strings only.
        expect(line.split('"').length % 2, line).toBe(1);
        expect(line).not.toMatch(/"[^"]*javascript:[^"]*"[^,\]]/);
      }
      expect(b.slice(3, -3)).not.toContain('```');
    }
  });

  it('inline code spans of file names cannot be closed from data', () => {
    const line = md.split('\n').find((l) => l.startsWith('Reference:'))!;
    expect(line.split('`').length).toBe(5); // two spans, four backticks
  });

  it('the retraining PR body and retrain.yaml keep data as data', () => {
    const ctx = {
      model: 'churn',
      registryDir: 'ml/reg`x',
      dataWindow: 'w`1 @x',
      reference: 'r',
      current: 'c',
      at: 't',
    };
    const body = retrainBody(report, md, ctx);
    expect(body).not.toMatch(/<script/);
    expect(body).toContain("commits `ml/reg'x/churn/retrain.yaml` (the request)");
    const doc = parse(retrainYaml(report, ctx));
    expect(doc.columns.map((c: { name: string }) => c.name)).toContain(EVIL_NUMERIC);
    expect(doc.data_window).toBe('w`1 @x');
  });
});
