import type { CheckState } from '../core/registry/promotion.js';
import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from './client.js';

const GREEN = new Set(['success', 'neutral', 'skipped']);

/**
 * The state of each named check on a commit: a check run of that name (the latest one wins) or,
 * failing that, a commit status with that context. Unreported names come back `missing`.
 */
export async function readRequiredChecks(
  client: GitHubClient,
  repository: string,
  sha: string,
  names: string[],
): Promise<CheckState[]> {
  if (!names.length) return [];
  const [owner, repo] = repository.split('/') as [string, string];
  try {
    const runs = await client.paginate(client.rest.checks.listForRef, {
      owner,
      repo,
      ref: sha,
      per_page: 100,
    });
    const { data: combined } = await client.rest.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref: sha,
      per_page: 100,
    });
    return names.map((name): CheckState => {
      const mine = runs.filter((r) => r.name === name).sort((a, b) => b.id - a.id);
      const run = mine[0];
      if (run) {
        if (run.status !== 'completed')
          return { name, state: 'pending', detail: `check run ${run.status}` };
        if (run.conclusion && GREEN.has(run.conclusion)) return { name, state: 'success' };
        return {
          name,
          state: 'failure',
          detail: `check run concluded ${run.conclusion ?? 'without a conclusion'}`,
        };
      }
      const status = combined.statuses.find((s) => s.context === name);
      if (status) {
        if (status.state === 'success') return { name, state: 'success' };
        if (status.state === 'pending') return { name, state: 'pending', detail: 'status pending' };
        return { name, state: 'failure', detail: `status ${status.state}` };
      }
      return { name, state: 'missing' };
    });
  } catch (e) {
    const status = (e as { status?: number }).status;
    throw new ModelciError(
      'GITHUB',
      `cannot read the checks of ${sha.slice(0, 12)}: ${(e as Error).message}`,
      {
        hint:
          status === 403 || status === 401
            ? 'The job needs `checks: read` and `statuses: read` permissions'
            : 'Check the repository and token',
      },
    );
  }
}
