import { writeFileSync } from 'node:fs';
import { describeError } from '../core/errors.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { runEvaluation } from '../core/runs/evaluation.js';
import { orderedRecord } from '../core/runs/record.js';
import { runRef } from '../core/runs/refs.js';
import type { RunStore } from '../git/run-refs.js';
import type { RunEnvironment } from '../github/run-environment.js';
import { autoPush } from './record-run.js';
import { changeRun } from './runs.js';
import { readRunFile, trainingRunOf } from './training-run.js';

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
  const found = await trainingRunOf({
    run: o.run,
    artifact: o.artifact,
    sha256: report.candidate.model.sha256,
    store: o.store,
    warn: o.warn,
    purpose: 'the evaluation is not attached to a run',
  });
  if (!found) return undefined;
  const { record, file } = found;
  let stored = found.stored;
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
