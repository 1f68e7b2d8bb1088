/**
 * The rows of each arm of an online experiment, as the prediction log has them: which request and
 * row, the predicted label, class probabilities or value, and the true label once labels are
 * joined by request id. What the agreement and metric comparisons below start from.
 */
import { ModelciError } from '../errors.js';
import type { ClassValue } from '../evaluation/classes.js';
import type { Task } from '../report/evaluation-report.js';
import type { LoggedRequest, LogCell } from '../serve/prediction-rows.js';

/** Which log columns hold the model's answer. */
export interface OutputColumns {
  /** Predicted label (classification) or value (regression). */
  prediction?: string;
  /** Class probability columns in the model's class order (classification). */
  probabilities?: string[];
}

const PROBABILITY = /^_out\.(prob[a-z_]*)\.(\d+)$/;

/**
 * The output columns of a prediction log, unless given: `_out.label` (or the only one-value output)
 * as the prediction, `_out.probabilities.<j>` (any `_out.prob*.<j>`) in j order.
 */
export function outputColumnsOf(columns: readonly string[], given: OutputColumns): OutputColumns {
  const out: OutputColumns = { ...given };
  if (!out.probabilities) {
    const probs = columns
      .map((c) => PROBABILITY.exec(c))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(a[2]) - Number(b[2]));
    const prefix = probs[0]?.[1];
    const own = probs.filter((m) => m[1] === prefix).map((m) => m[0]);
    if (own.length) out.probabilities = own;
  }
  if (!out.prediction) {
    const single = columns.filter((c) => /^_out\.[^.]+$/.test(c));
    out.prediction =
      single.find((c) => c === '_out.label') ??
      single.find((c) => /label|class|pred/i.test(c)) ??
      (single.length === 1 ? single[0] : undefined);
  }
  if (!out.prediction && !out.probabilities)
    throw new ModelciError('DATA', 'the prediction log has no output columns (`_out.*`)', {
      hint: 'Name the prediction column with --prediction',
    });
  return out;
}

/** One arm's rows in log order. */
export interface ArmRows {
  role: string;
  versions: string[];
  requests: number;
  /** `<_req>\0<_row>`: the same request row in another arm (a shadow's twin). */
  keys: string[];
  /** Request id per row (null without one) and the row's index in its request. */
  ids: (string | null)[];
  rowInRequest: number[];
  predicted: LogCell[];
  /** rows × k, when the log has probabilities. */
  proba: number[][] | undefined;
  /** Server milliseconds per request (row 0's `_ms`). */
  ms: number[];
}

function num(v: LogCell | undefined): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
}

/** Groups requests into arms (stable, canary, shadow; in that order) and reads their outputs. */
export function armRows(requests: readonly LoggedRequest[], columns: OutputColumns): ArmRows[] {
  const arms = new Map<string, ArmRows>();
  for (const r of requests) {
    let arm = arms.get(r.role);
    if (!arm)
      arms.set(
        r.role,
        (arm = {
          role: r.role,
          versions: [],
          requests: 0,
          keys: [],
          ids: [],
          rowInRequest: [],
          predicted: [],
          proba: columns.probabilities ? [] : undefined,
          ms: [],
        }),
      );
    if (!arm.versions.includes(r.version)) arm.versions.push(r.version);
    arm.requests++;
    if (r.ms !== null) arm.ms.push(r.ms);
    for (const row of r.rows) {
      const index = typeof row._row === 'number' ? row._row : 0;
      arm.keys.push(`${r.request}\u0000${index}`);
      arm.ids.push(r.id);
      arm.rowInRequest.push(index);
      arm.predicted.push(columns.prediction ? (row[columns.prediction] ?? null) : null);
      arm.proba?.push(columns.probabilities!.map((c) => num(row[c])));
    }
  }
  const order = ['stable', 'canary', 'shadow'];
  return [...arms.values()].sort(
    (a, b) => (order.indexOf(a.role) + 1 || 9) - (order.indexOf(b.role) + 1 || 9),
  );
}

/** True labels by request id (and row, for requests of several rows). */
export interface LabelTable {
  /** Where they came from, for the report and messages. */
  file: string;
  column: string;
  join: string;
  /** `id` or `id\0row` → label. */
  byKey: Map<string, ClassValue>;
  /** Label rows read (with an id). */
  rows: number;
}

/** The key a label joins on: the id alone for row 0, with the row index otherwise. */
export function labelKey(id: string, row: number): string {
  return row === 0 ? id : `${id}\u0000${row}`;
}

/** Each arm's true label per row (undefined where no label matched), and the labels that matched nothing. */
export function joinLabels(
  arms: readonly ArmRows[],
  labels: LabelTable,
): { truth: Map<ArmRows, (ClassValue | undefined)[]>; unmatched: string[] } {
  const used = new Set<string>();
  const truth = new Map<ArmRows, (ClassValue | undefined)[]>();
  for (const arm of arms) {
    truth.set(
      arm,
      arm.ids.map((id, i) => {
        if (id === null) return undefined;
        const key = labelKey(id, arm.rowInRequest[i]!);
        const y = labels.byKey.get(key);
        if (y !== undefined) used.add(key);
        return y;
      }),
    );
  }
  const unmatched = [...labels.byKey.keys()].filter((k) => !used.has(k));
  return { truth, unmatched: unmatched.map((k) => k.replace('\u0000', '#')) };
}

/** The task: given, else regression for numeric predictions without probabilities, else by class count. */
export function taskOf(arms: readonly ArmRows[], given: Task | undefined): Task {
  if (given) return given;
  const any = arms.find((a) => a.predicted.length || a.proba?.length);
  if (!any) return 'binary';
  if (any.proba && any.proba[0]) return any.proba[0].length > 2 ? 'multiclass' : 'binary';
  const values = new Set(arms.flatMap((a) => a.predicted));
  const integral = [...values].every(
    (v) => typeof v === 'string' || typeof v === 'boolean' || Number.isInteger(v),
  );
  if (!integral || values.size > 20) return 'regression';
  return values.size > 2 ? 'multiclass' : 'binary';
}
