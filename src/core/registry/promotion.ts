import { ModelciError } from '../errors.js';
import type { StagePointer, VersionRecord } from './records.js';

/** The state of one required check on the version's commit, as the adapter found it. */
export interface CheckState {
  name: string;
  state: 'success' | 'failure' | 'pending' | 'missing';
  /** e.g. the conclusion or status description. */
  detail?: string;
}

export interface PromotionInput {
  stages: string[];
  stage: string;
  record: VersionRecord;
  /** Current pointers by stage name. */
  pointers: Record<string, StagePointer | undefined>;
  requirePreviousStage: boolean;
  /** The version's evaluation data must have passed its data contract (registry.require_data_checks). */
  requireDataChecks?: boolean;
  checks: CheckState[];
  /** Rollback skips the "earlier stage" rule: the version already held this stage. */
  rollback?: boolean;
}

export interface PromotionDecision {
  /** `noop` when the stage already points at the version. */
  action: 'move' | 'noop' | 'refuse';
  reasons: string[];
}

export function checkStage(stages: string[], stage: string): void {
  if (!stages.includes(stage))
    throw new ModelciError('INPUT', `unknown stage "${stage.slice(0, 80)}"`, {
      hint: `Configured stages: ${stages.join(', ')} (registry.stages in modelci.yaml)`,
    });
}

/** Every reason the version may not enter the stage; none means it may. */
export function decidePromotion(input: PromotionInput): PromotionDecision {
  checkStage(input.stages, input.stage);
  const { record, stage } = input;
  const reasons: string[] = [];
  if (input.pointers[stage]?.version === record.version)
    return { action: 'noop', reasons: [`${stage} already holds ${record.version}`] };
  if (record.deprecated)
    reasons.push(
      `version ${record.version} is deprecated${record.deprecated.reason ? ` (${record.deprecated.reason})` : ''}`,
    );
  if (record.gates && !record.gates.passed) {
    const failed = record.gates.results.filter((g) => !g.passed);
    reasons.push(
      `gates failed: ${failed.length ? failed.map((g) => `${g.gate}: ${g.reason}`).join('; ') : 'verdict is "failed"'}`,
    );
  }
  if (input.requireDataChecks && !input.rollback) {
    const dc = record.data_checks;
    if (!dc)
      reasons.push(
        `the evaluation data of ${record.version} was not checked against a data contract (registry.require_data_checks)`,
      );
    else if (!dc.passed)
      reasons.push(
        `the evaluation data of ${record.version} failed its data checks (${dc.errors} error${dc.errors === 1 ? '' : 's'} against ${dc.contract})`,
      );
  }
  const index = input.stages.indexOf(stage);
  if (input.requirePreviousStage && index > 0 && !input.rollback) {
    const before = input.stages[index - 1]!;
    const held = input.pointers[before]?.version;
    if (held !== record.version)
      reasons.push(
        `${stage} requires the version to be in ${before} first (${before} holds ${held ?? 'nothing'})`,
      );
  }
  for (const c of input.checks)
    if (c.state !== 'success')
      reasons.push(
        `required check "${c.name}" is ${c.state === 'missing' ? 'not reported' : c.state}${c.detail ? ` (${c.detail})` : ''} on ${record.lineage.commit?.slice(0, 12) ?? 'the commit'}`,
      );
  return reasons.length ? { action: 'refuse', reasons } : { action: 'move', reasons: [] };
}

/** The version a rollback returns to: the pointer's previous version unless one is given. */
export function rollbackTarget(pointer: StagePointer | undefined, to?: string): string {
  if (to) return to;
  if (!pointer)
    throw new ModelciError('REGISTRY', 'nothing to roll back: the stage holds no version', {
      hint: 'Promote a version first',
    });
  if (!pointer.previous)
    throw new ModelciError(
      'REGISTRY',
      `nothing to roll back to: ${pointer.stage} has held only ${pointer.version}`,
      { hint: 'Pass the version to go to with --to' },
    );
  return pointer.previous;
}
