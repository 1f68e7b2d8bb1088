import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError, ModelciError } from '../core/errors.js';
import type { RunRecord } from '../core/runs/record.js';
import { runRecordProblem } from '../core/runs/validate.js';
import { resolveRun } from '../core/runs/select.js';
import type { RunStore, StoredRun } from '../git/run-refs.js';

/** The run that trained a model: its record, and where it was read from. */
export interface TrainingRun {
  record: RunRecord;
  /** The run.json it came from (beside the artifact, or named). */
  file?: string;
  /** The run's ref, when it was named by id. */
  stored?: StoredRun;
}

export interface TrainingRunQuery {
  /** A run id or prefix, a run.json, or `none`; default, the run.json beside the artifact. */
  run: string | undefined;
  artifact: string;
  /** The model's sha256: the run must have written this very model. */
  sha256: string;
  store: RunStore | undefined;
  warn: (line: string) => void;
  /** What the run is looked up for, in messages ("the evaluation is not attached"). */
  purpose: string;
}

export function readRunFile(file: string): RunRecord {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ModelciError('PARSE', `not a run record: ${(e as Error).message}`, { file });
  }
  const problem = runRecordProblem(data);
  if (problem)
    throw new ModelciError('DATA', `not a run record: ${problem}`, {
      file,
      hint: 'Give the run.json that `modelci train` wrote, or a run id',
    });
  return data as RunRecord;
}

/**
 * The training run of a model file (evaluate attaches to it, register records it as lineage): a
 * run named explicitly must be that model's (an error otherwise); the default, the run.json
 * `train` wrote beside the artifact, is taken only when it is, and is silently absent otherwise.
 */
export async function trainingRunOf(q: TrainingRunQuery): Promise<TrainingRun | undefined> {
  if (q.run === 'none') return undefined;
  const explicit = q.run !== undefined;
  let found: TrainingRun;
  if (q.run !== undefined && !existsSync(q.run)) {
    if (!q.store)
      throw new ModelciError('INPUT', `run "${q.run}" cannot be looked up outside a git checkout`, {
        hint: 'Give the run.json that `modelci train` wrote',
      });
    const named = resolveRun((await q.store.list()).runs, q.run);
    const stored = (await q.store.fullOrFail([named]))[0]!;
    found = { record: stored.record, stored };
  } else {
    const file = q.run ?? join(dirname(q.artifact), 'run.json');
    if (!existsSync(file)) return undefined;
    try {
      found = { record: readRunFile(file), file };
    } catch (e) {
      if (explicit) throw e;
      q.warn(`${q.purpose}: ${describeError(e)}`);
      return undefined;
    }
  }
  if (found.record.model?.sha256 === q.sha256) return found;
  if (!explicit) return undefined;
  throw new ModelciError(
    'INPUT',
    `run ${found.record.id} trained another model (sha256 ${found.record.model?.sha256?.slice(0, 12) ?? 'none'}) than ${q.artifact} (${q.sha256.slice(0, 12)})`,
    { hint: 'Name the run that wrote this model, or leave the run out' },
  );
}
