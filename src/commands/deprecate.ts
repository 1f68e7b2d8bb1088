import { ModelciError } from '../core/errors.js';
import type { VersionRecord } from '../core/registry/records.js';
import { commitMessage } from '../core/registry/trailers.js';
import { pushRetryPolicy } from '../git/push-retry.js';
import { deprecationTags, modelTagGlobs } from '../registry/gto-tags.js';
import { warnProblems } from '../registry/problems.js';
import { recordToYaml } from '../registry/record-file.js';
import { openRegistry } from '../registry/registry.js';
import { commitRegistryChange } from '../registry/transaction.js';
import { prepareWrite } from './registry-write.js';
import type { StageWriteOptions } from './stage-move.js';
import { writeOutputFile } from '../data/output-file.js';

export interface DeprecateOptions extends Omit<StageWriteOptions, 'stage' | 'mode'> {
  version: string;
}

export interface DeprecateResult {
  model: string;
  version: string;
  status: 'deprecated' | 'unchanged';
  commit?: string;
  pushed: boolean;
  tags: string[];
}

/** Marks a version deprecated: it can no longer be promoted. Refused while a stage holds it. */
export async function runDeprecate(opts: DeprecateOptions): Promise<DeprecateResult> {
  const { settings, checkout, ctx, model } = await prepareWrite(opts);
  const now = opts.now ?? (() => new Date());
  const push = opts.push ?? false;
  const remote = opts.remote ?? 'origin';
  const tx = await commitRegistryChange<{ version: string }>({
    checkout,
    command: `deprecate ${model}`,
    models: [model],
    push,
    remote,
    retry: pushRetryPolicy(settings.pushAttempts, opts.env ?? process.env),
    ...(settings.tags && push ? { tagGlobs: modelTagGlobs(model) } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    plan: async ({ dir, base, git, attempt }) => {
      const reg = openRegistry(dir);
      warnProblems(reg, model, attempt === 1 ? opts.warn : undefined, checkout.relDir);
      const version = reg.resolveVersion(model, opts.version);
      const record = reg.getVersion(model, version);
      if (record.deprecated) return { noop: { version } };
      const holding = Object.values(reg.listStages(model))
        .filter((s) => s.version === version)
        .map((s) => s.stage);
      if (holding.length)
        throw new ModelciError(
          'REGISTRY',
          `cannot deprecate ${model} ${version}: ${holding.join(' and ')} still hold${holding.length === 1 ? 's' : ''} it`,
          {
            hint: 'Promote another version to those stages (or roll back) first',
          },
        );
      const updated: VersionRecord = {
        ...record,
        deprecated: {
          at: now().toISOString(),
          by: ctx.actor,
          ...(opts.reason ? { reason: opts.reason } : {}),
        },
      };
      writeOutputFile(reg.versionFile(model, version), recordToYaml(updated));
      return {
        message: commitMessage(`Deprecate ${model} ${version}`, opts.reason, {
          model,
          version,
          action: 'deprecate',
          actor: ctx.actor,
          ...(ctx.runUrl ? { run: ctx.runUrl } : {}),
        }),
        // GTO's deregistration, on the commit that registered the version (not this one).
        tags: settings.tags
          ? await deprecationTags(git, {
              base,
              relDir: checkout.relDir,
              model,
              version,
              ...(push ? { remote } : {}),
            })
          : [],
        result: { version },
        files: [reg.versionFile(model, version)],
      };
    },
  });
  return {
    model,
    version: tx.result.version,
    status: tx.commit ? 'deprecated' : 'unchanged',
    ...(tx.commit ? { commit: tx.commit } : {}),
    pushed: tx.pushed,
    tags: tx.tags,
  };
}
