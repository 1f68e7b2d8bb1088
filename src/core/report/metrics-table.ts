import type { MetricScalar } from './flatten.js';
import { cell, MAX_NAME_CHARS, table } from './markdown.js';
import { formatMetricDelta, formatMetricValue } from './metric-units.js';
import { countVerdicts, type MetricRow, type Verdict } from './metric-diff.js';
import { formatNumber, formatPercent } from './number-format.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  better: '✅ better',
  worse: '❌ worse',
  unchanged: '➖ unchanged',
};
/** Changed, but nobody said whether higher or lower is better. */
export const NO_DIRECTION_LABEL = '❔ changed';
const MISSING = '—';

function shown(v: MetricScalar, precision: number): string {
  if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v, precision);
  return cell(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
}

function full(v: MetricScalar): string {
  return cell(typeof v === 'string' ? v : String(v), 2000);
}

/** One table line per row: metric | base | head | Δ | Δ% | verdict. */
export function metricRowCells(r: MetricRow, precision: number, primary?: string): string[] {
  const name =
    r.key === primary
      ? `**${cell(r.key, MAX_NAME_CHARS)}** (primary)`
      : cell(r.key, MAX_NAME_CHARS);
  switch (r.kind) {
    case 'numeric':
      return [
        name,
        formatMetricValue(r.key, r.base, precision),
        formatMetricValue(r.key, r.head, precision),
        formatMetricDelta(r.key, r.delta, precision),
        formatPercent(r.relative),
        r.verdict ? VERDICT_LABEL[r.verdict] : NO_DIRECTION_LABEL,
      ];
    case 'text':
      return [
        name,
        shown(r.base, precision),
        shown(r.head, precision),
        ' ',
        ' ',
        r.changed ? 'changed (not a number)' : VERDICT_LABEL.unchanged,
      ];
    case 'added':
      return [name, MISSING, shown(r.head, precision), ' ', ' ', '🆕 added'];
    case 'removed':
      return [name, shown(r.base, precision), MISSING, ' ', ' ', '🗑️ removed'];
  }
}

/** `cache` keeps each row's line across the re-renders of truncation. */
export function metricsTable(
  rows: MetricRow[],
  precision: number,
  cache = new Map<MetricRow, string>(),
  primary?: string,
): string {
  const head = table(
    ['metric', 'base', 'head', 'Δ', 'Δ%', 'verdict'],
    ['left', 'right', 'right', 'right', 'right', 'left'],
    [],
  );
  const lineOf = (r: MetricRow) => {
    let line = cache.get(r);
    if (line === undefined)
      cache.set(r, (line = `| ${metricRowCells(r, precision, primary).join(' | ')} |`));
    return line;
  };
  return `${head}\n${rows.map(lineOf).join('\n')}`;
}

/** Every value unrounded, for the collapsed section. */
export function fullValuesTable(rows: MetricRow[]): string {
  return table(
    ['metric', 'base', 'head'],
    ['left', 'right', 'right'],
    rows.map((r) => [
      cell(r.key, 2000),
      r.kind === 'added' ? MISSING : full(r.base),
      r.kind === 'removed' ? MISSING : full(r.head),
    ]),
  );
}

/** `**1 worse** · 3 better · 2 unchanged · 1 added`: the line a reviewer reads first. */
export function verdictSummary(rows: MetricRow[]): string {
  const n = countVerdicts(rows);
  const parts: string[] = [];
  if (n.worse) parts.push(`**${n.worse} worse**`);
  if (n.better) parts.push(`${n.better} better`);
  if (n.unchanged) parts.push(`${n.unchanged} unchanged`);
  const unknown = rows.filter((r) => r.kind === 'numeric' && !r.verdict).length;
  if (unknown) parts.push(`${unknown} changed without a known direction`);
  const text = rows.filter((r) => r.kind === 'text').length;
  if (text) parts.push(`${text} not numeric`);
  if (n.added) parts.push(`${n.added} added`);
  if (n.removed) parts.push(`${n.removed} removed`);
  return parts.length ? parts.join(' · ') : 'no metrics';
}

/** Rows a truncated table keeps first: what a reviewer must see (regressions) before the rest. */
export function rowPriority(r: MetricRow): number {
  if (r.kind === 'numeric')
    return r.verdict === 'worse' ? 0 : r.verdict === 'better' ? 1 : r.verdict ? 5 : 2;
  if (r.kind === 'text') return r.changed ? 3 : 5;
  return 4;
}
