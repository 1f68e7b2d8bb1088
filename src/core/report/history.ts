import { ModelciError } from '../errors.js';
import { isNumber } from './metric-diff.js';
import { flattenMetrics, type FlatMetrics } from './flatten.js';
import { axisLegend, fitAxis } from './chart-axis.js';
import { chartTheme, DATA_COLOUR } from './chart-theme.js';
import { formatPlain } from './number-format.js';

/** One past evaluation: `{commit|label, metrics}` in the history file. */
export interface HistoryEntry {
  label: string;
  commit?: string;
  metrics: FlatMetrics;
}

/** Most points a chart shows; older ones are dropped so the axis stays readable. */
export const MAX_CHART_POINTS = 30;

/** Validates a history file's parsed content: a list of `{commit|label, metrics}`. */
export function parseHistory(data: unknown, file: string): HistoryEntry[] {
  const hint = 'Write a list of {commit: <sha>, metrics: {...}} or {label: <name>, metrics: {...}}';
  if (!Array.isArray(data))
    throw new ModelciError('DATA', 'history must be a list of entries', { file, hint });
  return data.map((entry: unknown, i) => {
    const path = `[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new ModelciError('DATA', 'history entry must be a mapping', { file, path, hint });
    const e = entry as Record<string, unknown>;
    const label = e.label ?? e.commit;
    if (typeof label !== 'string' || label === '')
      throw new ModelciError('DATA', 'history entry needs a "commit" or "label" string', {
        file,
        path,
        hint,
      });
    if (e.metrics === null || typeof e.metrics !== 'object')
      throw new ModelciError('DATA', 'history entry needs a "metrics" mapping', {
        file,
        path: `${path}.metrics`,
        hint,
      });
    const commit = typeof e.commit === 'string' ? e.commit : undefined;
    // A bare commit is shown short, the way GitHub shows commits.
    const shown = typeof e.label === 'string' ? e.label : label.slice(0, 7);
    return { label: shown, ...(commit ? { commit } : {}), metrics: flattenMetrics(e.metrics) };
  });
}

export interface ChartPoint {
  label: string;
  value: number;
}

/** The metric's points in history order, plus the head value unless history already ends at it. */
export function historySeries(
  history: HistoryEntry[],
  metric: string,
  head?: { value: number | undefined; commit?: string },
): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const h of history) {
    const v = h.metrics.get(metric);
    if (isNumber(v)) points.push({ label: h.label, value: v });
  }
  const last = history[history.length - 1];
  if (head && isNumber(head.value) && !(head.commit && last?.commit === head.commit))
    points.push({ label: 'this PR', value: head.value });
  return points.slice(-MAX_CHART_POINTS);
}

/** Mermaid text must stay inside its quotes and its code fence: keep a small safe alphabet. */
function chartText(s: string, max = 24): string {
  const t = s.replace(/[^A-Za-z0-9 ._:/+-]/g, '_').trim();
  return t.length > max ? `${t.slice(0, max - 1)}_` : t || '_';
}

/**
 * A Mermaid `xychart-beta` line chart of one metric (and, when the labels would not fit under the
 * points, a legend line naming the numbered points); undefined with fewer than two points.
 */
export function historyChart(
  metric: string,
  points: ChartPoint[],
  precision = 6,
): string | undefined {
  if (points.length < 2) return undefined;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) * 0.1 : Math.abs(max) * 0.05 || 1;
  // Round the axis outwards on a step a tenth of the padded range, so every point stays inside.
  const exp = Math.floor(Math.log10(max - min + 2 * pad)) - 1;
  const step = 10 ** exp;
  const lo = formatPlain(Math.floor((min - pad) / step) * step, 12);
  const hi = formatPlain(Math.ceil((max + pad) / step) * step, 12);
  const name = chartText(metric, 40);
  const labels = points.map((p) => chartText(p.label));
  const axis = fitAxis(labels);
  const chart = [
    '```mermaid',
    chartTheme([DATA_COLOUR]),
    'xychart-beta',
    `    title "${name} history"`,
    `    x-axis ${axis.indexed ? '"point" ' : ''}[${axis.labels.map((l) => `"${l}"`).join(', ')}]`,
    `    y-axis "${name}" ${lo} --> ${hi}`,
    `    line [${values.map((v) => formatPlain(v, precision)).join(', ')}]`,
    '```',
  ].join('\n');
  return axis.indexed ? `${chart}\n\n${axisLegend('Points', labels)}` : chart;
}
