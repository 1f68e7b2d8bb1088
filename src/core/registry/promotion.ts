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
  /** The last stage takes only a version with a recorded evaluation whose gates passed. */
  requireEvaluation?: boolean;
  checks: CheckState[];
  /**
   * A rollback to a version the stage held before: the stage-order, evaluation and required-check
   * rules let it in then, so they are not asked again.
   */
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
  if (input.requireEvaluation && index === input.stages.length - 1 && !input.rollback) {
    const missing =
      !record.metrics || !Object.keys(record.metrics).length
        ? 'no recorded evaluation'
        : !record.gates
          ? 'no recorded gates'
          : undefined;
    if (missing)
      reasons.push(
        `${stage} is the last stage and takes only a version with a recorded evaluation whose gates passed; ${record.version} has ${missing} (register it with --report from modelci evaluate with gates configured, or set registry.require_evaluation: false)`,
      );
  }
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

/** The versions a stage held before, newest last, that a rollback may return to. */
export function rollbackCandidates(pointer: StagePointer): string[] {
  if (pointer.history) return pointer.history;
  // A pointer written before the history was kept knows only the version it replaced.
  return pointer.previous && !pointer.rollback ? [pointer.previous] : [];
}

function rolledBackFrom(pointer: StagePointer): string[] {
  if (pointer.rolled_back_from) return pointer.rolled_back_from;
  return pointer.rollback && pointer.previous ? [pointer.previous] : [];
}

/**
 * The version a rollback returns to: `to` when given, else one step further back through the
 * stage's history, skipping every version rolled back from and any `usable` refuses (deprecated).
 */
export function rollbackTarget(
  pointer: StagePointer | undefined,
  to?: string,
  usable: (version: string) => boolean = () => true,
): string {
  if (to) return to;
  if (!pointer)
    throw new ModelciError('REGISTRY', 'nothing to roll back: the stage holds no version', {
      hint: 'Promote a version first',
    });
  const avoid = new Set([...rolledBackFrom(pointer), pointer.version]);
  const candidates = rollbackCandidates(pointer).filter((v) => !avoid.has(v));
  for (let i = candidates.length - 1; i >= 0; i--)
    if (usable(candidates[i]!)) return candidates[i]!;
  const left = rolledBackFrom(pointer);
  throw new ModelciError(
    'REGISTRY',
    rollbackCandidates(pointer).length || left.length
      ? `nothing further back to roll back to: ${pointer.stage} held nothing before ${pointer.version} that was not rolled back from${left.length ? ` (${left.join(', ')})` : ''} or deprecated`
      : `nothing to roll back to: ${pointer.stage} has held only ${pointer.version}`,
    { hint: 'Pass the version to go to with --to' },
  );
}

/** Longest history a pointer keeps: rollbacks rarely go further back than this. */
const HISTORY_LIMIT = 50;

/**
 * The history fields of the pointer that replaces `current` with `to`. A promotion pushes the
 * version it replaces onto the history and clears `to` of any earlier rollback (it was chosen again);
 * a rollback drops the history from `to` on and remembers the version it leaves, so later
 * rollbacks go further back instead of returning to it.
 */
export function nextHistory(
  current: StagePointer | undefined,
  to: string,
  rollback: boolean,
): { history: string[]; rolled_back_from: string[] } {
  if (!current) return { history: [], rolled_back_from: [] };
  const history = rollbackCandidates(current).filter((v) => v !== current.version);
  const from = rolledBackFrom(current);
  if (!rollback)
    return {
      history: [...history.filter((v) => v !== to), current.version].slice(-HISTORY_LIMIT),
      rolled_back_from: from.filter((v) => v !== to).slice(-HISTORY_LIMIT),
    };
  const at = history.lastIndexOf(to);
  return {
    history: (at >= 0 ? history.slice(0, at) : history).slice(-HISTORY_LIMIT),
    rolled_back_from: [
      ...from.filter((v) => v !== to && v !== current.version),
      current.version,
    ].slice(-HISTORY_LIMIT),
  };
}
