import { join } from 'node:path';
import { ModelciError } from '../core/errors.js';
import type { Git } from '../git/git.js';
import { ScratchTree } from '../git/scratch-tree.js';
import type { GitHubClient } from '../github/client.js';
import { upsertPullRequest, type PullRequestAction } from '../github/pull-request.js';
import { ChangeJournal, CHANGE_TOKEN_ENV } from './change-journal.js';
import type { RegistryCheckout } from './checkout.js';
import type { PlanContext, WritePlan } from './transaction.js';

export interface PromotionPullRequest {
  number: number;
  url: string;
  branch: string;
  /** What happened, like peter-evans/create-pull-request: safe to run twice. */
  action: PullRequestAction;
}

export interface PromotionPrOptions<R> {
  checkout: RegistryCheckout;
  remote: string;
  model: string;
  stage: string;
  github: { client: GitHubClient; repository: string };
  /** Writes the change into the registry folder of a scratch tree. */
  plan: (ctx: PlanContext) => Promise<WritePlan<R> | { noop: R }>;
  log?: (msg: string) => void;
}

/**
 * GitOps promotion: the change is committed on `modelci/promote/<model>/<stage>` (one branch and one
 * open PR per model and stage) on top of the registry branch, built beside the checkout (private
 * index, scratch folder) so the checkout is untouched. Re-running with the same target updates
 * nothing.
 */
export async function promoteByPullRequest<R extends { version: string }>(
  opts: PromotionPrOptions<R>,
): Promise<{ result: R; pullRequest?: PromotionPullRequest }> {
  const { checkout, remote } = opts;
  const head = `modelci/promote/${opts.model}/${opts.stage}`;
  const journal = ChangeJournal.begin(checkout.gitDir, {
    command: `promote ${opts.model} ${opts.stage} (pull request)`,
    branch: checkout.branch,
    from: await checkout.git.head(),
  });
  const git = checkout.git.withEnv({ [CHANGE_TOKEN_ENV]: journal.record.token });
  let scratch: ScratchTree | undefined;
  try {
    await git.fetch(remote, checkout.branch);
    const base = (await git.revParse(`${remote}/${checkout.branch}`)) ?? (await git.head());
    const rel = checkout.relDir.split('\\').join('/');
    scratch = await ScratchTree.create({
      repo: git,
      gitDir: checkout.gitDir,
      root: journal.scratchRoot(1),
      base,
      paths: [rel === '.' ? opts.model : `${rel}/${opts.model}`],
      skip: (p) => p.includes('/artifacts/'),
    });
    const plan = await opts.plan({
      dir: join(scratch.dir, checkout.relDir),
      base,
      git,
      attempt: 1,
    });
    if ('noop' in plan) return { result: plan.noop };
    const commit = await scratch.commit(plan.files, plan.message, checkout.identity);
    const existing = await git.remoteBranchHead(remote, head);
    let same = false;
    if (existing) {
      await git.exec(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${head}`]);
      // Same parent and same registry tree: the open PR already proposes exactly this change.
      const [parent, tree] = (
        await git.run(['rev-parse', `${existing}^`, `${existing}:${rel}`])
      ).split('\n');
      const ourTree = (await git.run(['rev-parse', `${commit}:${rel}`])).trim();
      const stageFile = `${rel === '.' ? '' : `${rel}/`}${opts.model}/stages/${opts.stage}.yaml`;
      same =
        parent === base &&
        (tree === ourTree || (await sameTarget(git, existing, commit, stageFile)));
    }
    if (
      !same &&
      (await git.push(remote, [`+${commit}:refs/heads/${head}`], { force: true })) !== 'pushed'
    )
      throw new ModelciError('GIT', `could not push the promotion branch ${head}`);
    const pr = await upsertPromotionPr(opts, head, checkout.branch, plan.message, same);
    return { result: plan.result, pullRequest: pr };
  } finally {
    scratch?.dispose();
    journal.end();
  }
}

/** The proposed pointers name the same version (timestamps differ between runs). */
async function sameTarget(git: Git, a: string, b: string, file: string): Promise<boolean> {
  const read = async (c: string) => {
    const r = await git.exec(['show', `${c}:${file}`]);
    return /^version: (.*)$/m.exec(r.stdout)?.[1];
  };
  const [va, vb] = await Promise.all([read(a), read(b)]);
  return va !== undefined && va === vb;
}

async function upsertPromotionPr(
  opts: PromotionPrOptions<unknown>,
  head: string,
  baseBranch: string,
  message: string,
  unchanged: boolean,
): Promise<PromotionPullRequest> {
  const { client, repository } = opts.github;
  const [owner, repo] = repository.split('/') as [string, string];
  const [title, ...rest] = message.split('\n');
  const body = `${rest.join('\n').trim()}\n\n<!-- modelci:promotion ${opts.model}/${opts.stage} -->\nMerging this pull request moves the stage pointer; the deployment follows the merge.`;
  try {
    const pr = await upsertPullRequest(client, {
      owner,
      repo,
      head,
      base: baseBranch,
      title: title!,
      body,
      branchUnchanged: unchanged,
    });
    return { number: pr.number, url: pr.url, branch: head, action: pr.action };
  } catch (e) {
    const status = (e as { status?: number }).status;
    throw new ModelciError(
      'GITHUB',
      `cannot open the promotion pull request: ${(e as Error).message}`,
      {
        hint:
          status === 403
            ? 'The job needs `pull-requests: write` and `contents: write` permissions'
            : 'Check the repository and token',
      },
    );
  }
}
