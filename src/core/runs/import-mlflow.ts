import { ModelciError } from '../errors.js';
import { RUN_SCHEMA, runId, type RunRecord, type RunStatus } from './record.js';

// An MLflow run as its file store keeps it (`mlruns/<experiment>/<run>/`: meta.yaml, and one file
// per param, metric and tag), turned into a run record. Pure: the caller reads the files.

/** The files of one MLflow run folder, as read. */
export interface MlflowRunFiles {
  /** `meta.yaml`, parsed. */
  meta: Record<string, unknown>;
  /** `params/<key>` → the file's text (keys may hold `/`: nested folders). */
  params: Record<string, string>;
  /** `metrics/<key>` → the file's text: one `<timestamp> <value> <step>` line per logged value. */
  metrics: Record<string, string>;
  /** `tags/<key>` → the file's text. */
  tags: Record<string, string>;
}

// mlflow.entities.RunStatus: the file store writes the number (older stores the name).
const STATUS: Record<string, RunStatus | 'unfinished'> = {
  '1': 'unfinished',
  '2': 'unfinished',
  '3': 'succeeded',
  '4': 'failed',
  '5': 'failed',
  RUNNING: 'unfinished',
  SCHEDULED: 'unfinished',
  FINISHED: 'succeeded',
  FAILED: 'failed',
  KILLED: 'failed',
};

/**
 * The value MLflow shows for a metric: the one logged at the highest step, the latest of those
 * (`mlflow.tracking.MlflowClient().get_run(id).data.metrics`). `file` and `key` name bad lines.
 */
export function latestMetric(text: string, file: string): number | undefined {
  let best: { step: number; ts: number; value: number } | undefined;
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const [ts, value, step = '0'] = line.trim().split(/\s+/);
    const v = Number(value);
    const point = { ts: Number(ts), value: v, step: Number(step) };
    if (
      value === undefined ||
      Number.isNaN(point.ts) ||
      Number.isNaN(point.step) ||
      (Number.isNaN(v) && value !== 'nan')
    )
      throw new ModelciError('DATA', `line ${i + 1} is not "<timestamp> <value> <step>"`, {
        file,
        hint: 'Give an MLflow file-store run folder (mlruns/<experiment>/<run>)',
      });
    if (!best || point.step > best.step || (point.step === best.step && point.ts >= best.ts))
      best = point;
  });
  return best && Number.isFinite(best.value) ? best.value : undefined;
}

/** Tag keys MLflow writes itself; the rest are the user's. */
const SYSTEM_TAG = /^mlflow\./;

/**
 * A run record from an MLflow run folder. `model` is the modelci model it belongs to; `random` is
 * the id's 6 hex digits, which the caller derives from the MLflow run id so that importing the same
 * run twice names the same ref (and the second import finds it there).
 */
export function mlflowRunRecord(
  files: MlflowRunFiles,
  o: { model: string; random: string; folder: string },
): RunRecord {
  const m = files.meta;
  const where = { file: `${o.folder}/meta.yaml` };
  const start = Number(m.start_time);
  if (!Number.isFinite(start))
    throw new ModelciError('DATA', 'start_time is missing', { ...where, path: 'start_time' });
  const status = STATUS[String(m.status)];
  if (!status)
    throw new ModelciError(
      'DATA',
      `status ${JSON.stringify(m.status)} is not an MLflow run status`,
      {
        ...where,
        path: 'status',
      },
    );
  if (status === 'unfinished')
    throw new ModelciError('INPUT', `MLflow run ${String(m.run_id)} has not finished`, {
      ...where,
      path: 'status',
      hint: 'Import it once it has finished (or failed)',
    });
  const end = Number(m.end_time);
  const finished = Number.isFinite(end) && end >= start ? end : start;
  const metrics: Record<string, number> = {};
  for (const [k, text] of Object.entries(files.metrics)) {
    const v = latestMetric(text, `${o.folder}/metrics/${k}`);
    if (v !== undefined) metrics[k] = v;
  }
  const tag = (k: string) => files.tags[k]?.trim() || undefined;
  const commit = tag('mlflow.source.git.commit');
  const branch = tag('mlflow.source.git.branch');
  const note = tag('mlflow.note.content');
  const userTags = Object.fromEntries(
    Object.entries(files.tags).filter(([k]) => !SYSTEM_TAG.test(k)),
  );
  const seed = Number(files.params.seed ?? files.params.random_state);
  return {
    schema: RUN_SCHEMA,
    id: runId(new Date(start), o.random),
    model_name: o.model,
    status,
    ...(status === 'failed' ? { failure: `MLflow run status ${String(m.status)}` } : {}),
    trainer: 'mlflow',
    ...(tag('mlflow.source.name') ? { command: tag('mlflow.source.name')! } : {}),
    ...(Number.isInteger(seed) ? { seed } : {}),
    // MLflow keeps params as text: they are recorded as MLflow shows them.
    params: { ...files.params },
    started_at: new Date(start).toISOString(),
    finished_at: new Date(finished).toISOString(),
    duration_ms: finished - start,
    data: {},
    ...(Object.keys(metrics).length ? { metrics } : {}),
    code: { ...(commit ? { commit } : {}), ...(branch ? { branch } : {}) },
    environment: {},
    imported: {
      from: 'mlflow',
      id: String(m.run_id ?? m.run_uuid ?? ''),
      ...(m.run_name || tag('mlflow.runName')
        ? { name: String(m.run_name || tag('mlflow.runName')) }
        : {}),
      ...(m.experiment_id !== undefined ? { experiment: String(m.experiment_id) } : {}),
      ...(m.user_id || tag('mlflow.user') ? { user: String(m.user_id || tag('mlflow.user')) } : {}),
      ...(Object.keys(userTags).length ? { tags: userTags } : {}),
    },
    tags: ['mlflow'],
    ...(note ? { note } : {}),
  };
}
