import { writeFileSync } from 'node:fs';
import { resolvedModel, type LoadedConfig } from '../config/load.js';
import { ModelciError } from '../core/errors.js';
import type { ClassValue } from '../core/evaluation/classes.js';
import type { BootstrapOptions } from '../core/evaluation/types.js';
import type { Direction } from '../core/metrics/names.js';
import { labelKey, outputColumnsOf, type LabelTable } from '../core/online/arm-rows.js';
import { analyzeLive } from '../core/online/live-analysis.js';
import { renderLiveReport } from '../core/online/live-markdown.js';
import type { LiveReport } from '../core/online/live-report.js';
import type { Task } from '../core/report/evaluation-report.js';
import { loggedRequests, type LogCell, type LoggedRequest } from '../core/serve/prediction-rows.js';
import { globFiles, isGlob } from '../data/glob.js';
import { openTable } from '../data/open-table.js';
import type { Cell } from '../data/table.js';

export interface CompareLiveOptions {
  /** Prediction log files (JSONL) or globs. */
  log: string[];
  /** Which model of the log; default, the only one. */
  model?: string;
  /** Only requests logged at or after this time (ISO 8601, as `_ts`). */
  since?: string;
  /** Labels: file, id column, row column; the label column defaults to the model's setting. */
  labels?: { file: string; join: string; label?: string; row?: string };
  prediction?: string;
  probabilities?: string[];
  canaryWeight?: number;
  /** The model's settings once the log named it (modelci.yaml), and the options given. */
  settings: (model: string) => ModelSettings;
  /** Write the JSON report / the Markdown here. */
  report?: string;
  markdown?: string;
  /** The sticky comment's marker for the model, first in the Markdown. */
  marker?: (model: string) => string;
}

/** What modelci.yaml (and the options over it) say about the model the log holds. */
export interface ModelSettings {
  task?: Task;
  label: string;
  bootstrap: BootstrapOptions;
  primaryMetric?: string;
  directions?: Record<string, Direction>;
  tolerance?: number;
  relativeTolerance?: number;
  precision?: number;
}

/** A model's analysis settings from modelci.yaml (defaults for a model it does not list). */
export function modelSettingsOf(
  loaded: LoadedConfig,
  model: string,
  given: {
    task?: Task;
    label?: string;
    resamples?: number;
    seed?: number;
    confidence?: number;
  } = {},
): ModelSettings {
  const m = resolvedModel(loaded, loaded.config.models[model]);
  const boot = m.evaluate.bootstrap;
  const task = given.task ?? m.task;
  const precision = loaded.config.comment?.precision ?? m.metrics.precision;
  return {
    ...(task ? { task } : {}),
    label: given.label ?? m.data.label ?? 'label',
    bootstrap: {
      resamples: given.resamples ?? boot?.resamples ?? 1000,
      seed: given.seed ?? boot?.seed ?? 42,
      confidence: given.confidence ?? boot?.confidence ?? 0.95,
    },
    ...(m.primary_metric ? { primaryMetric: m.primary_metric } : {}),
    ...(m.metrics.directions ? { directions: m.metrics.directions } : {}),
    ...(m.metrics.tolerance !== undefined ? { tolerance: m.metrics.tolerance } : {}),
    ...(m.metrics.relative_tolerance !== undefined
      ? { relativeTolerance: m.metrics.relative_tolerance }
      : {}),
    ...(precision ? { precision } : {}),
  };
}

export interface CompareLiveResult {
  report: LiveReport;
  markdown: string;
}

/** What the analysis needs of every row: the metadata and the outputs, never the features. */
const keep = (column: string, extra: ReadonlySet<string>) =>
  column.startsWith('_') || extra.has(column);

