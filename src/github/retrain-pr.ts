import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { DriftReport } from '../core/drift/compare-profiles.js';
import {
  DRIFT_GONE_MARKER,
  driftGoneComment,
  driftReason,
  retrainBody,
  retrainBranch,
  retrainFiles,
  retrainTitle,
  retrainYaml,
  type RetrainContext,
} from '../core/drift/retrain-request.js';
import { ModelciError } from '../core/errors.js';
import { commitBranch } from '../git/commit-branch.js';
import type { GitHubClient } from './client.js';
import { ACTIONS_BOT as BOT } from '../git/identity.js';
import {
  findOpenPullRequest,
  upsertPullRequest,
  type OpenPullRequest,
  type PullRequestAction,
} from './pull-request.js';

/**
 * One open retraining PR per model on `modelci/retrain/<model>`: created when drift is found,
 * updated (branch force-pushed, body replaced) on later drifted runs, commented (never closed)
 * when a later run finds no drift. Also starts the training workflow by workflow_dispatch on the
 * branch, because a PR opened with GITHUB_TOKEN does not trigger `pull_request` workflows.
 */
export interface RetrainPrOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Base branch of the PR (the repository's default branch when omitted). */
  base?: string;
  /** Git checkout whose `origin` is the repository. */
  cwd: string;
  report: DriftReport;
  markdown: string;
  ctx: RetrainContext;
  emptyCurrent: boolean;
  author?: { name: string; email: string };
  log?: (line: string) => void;
}

export type RetrainAction =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'commented'
  | 'already-commented'
  | 'none'
  | 'skipped-empty';

export interface RetrainPrResult {
  action: RetrainAction;
  branch: string;
  pullNumber?: number;
  pullUrl?: string;
  dispatched: boolean;
}

function githubError(what: string, e: unknown): ModelciError {
  const status = (e as { status?: number }).status;
  return new ModelciError(
    'GITHUB',
    `${what} failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).message}`,
    {
      hint:
        status === 403
          ? 'The token needs contents: write, pull-requests: write and actions: write permissions'
          : 'Check the token and the repository name',
    },
  );
}

/**
 * The registry folder as the retraining branch names it: relative to the checkout `cwd`, with `/`.
 * `registry.path` is relative to where modelci runs; the branch's files are relative to its root.
 */
export function registryDirIn(cwd: string, registry: string): string {
  const rel = relative(resolve(cwd), resolve(cwd, registry));
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`))
    throw new ModelciError(
      'CONFIG',
      `the registry folder ${registry} is outside the checkout ${cwd}`,
      {
        path: 'registry.path',
        hint: 'Use a folder inside the repository',
      },
    );
  return rel === '' ? '.' : rel.split(sep).join('/');
}

export async function syncRetrainPr(o: RetrainPrOptions): Promise<RetrainPrResult> {
  const log = o.log ?? (() => {});
  const branch = retrainBranch(o.ctx.model);
  if (o.emptyCurrent) {
    log('The current window is empty: no retraining pull request.');
    return { action: 'skipped-empty', branch, dispatched: false };
  }
  const { client, owner, repo } = o;
  let open: OpenPullRequest | undefined;
  try {
    open = await findOpenPullRequest(client, { owner, repo }, branch);
  } catch (e) {
    throw githubError('listing pull requests', e);
  }
  // A schema break opens (or updates) the pull request too; its title and body say which it was.
  if (!o.report.drifted && !o.report.schema_break?.length) {
    if (!open) return { action: 'none', branch, dispatched: false };
    return commentDriftGone(o, open, branch);
  }
  let base = o.base;
  if (!base) {
    try {
      base = (await client.rest.repos.get({ owner, repo })).data.default_branch;
    } catch (e) {
      throw githubError('reading the repository', e);
    }
  }
  const model = o.ctx.model;
  const files = retrainFiles(o.ctx);
  const commit = await commitBranch({
    cwd: o.cwd,
    base,
    branch,
    files: {
      [files.request]: retrainYaml(o.report, o.ctx),
      [files.report]: o.markdown + '\n',
    },
    message: `Request retraining of ${model}: ${o.report.schema_break?.length ? 'schema break' : o.report.performance?.drifted ? 'performance drift' : 'data drift'}\n\n${driftReason(o.report)}.\n\nModel: ${model}\n${o.ctx.runUrl ? `Run: ${o.ctx.runUrl}\n` : ''}`,
    author: o.author ?? BOT,
  });
  log(`Branch ${branch}: ${commit.action} (${commit.sha.slice(0, 7)})`);
  const title = retrainTitle(model, o.report);
  const body = retrainBody(o.report, o.markdown, o.ctx);
  let pull: { action: PullRequestAction; number: number; url: string };
  try {
    pull = await upsertPullRequest(client, {
      owner,
      repo,
      head: branch,
      base,
      title,
      body,
      branchUnchanged: commit.action === 'unchanged',
      open,
    });
  } catch (e) {
    throw githubError(
      open ? `updating pull request #${open.number}` : 'opening the retraining pull request',
      e,
    );
  }
  const action: RetrainAction = pull.action;
  log(`Pull request #${pull.number}: ${action}`);
  let dispatched = false;
  if (o.ctx.retrainWorkflow && commit.action !== 'unchanged') {
    try {
      await client.rest.actions.createWorkflowDispatch({
        owner,
        repo,
        workflow_id: o.ctx.retrainWorkflow,
        ref: branch,
      });
      dispatched = true;
      log(`Started ${o.ctx.retrainWorkflow} on ${branch}`);
    } catch (e) {
      throw githubError(`starting workflow ${o.ctx.retrainWorkflow}`, e);
    }
  }
  return { action, branch, pullNumber: pull.number, pullUrl: pull.url, dispatched };
}

async function commentDriftGone(
  o: RetrainPrOptions,
  open: { number: number; html_url: string },
  branch: string,
): Promise<RetrainPrResult> {
  const { client, owner, repo } = o;
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: open.number,
      per_page: 100,
    });
    // One "drift is gone" note per episode: skip when the newest modelci note already says so.
    const last = [...comments].reverse().find((c) => c.body?.includes(DRIFT_GONE_MARKER));
    const { data: pr } = await client.rest.pulls.get({ owner, repo, pull_number: open.number });
    const lastPush = pr.head.sha;
    if (last && last.body?.includes(`head=${lastPush}`)) {
      return {
        action: 'already-commented',
        branch,
        pullNumber: open.number,
        pullUrl: open.html_url,
        dispatched: false,
      };
    }
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: open.number,
      body: `${driftGoneComment(o.report, o.ctx)}\n<!-- head=${lastPush} -->`,
    });
  } catch (e) {
    throw githubError(`commenting on pull request #${open.number}`, e);
  }
  return {
    action: 'commented',
    branch,
    pullNumber: open.number,
    pullUrl: open.html_url,
    dispatched: false,
  };
}
