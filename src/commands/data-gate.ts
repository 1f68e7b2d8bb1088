import { existsSync } from 'node:fs';
import { loadConfig, resolveModel } from '../config/load.js';
import { verdictLine, violationLines, type ValidationReport } from '../core/contract/report.js';
import { ModelciError } from '../core/errors.js';
import { modelContractPath } from './contract.js';
import type { Invocation } from './invocation.js';
import { runValidate } from './validate.js';

/**
 * The data checks a step of the loop runs on its inputs before its work (train on the training and
 * holdout data, evaluate on the holdout), when the model has a data contract: errors stop the step
 * with every violation in the log (and `onFailed` for a presenter to show the report), warnings are
 * logged and returned for the step's own report (the PR comment's "Data checks" section).
 */
export interface DataGateOptions {
  step: 'train' | 'evaluate';
  config: string | undefined;
  configExplicit: boolean;
  model: string | undefined;
  /** `--contract`: a file, `none` to skip, or undefined for the model's contract when it has one. */
  contract: string | undefined;
  /**
   * The data the step reads besides the training data, checked for overlap with it. Default, the
   * model's `data.holdout`. The training data is the model's `data.train` (checked for leakage).
   */
  data?: string[];
}

export const NO_CONTRACT = 'none';

export async function runDataGate(
  o: DataGateOptions,
  inv: Invocation,
  onFailed?: (report: ValidationReport) => Promise<void>,
): Promise<ValidationReport | undefined> {
  if (o.contract === NO_CONTRACT) return undefined;
  const loaded = loadConfig(o.config, { explicit: o.configExplicit });
  const { name, model } = resolveModel(loaded, o.model);
  const contract = o.contract ?? modelContractPath(loaded, name);
  // Most models have no contract: nothing to say then (stderr stays what it was without one).
  if (o.contract === undefined && !existsSync(contract)) return undefined;
  const train =
    model.data.train !== undefined && existsSync(model.data.train) ? model.data.train : undefined;
  const data = (o.data ?? (model.data.holdout ? [model.data.holdout] : [])).filter(
    (f) => f !== train,
  );
  if (data.length === 0 && !train) return undefined;
  const report = await inv.group('Data checks', () =>
    runValidate({
      contract,
      data,
      now: Date.now(),
      model: name,
      ...(train ? { train } : {}),
      ...(model.data.label !== undefined ? { label: model.data.label } : {}),
    }),
  );
  const lines = violationLines(report);
  if (report.passed) {
    inv.log(verdictLine(report));
    // The presenters say "warning" themselves (stderr prefix, annotation level).
    for (const line of lines) inv.warn(line.replace(/^warning: /, ''));
    return report;
  }
  for (const line of lines) inv.log(line);
  await onFailed?.(report);
  const first = report.violations[0]!;
  throw new ModelciError(
    'DATA',
    `${o.step} stopped: ${verdictLine(report)}; first: ${JSON.stringify(first.dataset)}${first.column !== undefined ? ` column ${JSON.stringify(first.column)}` : ''}: ${first.message}`,
    {
      hint: `Every violation is listed above. Fix the data, or the contract where the data is right (modelci validate --model ${name} shows them again)`,
    },
  );
}
