import { metricDirection, type Direction } from '../report/direction.js';
import { metricsFrom, type MetricSource } from './metrics.js';
import type { RunRecord } from './record.js';
import { metricSignificance, type Significance } from './significance.js';

/** One run's header in a comparison. */
export interface ComparedRun {
  id: string;
  model: string;
  status: RunRecord['status'];
  exit_code?: number | null;
  branch?: string;
  commit?: string;
  started_at: string;
  duration_ms: number;
  tags: string[];
  note?: string;
}

/** A row of things that are the same or not (params, data, code): one text per run. */
export interface ValueRow {
  key: string;
  /** As shown; null where the run has none. */
  values: (string | null)[];
  /** Some run's value differs from the first run's. */
  differs: boolean;
}

export type MetricVerdict = 'better' | 'worse' | 'no significant change' | 'changed';

export interface MetricCell {
  value?: number;
  ci?: [number, number];
  /** This run minus the first run. */
  delta?: number;
  significance?: Significance;
  /**
   * better / worse: significant, by the metric's direction; changed: significant, direction
   * unknown; no significant change; undefined: nothing to judge with (no intervals).
   */
  verdict?: MetricVerdict;
}

export interface ComparedMetric {
  key: string;
  source: MetricSource;
  direction?: Direction;
  cells: MetricCell[];
  differs: boolean;
}

/** `runs compare a b [c…]`: every run against the first. */
export interface RunComparison {
  runs: ComparedRun[];
  params: ValueRow[];
  data: ValueRow[];
  code: ValueRow[];
  metrics: ComparedMetric[];
}

export interface CompareOptions {
  directions?: Record<string, Direction>;
  /** Metrics listed first, in this order (the primary metric). */
  first?: readonly string[];
}

/** Nested params to dotted keys; lists stay one value (`layers = [8,4]`). */
function flattenParams(v: unknown, prefix: string, out: Map<string, string>): void {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length && prefix) out.set(prefix, '{}');
    for (const [k, x] of entries) flattenParams(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, typeof v === 'string' ? v : JSON.stringify(v));
}

/** Rows of keys in first-seen order across runs. */
function valueRows(maps: Map<string, string>[]): ValueRow[] {
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))];
  return keys.map((key) => {
    const values = maps.map((m) => m.get(key) ?? null);
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
}

function fingerprintText(f: { sha256: string; rows?: number; bytes?: number } | undefined) {
  if (!f) return undefined;
  return `sha256 ${f.sha256.slice(0, 12)}${f.rows !== undefined ? ` · ${f.rows} rows` : ''}`;
}

function dataMap(r: RunRecord): Map<string, string> {
  const m = new Map<string, string>();
  const put = (k: string, v: string | undefined) => v !== undefined && m.set(k, v);
  put('train', fingerprintText(r.data.train));
  put('holdout', fingerprintText(r.data.holdout));
  put('evaluation', fingerprintText(r.evaluation?.dataset));
  return m;
}

function codeMap(r: RunRecord): Map<string, string> {
  const m = new Map<string, string>();
  const put = (k: string, v: string | number | boolean | undefined) =>
    v !== undefined && m.set(k, String(v));
  put('trainer', r.trainer);
  put('command', r.command);
  put('seed', r.seed);
  put('commit', r.code.commit?.slice(0, 12));
  put('dirty', r.code.dirty);
  for (const [f, blob] of Object.entries(r.code.files ?? {})) put(`file ${f}`, blob.slice(0, 12));
  put('python', r.environment.python);
  put('node', r.environment.node);
  put('os', r.environment.os);
  return m;
}

function verdictOf(delta: number, s: Significance | undefined, d: Direction | undefined) {
  if (!s) return undefined;
  if (!s.significant || delta === 0) return 'no significant change' as const;
  if (!d) return 'changed' as const;
  return delta > 0 === (d === 'higher') ? ('better' as const) : ('worse' as const);
}

/** Compares runs side by side: every later run against the first. */
export function compareRuns(
  records: readonly RunRecord[],
  opts: CompareOptions = {},
): RunComparison {
  const ref = records[0]!;
  const bySource = {
    evaluation: records.map((r) => metricsFrom(r, 'evaluation')),
    training: records.map((r) => metricsFrom(r, 'training')),
  };
  const keys = (['evaluation', 'training'] as const)
    .flatMap((source) =>
      [...new Set(bySource[source].flatMap((m) => [...m.keys()]))].map((key) => ({ key, source })),
    )
    .map((k, order) => ({ ...k, order }));
  const rank = (k: string) => {
    const i = opts.first?.indexOf(k) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const metrics: ComparedMetric[] = keys
    .sort((a, b) => rank(a.key) - rank(b.key) || a.order - b.order)
    .map(({ key, source }) => {
      const direction = metricDirection(key, opts.directions);
      const first = bySource[source][0]!.get(key);
      const cells: MetricCell[] = records.map((r, i) => {
        const m = bySource[source][i]!.get(key);
        if (!m) return {};
        const cell: MetricCell = { value: m.value, ...(m.ci ? { ci: m.ci } : {}) };
        if (i === 0 || !first) return cell;
        cell.delta = m.value - first.value;
        const s = source === 'evaluation' ? metricSignificance(ref, r, key) : undefined;
        if (s) cell.significance = s;
        const verdict = verdictOf(cell.delta, s, direction);
        if (verdict) cell.verdict = verdict;
        return cell;
      });
      return {
        key,
        source,
        ...(direction ? { direction } : {}),
        cells,
        differs: cells.some((c) => c.value !== cells[0]!.value),
      };
    });
  return {
    runs: records.map((r) => ({
      id: r.id,
      model: r.model_name,
      status: r.status,
      ...(r.exit_code !== undefined ? { exit_code: r.exit_code } : {}),
      ...(r.code.branch ? { branch: r.code.branch } : {}),
      ...(r.code.commit ? { commit: r.code.commit } : {}),
      started_at: r.started_at,
      duration_ms: r.duration_ms,
      tags: r.tags,
      ...(r.note ? { note: r.note } : {}),
    })),
    params: valueRows(
      records.map((r) => {
        const m = new Map<string, string>();
        flattenParams(r.params, '', m);
        return m;
      }),
    ),
    data: valueRows(records.map(dataMap)),
    code: valueRows(records.map(codeMap)),
    metrics,
  };
}
