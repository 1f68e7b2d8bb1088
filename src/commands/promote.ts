import { moveStage, type StageChangeResult, type StageWriteOptions } from './stage-move.js';

export type { StageChangeResult, StageWriteOptions } from './stage-move.js';

export interface PromoteOptions extends StageWriteOptions {
  /** `1.2.0`, `@1.2.0`, `#staging` (what another stage holds) or `latest`. */
  version: string;
}

/**
 * Moves a stage pointer to a version after its gates, the stage order, the last stage's
 * evaluation rule and the required checks pass.
 */
export function runPromote(opts: PromoteOptions): Promise<StageChangeResult> {
  return moveStage(
    opts,
    (reg) => ({ version: reg.resolveVersion(opts.model, opts.version), rollback: false }),
    'promote',
  );
}
