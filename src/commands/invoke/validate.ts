import { existsSync } from 'node:fs';
import { loadConfig, resolveModel } from '../../config/load.js';
import type { ValidationReport } from '../../core/contract/report.js';
import { ModelciError } from '../../core/errors.js';
import type { validateSpec } from '../../spec/commands/validate.js';
import type { Parsed } from '../../spec/option-spec.js';
import { modelContractPath } from '../contract.js';
import type { Invocation } from '../invocation.js';
import type { ProfileProgress } from '../profile.js';
import { runValidate, writeValidationReport } from '../validate.js';

export interface ValidateInvocationResult {
  report: ValidationReport;
  /** False when a violation reached `fail-on`. */
  passed: boolean;
  reportFile: string | undefined;
}

/** `modelci validate` and the validate action: the contract and data from flags or modelci.yaml. */
export async function invokeValidate(
  { values: v, given }: Parsed<typeof validateSpec.options>,
  inv: Invocation,
  hooks: { onProgress?: (p: ProfileProgress) => void } = {},
): Promise<ValidateInvocationResult> {
  const loaded = loadConfig(v.config, { explicit: given.has('config') });
  const { name, model } = resolveModel(loaded, v.model);
  let contract: string | undefined = v.contract ?? modelContractPath(loaded, name, v.registry);
  if (v.contract === undefined && !existsSync(contract)) {
    if (v.trainingProfile === undefined)
      throw new ModelciError('USAGE', `no data contract for ${name} (looked for ${contract})`, {
        hint: `Pass --contract <file>, or infer one: modelci contract infer --model ${name} --data <training data>`,
      });
    contract = undefined; // train/serve skew alone
  }
  const defaults = v.data.length === 0;
  const data = defaults ? (model.data.holdout ? [model.data.holdout] : []) : v.data;
  const train = v.train ?? (defaults ? model.data.train : undefined);
  const report = await inv.group('Validate data', () =>
    runValidate({
      data,
      now: Date.now(),
      ...(contract !== undefined ? { contract } : {}),
      ...(train !== undefined ? { train } : {}),
      ...(v.trainingProfile !== undefined ? { trainingProfile: v.trainingProfile } : {}),
      ...(model.data.label !== undefined ? { label: model.data.label } : {}),
      ...(model.configured || v.model !== undefined ? { model: name } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    }),
  );
  if (v.report) writeValidationReport(report, v.report);
  const passed =
    v.failOn === 'never' ||
    (v.failOn === 'warning' ? report.violations.length === 0 : report.passed);
  return { report, passed, reportFile: v.report };
}