/** Reads the logs' rows (metadata and outputs only); every row must say its request and arm. */
async function readLog(
  files: string[],
  extra: ReadonlySet<string>,
): Promise<{ rows: Record<string, LogCell>[]; columns: Set<string> }> {
  const rows: Record<string, LogCell>[] = [];
  const columns = new Set<string>();
  for (const file of files) {
    const source = await openTable(file);
    if (source.format !== 'jsonl')
      throw new ModelciError(
        'DATA',
        'a prediction log is JSONL (what modelci serve --log-predictions writes)',
        { file },
      );
    for await (const batch of source.batches(4096)) {
      const cols = batch.columns.map((c, j) => [c, j] as const).filter(([c]) => keep(c, extra));
      for (const [c] of cols) columns.add(c);
      for (let r = 0; r < batch.length; r++) {
        const row: Record<string, LogCell> = {};
        for (const [c, j] of cols) {
          const v = batch.values[j]![r];
          if (v !== null && v !== undefined) row[c] = v as LogCell;
        }
        for (const field of ['_model', '_role', '_req'] as const)
          if (row[field] === undefined)
            throw new ModelciError(
              'DATA',
              `row ${batch.firstRow + r} has no "${field}": the analysis needs the model, the arm and the request key of every row (prediction log @2 or later, modelci serve --log-predictions)`,
              { file, row: batch.firstRow + r, column: field },
            );
        rows.push(row);
      }
    }
  }
  return { rows, columns };
}

function text(v: Cell | undefined): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

/** Labels by request id (`join`) and, for requests of several rows, the row (`row`). */
async function readLabels(
  o: NonNullable<CompareLiveOptions['labels']> & { label: string },
): Promise<LabelTable> {
  const source = await openTable(o.file);
  for (const c of [o.join, o.label, ...(o.row ? [o.row] : [])])
    if (!source.columns.includes(c))
      throw new ModelciError(
        'DATA',
        `no column "${c}" (columns: ${source.columns.slice(0, 20).join(', ')})`,
        {
          file: o.file,
          column: c,
          hint:
            c === o.join
              ? 'Name the request id column with --join'
              : c === o.label
                ? 'Name the label column with --label'
                : 'Name the row column with --join-row',
        },
      );
  const byKey = new Map<string, ClassValue>();
  const firstRow = new Map<string, number>();
  let rows = 0;
  for await (const batch of source.batches(4096)) {
    const at = (c: string) => batch.columns.indexOf(c);
    const [ji, li, ri] = [at(o.join), at(o.label), o.row ? at(o.row) : -1];
    for (let r = 0; r < batch.length; r++) {
      const line = batch.firstRow + r;
      const id = text(batch.values[ji]![r]);
      const y = batch.values[li]![r];
      if (id === undefined || y === null || y === undefined || y === '') continue;
      rows++;
      const row = ri >= 0 ? Number(batch.values[ri]![r] ?? 0) : 0;
      if (!Number.isInteger(row) || row < 0)
        throw new ModelciError(
          'DATA',
          `the row index must be a whole number ≥ 0 (got ${JSON.stringify(batch.values[ri]![r])})`,
          {
            file: o.file,
            row: line,
            column: o.row,
          },
        );
      const key = labelKey(id, row);
      if (byKey.has(key))
        throw new ModelciError(
          'DATA',
          `request id ${JSON.stringify(id)}${row ? ` row ${row}` : ''} is labelled twice (rows ${firstRow.get(key)} and ${line})`,
          {
            file: o.file,
            row: line,
            column: o.join,
            hint: 'Keep one label per request (and row, with --join-row)',
          },
        );
      byKey.set(key, typeof y === 'boolean' ? String(y) : y);
      firstRow.set(key, line);
    }
  }
  return { file: o.file, column: o.label, join: o.join, byKey, rows };
}

/** A time as the log writes it (toISOString), from any form Date reads. */
function isoTime(text: string): string {
  const t = new Date(text);
  if (Number.isNaN(t.getTime()))
    throw new ModelciError('INPUT', `"${text}" is not a time`, {
      hint: 'Give an ISO 8601 time, e.g. 2026-06-01T12:00:00Z',
    });
  return t.toISOString();
}

