import { parseThreshold } from '../gates/thresholds.js';
import { defaultPrimaryMetric, directionOf, type Direction } from '../metrics/names.js';
import {
  sharedClasses,
  type PerformanceProfile,
  type PerformanceTask,
} from '../profile/performance-profile.js';
import { proportionZTest } from './z-test.js';

/**
 * Performance drift: evaluate's metrics on the labelled current window against the reference,
 * which is either the reference data's own labelled rows (a profile with a performance summary) or
 * the metrics recorded for the registered version (evaluate's holdout metrics). A metric drifts when
 * it got worse by more than its allowed drop (`max_drop`, absolute or '5%' of the reference).
 * Accuracy also gets a two-proportion z-test p-value (the windows are independent samples), so a
 * reader can tell a real drop from noise on few labels.
 */
export interface PerformanceRules {
  /** Metric -> allowed drop; default: the primary metric, '5%'. */
  maxDrop?: Record<string, number | string>;
  /** Fewer labelled current rows than this: no verdict (default 30). */
  minRows?: number;
  /** Default checked metric when maxDrop is not given. */
  primaryMetric?: string;
  directions?: Record<string, Direction>;
}

export type PerformanceReference =
  | { source: 'data'; profile: PerformanceProfile }
  | { source: 'registry'; version: string; metrics: Record<string, number>; rows?: number };

export interface MetricDrift {
  name: string;
  reference: number;
  current: number;
  /** current - reference. */
  change: number;
  direction: Direction;
  /** Allowed drop as written ('5%' or 0.02), when the metric is checked. */
  max_drop?: string;
  checked: boolean;
  drifted: boolean;
  /** Accuracy only: two-proportion z-test of the two windows. */
  p_value?: number;
}

export interface PerformanceDrift {
  task: PerformanceTask;
  label: string;
  prediction?: string;
  score?: string;
  reference_source: 'data' | 'registry';
  reference_version?: string;
  rows: { reference: number | null; current: number };
  unlabelled: { reference: number | null; current: number };
  metrics: MetricDrift[];
  drifted: boolean;
  problems: string[];
}

const DEFAULT_MIN_ROWS = 30;

function defaultMetric(task: PerformanceTask, primary: string | undefined): string {
  return primary ?? defaultPrimaryMetric(task);
}

export function comparePerformance(
  reference: PerformanceReference,
  current: PerformanceProfile,
  rules: PerformanceRules = {},
): PerformanceDrift {
  const spec = current.spec;
  const problems: string[] = [];
  const refProfile = reference.source === 'data' ? reference.profile : undefined;
  const classes =
    spec.task !== 'regression' && refProfile ? sharedClasses(refProfile, current) : undefined;
  const curMetrics = current.metrics(classes);
  const refMetrics =
    reference.source === 'data' ? reference.profile.metrics(classes) : reference.metrics;
  const refRows =
    reference.source === 'data' ? reference.profile.labelled : (reference.rows ?? null);
  const out: PerformanceDrift = {
    task: spec.task,
    label: spec.label,
    ...(spec.prediction ? { prediction: spec.prediction } : {}),
    ...(spec.score ? { score: spec.score } : {}),
    reference_source: reference.source,
    ...(reference.source === 'registry' ? { reference_version: reference.version } : {}),
    rows: { reference: refRows, current: current.labelled },
    unlabelled: {
      reference: refProfile ? refProfile.unlabelled : null,
      current: current.unlabelled,
    },
    metrics: [],
    drifted: false,
    problems,
  };
  if (current.invalid) {
    const f = current.firstInvalid;
    problems.push(
      `${current.invalid} current row(s) had an unreadable label, prediction or score` +
        (f
          ? ` (first: ${f.file} row ${f.row}, column "${f.column}": ${JSON.stringify(f.value)})`
          : ''),
    );
  }
  if (refProfile && refProfile.labelled === 0) {
    problems.push(`the reference has no labelled rows (columns "${spec.label}" and predictions)`);
    return out;
  }
  const minRows = rules.minRows ?? DEFAULT_MIN_ROWS;
  if (current.labelled < minRows) {
    problems.push(
      current.labelled === 0
        ? `no labelled rows in the current window (column "${spec.label}" with a prediction): performance not checked`
        : `only ${current.labelled} labelled current row(s), fewer than ${minRows}: performance not checked`,
    );
  }
  const drops = rules.maxDrop ?? { [defaultMetric(spec.task, rules.primaryMetric)]: '5%' };
  const names = Object.keys(curMetrics).filter(
    (m) => Number.isFinite(curMetrics[m]) && Number.isFinite(refMetrics[m]),
  );
  const limits = new Map(
    Object.entries(drops).map(([m, v]) => [
      m,
      parseThreshold(v, `drift.performance.max_drop.${m}`),
    ]),
  );
  for (const m of limits.keys())
    if (!names.includes(m))
      problems.push(
        `metric "${m}" cannot be compared (${m in curMetrics ? 'undefined on one side' : 'not computed for this task and columns'})`,
      );
  for (const name of names) {
    const ref = refMetrics[name]!;
    const cur = curMetrics[name]!;
    const direction = directionOf(name, rules.directions);
    const row: MetricDrift = {
      name,
      reference: ref,
      current: cur,
      change: cur - ref,
      direction,
      checked: false,
      drifted: false,
    };
    const t = limits.get(name);
    if (t) {
      row.max_drop = t.text;
      row.checked = current.labelled >= minRows;
      const allowed = t.kind === 'relative' ? t.amount * Math.abs(ref) : t.amount;
      row.drifted = row.checked && worseBy(row) > allowed + 1e-12;
    }
    if (name === 'accuracy' && refRows) {
      const z = proportionZTest(
        Math.round(ref * refRows),
        refRows,
        Math.round(cur * current.labelled),
        current.labelled,
      );
      row.p_value = z.pValue;
    }
    out.metrics.push(row);
  }
  // Checked metrics first, then by how much worse they got.
  out.metrics.sort(
    (a, b) =>
      Number(b.checked) - Number(a.checked) ||
      worseBy(b) - worseBy(a) ||
      (a.name < b.name ? -1 : 1),
  );
  out.drifted = out.metrics.some((m) => m.drifted);
  return out;
}

function worseBy(m: MetricDrift): number {
  return m.direction === 'higher' ? -m.change : m.change;
}
