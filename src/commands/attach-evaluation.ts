import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError, ModelciError } from '../core/errors.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { runEvaluation } from '../core/runs/evaluation.js';
import { orderedRecord, type RunRecord } from '../core/runs/record.js';
import { runRecordProblem } from '../core/runs/validate.js';
import { runRef } from '../core/runs/refs.js';
import { resolveRun } from '../core/runs/select.js';
import type { RunStore, StoredRun } from '../git/run-refs.js';
import type { RunEnvironment } from '../github/run-environment.js';
import { autoPush } from './record-run.js';
import { changeRun } from './runs.js';

/** Where an evaluation went: the run, its run.json, its ref (and whether that was pushed). */
export interface AttachedEvaluation {
  id: string;
  file?: string;
  ref?: string;
  pushed: boolean;
}

export interface AttachOptions {
  /** A run id or prefix, a run.json, or `none`; default, the run.json beside the artifact. */
  run: string | undefined;
  artifact: string;
  store: RunStore | undefined;
  /** true / false as the user said; undefined: as train pushes (push and schedule events). */
  push: boolean | undefined;
  remote: string;
  env: RunEnvironment;
  now: Date;
  log: (line: string) => void;
  warn: (line: string) => void;
}

function readRunFile(file: string): RunRecord & { files?: unknown } {
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
  return data as RunRecord & { files?: unknown };
}

/**
 * Attaches an evaluation to the run that trained the evaluated model: its run.json (when there is
 * one) and its ref gain `evaluation` (metrics with intervals, the baseline, the paired tests), so
 * `runs compare` and the PR comment can say which differences are significant. A run named
 * explicitly must be the evaluated model's; the default (run.json beside the artifact) is used
 * only when it is.
 */
export async function attachEvaluation(
  report: EvaluationReport,
  o: AttachOptions,
): Promise<AttachedEvaluation | undefined> {
  if (o.run === 'none') return undefined;
  const sha = report.candidate.model.sha256;
  const beside = join(dirname(o.artifact), 'run.json');
  const explicit = o.run !== undefined;
  let file: string | undefined;
  let stored: StoredRun | undefined;
  let record: RunRecord;
  if (o.run !== undefined && !existsSync(o.run)) {
    if (!o.store)
      throw new ModelciError('INPUT', `run "${o.run}" cannot be looked up outside a git checkout`, {
        hint: 'Give the run.json that `modelci train` wrote',
      });
    const named = resolveRun((await o.store.list()).runs, o.run);
    stored = (await o.store.fullOrFail([named]))[0]!;
    record = stored.record;
  } else {
    file = o.run ?? beside;
    if (!existsSync(file)) return undefined;
    try {
      record = readRunFile(file);
    } catch (e) {
      if (explicit) throw e;
      o.warn(`the evaluation is not attached to a run: ${describeError(e)}`);
      return undefined;
    }
  }
  if (record.model?.sha256 !== sha) {
    if (!explicit) return undefined;
    throw new ModelciError(
      'INPUT',
      `run ${record.id} trained another model (sha256 ${record.model?.sha256?.slice(0, 12) ?? 'none'}) than the one evaluated (${sha.slice(0, 12)})`,
      { hint: 'Evaluate the model that run wrote, or leave the run out' },
    );
  }
  const evaluation = runEvaluation(report, o.now.toISOString());
  if (file) {
    const full = readRunFile(file);
    writeFileSync(file, JSON.stringify(orderedRecord({ ...full, evaluation }), null, 2) + '\n');
  }
  if (!stored && o.store) {
    const found = await o.store.read(runRef(record.model_name, record.id));
    if (found && 'record' in found) stored = found;
  }
  if (!stored) {
    o.log(`attached the evaluation to run ${record.id} (${file})`);
    return { id: record.id, ...(file ? { file } : {}), pushed: false };
  }
  const push = o.push ?? autoPush(o.env);
  let pushed = false;
  try {
    // The ref changes here first, then goes to the remote.
    pushed = (
      await changeRun(o.store!, stored, (r) => ({ ...r, evaluation }), 'evaluated', {
        push,
        remote: o.remote,
      })
    ).pushed;
  } catch (e) {
    if (o.push || !push) throw e;
    o.warn(
      `the evaluation of run ${record.id} was recorded here but not pushed: ${describeError(e)}`,
    );
  }
  o.log(`attached the evaluation to run ${record.id} (${stored.ref})${pushed ? ', pushed' : ''}`);
  return { id: record.id, ...(file ? { file } : {}), ref: stored.ref, pushed };
}
