import { loadConfig } from '../../config/load.js';
import { ModelciError } from '../../core/errors.js';
import type { deprecateSpec, promoteSpec, rollbackSpec } from '../../spec/commands/promote.js';
import type { Parsed, Values } from '../../spec/option-spec.js';
import { runDeprecate, type DeprecateResult } from '../deprecate.js';
import { runPromote, type StageChangeResult, type StageWriteOptions } from '../promote.js';
import { runRollback } from '../rollback.js';
import { githubClient, repositoryOf } from '../github-access.js';
import { optionName, type Invocation } from '../invocation.js';

type WriteValues = Pick<
  Values<typeof promoteSpec.options>,
  'model' | 'registry' | 'push' | 'remote' | 'repository' | 'config' | 'reason'
> & { mode?: 'commit' | 'pull-request' | undefined };

/** What every stage write shares: registry settings, the GitHub client for checks and PRs. */
async function stageWrite(
  v: WriteValues,
  given: ReadonlySet<string>,
  inv: Invocation,
  stage: string,
): Promise<StageWriteOptions> {
  const { config } = loadConfig(v.config, { explicit: given.has('config') });
  const repository = repositoryOf(inv, v.repository);
  const client = repository ? await githubClient(inv) : undefined;
  return {
    model: v.model,
    stage,
    push: v.push,
    remote: v.remote,
    env: inv.processEnv,
    log: inv.log,
    warn: inv.warn,
    ...(v.registry !== undefined ? { registry: v.registry } : {}),
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
    ...(v.mode !== undefined ? { mode: v.mode } : {}),
    ...(config.registry ? { config: config.registry } : {}),
    ...(client && repository ? { github: { client, repository: repository.fullName } } : {}),
  };
}

/** `modelci promote` and the promote action (which also rolls back with `rollback: true`). */
export async function invokePromote(
  { values: v, given }: Parsed<typeof promoteSpec.options>,
  inv: Invocation,
): Promise<StageChangeResult> {
  const opts = await stageWrite(v, given, inv, v.stage);
  if (v.rollback) return runRollback({ ...opts, ...(v.to !== undefined ? { to: v.to } : {}) });
  if (v.to !== undefined)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      `${optionName(inv, 'to')} goes with rollback`,
      {
        hint: `Use ${optionName(inv, 'version')} to promote a version`,
      },
    );
  if (v.version === undefined)
    throw new ModelciError(
      inv.surface === 'cli' ? 'USAGE' : 'INPUT',
      `${optionName(inv, 'version')} is required (or rollback)`,
      {
        hint: 'X.Y.Z, #staging (what another stage holds) or latest',
      },
    );
  return runPromote({ ...opts, version: v.version });
}

/** `modelci rollback` and the rollback action. */
export async function invokeRollback(
  { values: v, given }: Parsed<typeof rollbackSpec.options>,
  inv: Invocation,
): Promise<StageChangeResult> {
  const opts = await stageWrite(v, given, inv, v.stage);
  return runRollback({ ...opts, ...(v.to !== undefined ? { to: v.to } : {}) });
}

/** `modelci deprecate` and the deprecate action. */
export async function invokeDeprecate(
  { values: v, given }: Parsed<typeof deprecateSpec.options>,
  inv: Invocation,
): Promise<DeprecateResult> {
  const { stage: _stage, mode: _mode, ...opts } = await stageWrite(v, given, inv, '');
  return runDeprecate({ ...opts, version: v.version });
}
