import type { Violation } from './violation.js';

/**
 * The result of `modelci validate --json` (and the `data_checks` of an evaluation report): the data
 * sets checked and every violation, errors first. `passed` is false when any violation is an error.
 */
export const VALIDATION_REPORT_SCHEMA = 'modelci/validation-report@1' as const;

/** What a data set is in the check: validated data, the training data, or a serve prediction log. */
export type DatasetRole = 'data' | 'train' | 'serving';

export interface DatasetSummary {
  file: string;
  role: DatasetRole;
  format: string;
  rows: number;
  columns: number;
}

export interface ValidationReport {
  schema: typeof VALIDATION_REPORT_SCHEMA;
  /** The contract file, or a description of where the expectations came from. */
  contract: string;
  /** The training profile train/serve skew was checked against, when it was. */
  training_profile?: string;
  model?: string;
  passed: boolean;
  errors: number;
  warnings: number;
  datasets: DatasetSummary[];
  violations: Violation[];
}

const CHECK_ORDER: Violation['check'][] = [
  'missing_column',
  'type',
  'leakage',
  'overlap_rows',
  'overlap_ids',
  'unique',
  'missing',
  'allowed',
  'range',
  'pattern',
  'relation',
  'freshness',
  'rows',
  'extra_column',
];

export function validationReport(
  contract: string,
  datasets: DatasetSummary[],
  violations: Violation[],
  model?: string,
): ValidationReport {
  const sorted = [...violations].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      CHECK_ORDER.indexOf(a.check) - CHECK_ORDER.indexOf(b.check),
  );
  const errors = sorted.filter((v) => v.severity === 'error').length;
  return {
    schema: VALIDATION_REPORT_SCHEMA,
    contract,
    ...(model !== undefined ? { model } : {}),
    passed: errors === 0,
    errors,
    warnings: sorted.length - errors,
    datasets,
    violations: sorted,
  };
}

/**
 * One line per violation for a terminal or a step log. Values from data are JSON-quoted, so a
 * value cannot start a workflow command (`::`) or move the cursor.
 */
export function violationLines(r: ValidationReport, max = 50): string[] {
  const lines = r.violations.slice(0, max).map((v) => {
    const where = `${JSON.stringify(v.dataset)}${v.column !== undefined ? ` column ${JSON.stringify(v.column)}` : ''}`;
    const examples = v.examples
      .slice(0, 3)
      .map(
        (e) =>
          `row ${e.row}${e.value !== undefined ? ` ${JSON.stringify(e.value)}` : ''}${e.first_row !== undefined ? ` = row ${e.first_row}` : ''}`,
      )
      .join(', ');
    return `${v.severity}: ${where}: ${v.scope ? `${v.scope} ` : ''}${v.check}: ${oneLine(v.message)}${examples ? ` (${examples})` : ''}`;
  });
  if (r.violations.length > max) lines.push(`... and ${r.violations.length - max} more`);
  return lines;
}

/** Control characters of data (messages quote values) never reach a terminal raw. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

export function verdictLine(r: ValidationReport): string {
  const rows = r.datasets.reduce((n, d) => n + d.rows, 0);
  const head = r.passed
    ? r.warnings
      ? `passed with ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`
      : 'passed'
    : `failed: ${r.errors} error${r.errors === 1 ? '' : 's'}${r.warnings ? `, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : ''}`;
  return `data checks ${head} (${r.datasets.length} data set${r.datasets.length === 1 ? '' : 's'}, ${rows.toLocaleString('en-US')} rows, contract ${r.contract})`;
}

/**
 * Where a validation report read from a file (an evaluation report's `data_checks`, an artifact
 * of an untrusted pull request) is not what the renderer needs, or undefined when it is.
 */
export function validationReportProblem(
  value: unknown,
): { path: string; expected: string } | undefined {
  const obj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const str = (v: unknown) => typeof v === 'string';
  if (!obj(value)) return { path: '', expected: 'a mapping' };
  if (typeof value.passed !== 'boolean') return { path: 'passed', expected: 'true or false' };
  for (const k of ['errors', 'warnings'] as const)
    if (!num(value[k])) return { path: k, expected: 'a number' };
  if (!str(value.contract)) return { path: 'contract', expected: 'a string' };
  if (!Array.isArray(value.datasets)) return { path: 'datasets', expected: 'a list' };
  for (const [i, d] of value.datasets.entries())
    if (!obj(d) || !str(d.file) || !num(d.rows))
      return { path: `datasets[${i}]`, expected: 'a mapping with file and rows' };
  if (!Array.isArray(value.violations)) return { path: 'violations', expected: 'a list' };
  for (const [i, v] of value.violations.entries()) {
    const at = `violations[${i}]`;
    if (!obj(v)) return { path: at, expected: 'a mapping' };
    if (v.severity !== 'error' && v.severity !== 'warning')
      return { path: `${at}.severity`, expected: '"error" or "warning"' };
    for (const k of ['dataset', 'check', 'message'] as const)
      if (!str(v[k])) return { path: `${at}.${k}`, expected: 'a string' };
    for (const k of ['column', 'scope'] as const)
      if (v[k] !== undefined && !str(v[k])) return { path: `${at}.${k}`, expected: 'a string' };
    for (const k of ['count', 'share'] as const)
      if (!num(v[k])) return { path: `${at}.${k}`, expected: 'a number' };
    if (!Array.isArray(v.examples)) return { path: `${at}.examples`, expected: 'a list' };
    for (const [j, e] of v.examples.entries())
      if (
        !obj(e) ||
        !num(e.row) ||
        (e.value !== undefined && !str(e.value)) ||
        (e.first_row !== undefined && !num(e.first_row))
      )
        return {
          path: `${at}.examples[${j}]`,
          expected: 'a mapping with row (and value, first_row)',
        };
  }
  return undefined;
}