function expandFiles(specs: string[]): string[] {
  const files = specs.flatMap((s) => {
    if (!isGlob(s)) return [s];
    const found = globFiles(s);
    if (!found.length)
      throw new ModelciError('INPUT', `no file matches ${s}`, { hint: 'Check the --log pattern' });
    return found;
  });
  if (!files.length)
    throw new ModelciError('INPUT', 'no prediction log given', {
      hint: 'Pass --log <predictions.jsonl>',
    });
  return files;
}

/** The requests of one model: the named one, else the only one in the log. */
function requestsOf(
  rows: Record<string, LogCell>[],
  model: string | undefined,
): { model: string; requests: LoggedRequest[] } {
  const models = [...new Set(rows.map((r) => String(r._model)))];
  const name = model ?? (models.length === 1 ? models[0] : undefined);
  if (name === undefined)
    throw new ModelciError(
      'INPUT',
      models.length
        ? `the log has several models (${models.slice(0, 10).join(', ')}); say which one`
        : 'the prediction log has no rows',
      {
        hint: models.length
          ? 'Pass --model <name>'
          : 'Send traffic to a server started with --log-predictions first',
      },
    );
  if (!models.includes(name))
    throw new ModelciError(
      'INPUT',
      `no rows of model "${name}" in the log (models: ${models.join(', ') || 'none'})`,
    );
  return { model: name, requests: loggedRequests(rows.filter((r) => r._model === name)) };
}

/**
 * `modelci compare-live`: the prediction log (and labels) → per-arm traffic, agreement, metrics
 * and verdicts; writes the JSON and Markdown when asked.
 */
export async function runCompareLive(o: CompareLiveOptions): Promise<CompareLiveResult> {
  const files = expandFiles(o.log);
  const extra = new Set([o.prediction, ...(o.probabilities ?? [])].filter((c): c is string => !!c));
  const { rows, columns } = await readLog(files, extra);
  const since = o.since === undefined ? undefined : isoTime(o.since);
  // ISO 8601 UTC times sort as text: `_ts` is the server's toISOString().
  const window = since === undefined ? rows : rows.filter((r) => String(r._ts) >= since);
  const { model, requests } = requestsOf(window, o.model);
  const settings = o.settings(model);
  const labels = o.labels
    ? await readLabels({ ...o.labels, label: o.labels.label ?? settings.label })
    : undefined;
  if (labels && !requests.some((r) => r.id !== null))
    throw new ModelciError(
      'DATA',
      'no logged request has an "_id": labels join on the ids clients send',
      {
        file: files[0],
        column: '_id',
        hint: 'Send an "id" with each inference request (the Open Inference Protocol\'s request id)',
      },
    );
  const report = analyzeLive({
    model,
    requests,
    files,
    columns: outputColumnsOf([...columns], {
      ...(o.prediction ? { prediction: o.prediction } : {}),
      ...(o.probabilities?.length ? { probabilities: o.probabilities } : {}),
    }),
    ...(settings.task ? { task: settings.task } : {}),
    ...(labels ? { labels } : {}),
    ...(o.canaryWeight !== undefined ? { canaryWeight: o.canaryWeight } : {}),
    bootstrap: settings.bootstrap,
    ...(settings.primaryMetric ? { primaryMetric: settings.primaryMetric } : {}),
    ...(settings.directions ? { directions: settings.directions } : {}),
    ...(settings.tolerance !== undefined ? { tolerance: settings.tolerance } : {}),
    ...(settings.relativeTolerance !== undefined
      ? { relativeTolerance: settings.relativeTolerance }
      : {}),
  });
  const markdown = renderLiveReport(report, {
    ...(settings.precision ? { precision: settings.precision } : {}),
    ...(o.marker ? { marker: o.marker(model) } : {}),
  });
  if (o.report) writeFileSync(o.report, JSON.stringify(report, null, 2) + '\n');
  if (o.markdown) writeFileSync(o.markdown, markdown);
  return { report, markdown };
}
