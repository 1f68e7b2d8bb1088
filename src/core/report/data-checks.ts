import { percent } from '../contract/percent.js';
import type { ValidationReport } from '../contract/report.js';
import { cell, details, table } from './markdown.js';

/** Violations shown in the table; the rest are counted (the JSON report has them all). */
const MAX_ROWS = 30;

/**
 * The "Data checks" section of a PR comment, job summary or drift report: a verdict line, then one
 * table row per violation (severity, data set, column, check, rows affected, what was found, example
 * rows). Everything from data or the contract is escaped.
 */
export function renderDataChecks(r: ValidationReport): string {
  const sets = r.datasets
    .map((d) => `${cell(d.file, 80)} (${d.rows.toLocaleString('en-US')} rows)`)
    .join(', ');
  const counts = [
    r.errors ? `${r.errors} error${r.errors === 1 ? '' : 's'}` : '',
    r.warnings ? `${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const head = r.passed
    ? `**Data checks: ✅ passed**${counts ? ` (${counts})` : ''}`
    : `**Data checks: ❌ failed** (${counts})`;
  const intro = `${head} — ${sets || 'no data'} against ${cell(r.contract, 100)}`;
  if (r.violations.length === 0) return intro;
  const rows = r.violations.slice(0, MAX_ROWS).map((v) => [
    v.severity === 'error' ? '❌ error' : '⚠️ warning',
    cell(v.dataset, 60),
    v.column === undefined ? ' ' : cell(v.column, 60),
    // From a report file (a fork's artifact): escaped like the rest, though modelci writes only names.
    cell(v.scope ? `${v.scope}: ${v.check}` : v.check, 40),
    v.count ? `${v.count.toLocaleString('en-US')} (${percent(v.share)})` : ' ',
    cell(v.message, 200),
    cell(
      v.examples
        .slice(0, 3)
        .map(
          (e) =>
            `row ${e.row}${e.value !== undefined ? `: ${JSON.stringify(e.value)}` : ''}${e.first_row !== undefined ? ` (= row ${e.first_row})` : ''}`,
        )
        .join('; '),
      200,
    ),
  ]);
  const more =
    r.violations.length > MAX_ROWS
      ? `\n\n${r.violations.length - MAX_ROWS} more in the JSON report.`
      : '';
  const body = `${table(
    ['severity', 'data', 'column', 'check', 'rows', 'found', 'examples'],
    ['left', 'left', 'left', 'left', 'right', 'left', 'left'],
    rows,
  )}${more}`;
  // Warnings alone fold away; errors are the point of the section and stay open.
  return r.passed ? `${intro}\n\n${details('Warnings', body)}` : `${intro}\n\n${body}`;
}
