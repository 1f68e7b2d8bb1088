import {
  formatDuration,
  formatNumber,
  formatPClause,
  formatSigned,
} from '../report/number-format.js';
import type { ComparedMetric, MetricCell, RunComparison, ValueRow } from './compare.js';
import { runMetric } from './metrics.js';
import type { RunHeader } from './record.js';

// What `modelci runs` prints in a terminal: aligned plain-text tables, no colour.

/** A table row, or a section heading (printed as is, not aligned). */
type Line = string[] | { heading: string };

/** Aligns rows into columns two spaces apart; headings stay on their own line. */
export function alignRows(lines: readonly Line[]): string {
  const widths: number[] = [];
  for (const l of lines)
    if (Array.isArray(l))
      for (let i = 0; i < l.length; i++) widths[i] = Math.max(widths[i] ?? 0, l[i]!.length);
  // One pass of plain concatenation: `runs list` aligns 10,000 rows, where map/join/trimEnd
  // per row cost tens of milliseconds.
  let out = '';
  for (const l of lines) {
    if (!Array.isArray(l)) {
      out += `${l.heading}\n`;
      continue;
    }
    // Trailing empty cells print nothing, so no line ends in spaces.
    let last = l.length - 1;
    while (last > 0 && l[last] === '') last--;
    for (let i = 0; i < last; i++) out += l[i]!.padEnd(widths[i]! + 2);
    out += `${l[last] ?? ''}\n`;
  }
  return out;
}

/** `2026-01-02 03:04` (UTC): minutes are enough to tell runs apart by eye; ids carry seconds. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function statusText(r: { status: string; exit_code?: number | null }): string {
  return r.status === 'failed' && r.exit_code !== undefined
    ? `failed (${r.exit_code === null ? 'killed' : `exit ${r.exit_code}`})`
    : r.status;
}

/** `runs list`: one line per run, the chosen metrics as columns. */
export function renderRunList(
  records: readonly RunHeader[],
  metrics: readonly string[],
  precision?: number,
): string {
  const head = ['ID', 'MODEL', 'STATUS', 'BRANCH', 'COMMIT', 'STARTED (UTC)', 'TAGS', ...metrics];
  const rows = records.map((r) => [
    r.id,
    r.model_name,
    statusText(r),
    r.code.branch ?? '—',
    r.code.commit ? `${r.code.commit.slice(0, 7)}${r.code.dirty ? '+' : ''}` : '—',
    shortTime(r.started_at),
    r.tags.join(',') || '—',
    ...metrics.map((m) => {
      const v = runMetric(r, m)?.value;
      return v === undefined ? '—' : formatNumber(v, precision);
    }),
  ]);
  return alignRows([head, ...rows]);
}

function ciText(ci: [number, number] | undefined, precision?: number): string {
  return ci ? ` [${formatNumber(ci[0], precision)}, ${formatNumber(ci[1], precision)}]` : '';
}

/** One run's cell of a metric row: value, interval, and against the first run Δ and verdict. */
export function metricCellText(c: MetricCell, precision?: number): string {
  if (c.value === undefined) return '—';
  const parts = [`${formatNumber(c.value, precision)}${ciText(c.ci, precision)}`];
  if (c.delta !== undefined) parts.push(formatSigned(c.delta, precision));
  if (c.verdict) parts.push(c.verdict);
  if (c.significance)
    parts.push(
      `(${formatPClause(c.significance.p)}${c.significance.method === 'paired' ? ', paired' : ', intervals'})`,
    );
  return parts.join(' ');
}

const arrow = (m: ComparedMetric) =>
  m.direction === 'higher' ? ' ↑' : m.direction === 'lower' ? ' ↓' : '';

/** `runs compare`: runs as columns, params / data / code / metrics as rows; `*` marks a difference. */
export function renderComparison(c: RunComparison, precision?: number): string {
  const lines: Line[] = [];
  const row = (mark: boolean, key: string, cells: string[]) =>
    lines.push([`${mark ? '*' : ' '} ${key}`, ...cells]);
  row(
    false,
    'run',
    c.runs.map((r) => r.id),
  );
  row(
    false,
    'model',
    c.runs.map((r) => r.model),
  );
  row(false, 'status', c.runs.map(statusText));
  row(
    false,
    'branch',
    c.runs.map((r) => `${r.branch ?? '—'}${r.commit ? ` @ ${r.commit.slice(0, 7)}` : ''}`),
  );
  row(
    false,
    'started (UTC)',
    c.runs.map((r) => shortTime(r.started_at)),
  );
  row(
    false,
    'duration',
    c.runs.map((r) => formatDuration(r.duration_ms)),
  );
  row(
    false,
    'tags',
    c.runs.map((r) => r.tags.join(',') || '—'),
  );
  const values = (title: string, rows: ValueRow[]) => {
    if (!rows.length) return;
    lines.push({ heading: `\n${title}` });
    for (const r of rows)
      row(
        r.differs,
        r.key,
        r.values.map((v) => v ?? '—'),
      );
  };
  values('params', c.params);
  values('data', c.data);
  values('code and environment', c.code);
  for (const source of ['evaluation', 'training'] as const) {
    const rows = c.metrics.filter((m) => m.source === source);
    if (!rows.length) continue;
    const alpha = rows.flatMap((m) => m.cells).find((x) => x.significance)?.significance?.alpha;
    lines.push({
      heading: `\nmetrics (${source}; Δ against the first run${alpha !== undefined ? `; significant at α = ${formatNumber(alpha)}` : ''})`,
    });
    for (const m of rows)
      row(
        m.differs,
        `${m.key}${arrow(m)}`,
        m.cells.map((x) => metricCellText(x, precision)),
      );
  }
  return (
    alignRows(lines) +
    "\n* differs from the first run. better/worse only when significant: a paired test an evaluation recorded, else both runs' intervals on the same data (conservative); metrics without intervals get no verdict.\n"
  );
}
