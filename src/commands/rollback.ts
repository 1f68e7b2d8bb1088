import { rollbackCandidates, rollbackTarget } from '../core/registry/promotion.js';
import { moveStage, type StageChangeResult, type StageWriteOptions } from './stage-move.js';

export interface RollbackOptions extends StageWriteOptions {
  /** Version to go back to; default: one step back through the stage's history. */
  to?: string;
}

/**
 * Points a stage back at an earlier version: each rollback goes one version further back through
 * the pointer's history, skipping versions rolled back from (and deprecated ones), unless `to`
 * names the version. Going back to a version the stage held skips the promotion rules it passed
 * then; `to` a version it never held is a promotion by another name and gets every rule.
 */
export function runRollback(opts: RollbackOptions): Promise<StageChangeResult> {
  return moveStage(
    opts,
    (reg, current) => {
      const to = opts.to ? reg.resolveVersion(opts.model, opts.to) : undefined;
      const version = rollbackTarget(current, to, (v) => {
        if (!reg.hasVersion(opts.model, v)) return false;
        return !reg.getVersion(opts.model, v).deprecated;
      });
      const heldBefore =
        current !== undefined &&
        (rollbackCandidates(current).includes(version) || current.previous === version);
      return { version, rollback: heldBefore };
    },
    'rollback',
  );
}
