import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { setManifestImage, type ImageChange } from '../../core/deploy/manifest-image.js';
import { ModelciError } from '../../core/errors.js';
import { Git } from '../../git/git.js';
import { pushRetryPolicy, pushWithRetry } from '../../git/push-retry.js';
import type { DeployTarget, TargetContext, TargetFactory, TargetResult } from './target.js';
import { ACTIONS_BOT } from '../../git/identity.js';

const run = promisify(execFile);

export interface GitopsTargetOptions {
  /** Repository to push to: a path or URL (`.` = the repository the workflow runs in). */
  repo: string;
  branch: string;
  /** File path inside the repository; `{model}` and `{environment}` are substituted. */
  path: string;
  /** Push attempts when another writer got there first. */
  attempts?: number;
  /** Manifests whose model container's image is set to the deployed image (same substitutions). */
  manifests?: string[];
  /** That container's name, when a workload has several. */
  container?: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 16 << 20 });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new ModelciError('GIT', `git ${args[0]} failed: ${(err.stderr || err.message).trim()}`);
  }
}

/** `target: gitops`: `environments.<env>.gitops` (a relative repo path is the working folder's). */
export const gitopsTarget: TargetFactory = (_environment, config, cwd) => {
  const g = config.gitops ?? {};
  const repo = g.repo ?? '.';
  return new GitopsTarget({
    repo: /^[a-z]+:\/\/|^[^/]+@[^:]+:/.test(repo) ? repo : resolve(cwd, repo),
    branch: g.branch ?? 'main',
    path: g.path ?? 'deploy/{environment}/{model}.yaml',
    ...(g.manifests?.length ? { manifests: g.manifests } : {}),
    ...(g.container ? { container: g.container } : {}),
  });
};

/** The desired state a reconciler (Argo CD, Flux, a cron job) reads. Stable key order. */
export function pointerYaml(ctx: TargetContext): string {
  return [
    '# Written by `modelci deploy`: the version this environment should run.',
    `model: ${ctx.model}`,
    `environment: ${ctx.environment}`,
    `version: ${ctx.version}`,
    ...(ctx.image ? [`image: ${JSON.stringify(ctx.image)}`] : []),
    'artifact:',
    `  uri: ${JSON.stringify(ctx.artifactUri)}`,
    `  sha256: ${ctx.sha256}`,
    '',
  ].join('\n');
}

/**
 * GitOps: commits the version pointer into a path of a config repository's branch and pushes.
 * Writing the same pointer twice makes no commit; a rejected push is fetched, rebased, retried.
 */
export class GitopsTarget implements DeployTarget {
  readonly kind = 'gitops';
  /** The images the last deploy replaced, by manifest and workload: what a rollback restores. */
  private replaced = new Map<string, string>();

  constructor(private readonly opts: GitopsTargetOptions) {}

  private filePath(ctx: TargetContext, template: string, key: string): string {
    const rel = normalize(
      template.replaceAll('{model}', ctx.model).replaceAll('{environment}', ctx.environment),
    );
    if (isAbsolute(rel) || rel.startsWith('..'))
      throw new ModelciError('CONFIG', `gitops path must stay inside the repository (got ${rel})`, {
        path: `environments.${ctx.environment}.gitops.${key}`,
      });
    return rel;
  }

  /**
   * The image each workload of the manifests gets: the deployed version's image, or, for a
   * rollback (no image), the one the last deploy replaced.
   */
  private imageFor(ctx: TargetContext): (file: string) => (c: ImageChange) => string {
    if (ctx.image) return () => () => ctx.image!;
    if (this.replaced.size)
      return (file) => (c) => this.replaced.get(`${file}\0${c.kind}/${c.name}`) ?? c.previous;
    throw new ModelciError(
      'CONFIG',
      `gitops.manifests is set, but no image was given for ${ctx.model} ${ctx.version}`,
      {
        path: `environments.${ctx.environment}.gitops.manifests`,
        hint: 'Pass --image <ref> (the image `modelci package` built for this version, best by digest)',
      },
    );
  }

  /** Sets the image in each manifest; returns the files changed and what they held before. */
  private updateManifests(
    ctx: TargetContext,
    work: string,
    branch: string,
  ): { changed: string[]; before: Map<string, string> } {
    const changed: string[] = [];
    const before = new Map<string, string>();
    const manifests = this.opts.manifests ?? [];
    if (!manifests.length) return { changed, before };
    const imageFor = this.imageFor(ctx);
    manifests.forEach((template, i) => {
      const rel = this.filePath(ctx, template, `manifests[${i}]`);
      const file = join(work, rel);
      if (!existsSync(file))
        throw new ModelciError('DEPLOY', `${rel} is not on ${branch} of ${this.opts.repo}`, {
          path: `environments.${ctx.environment}.gitops.manifests[${i}]`,
          hint: 'Commit the manifests there first (`modelci package` writes them under kubernetes/)',
        });
      const text = readFileSync(file, 'utf8');
      const r = setManifestImage(text, {
        file: rel,
        model: ctx.model,
        image: imageFor(rel),
        ...(this.opts.container ? { container: this.opts.container } : {}),
      });
      for (const c of r.changes) before.set(`${rel}\0${c.kind}/${c.name}`, c.previous);
      if (r.text !== text) {
        writeFileSync(file, r.text);
        changed.push(rel);
      }
    });
    return { changed, before };
  }

  async deploy(ctx: TargetContext): Promise<TargetResult> {
    const rel = this.filePath(ctx, this.opts.path, 'path');
    const remote = /^[a-z]+:\/\/|^[^/]+@[^:]+:/.test(this.opts.repo)
      ? this.opts.repo
      : resolve(this.opts.repo);
    const work = mkdtempSync(join(tmpdir(), 'modelci-gitops-'));
    const branch = this.opts.branch;
    const repo = new Git(work);
    try {
      await git(work, ['init', '-q']);
      await git(work, ['remote', 'add', 'origin', remote]);
      const checkoutTip = async () => {
        const heads = await git(work, ['ls-remote', '--heads', 'origin', branch]);
        if (heads.trim()) {
          await git(work, ['fetch', '-q', '--depth', '1', 'origin', branch]);
          await git(work, ['checkout', '-q', '-f', '-B', branch, 'FETCH_HEAD']);
        } else {
          await git(work, ['checkout', '-q', '--orphan', branch]);
        }
      };
      await checkoutTip();
      // The registry's push-retry policy: only a push someone else beat is retried, after backoff.
      const { value } = await pushWithRetry({
        policy: pushRetryPolicy(this.opts.attempts ?? 5, process.env),
        target: `${branch} of ${this.opts.repo}`,
        hint: 'Run the deployment again',
        log: (m) => ctx.log(`gitops: ${m}`),
        refresh: checkoutTip,
        attempt: async () => {
          const file = join(work, rel);
          const content = pointerYaml(ctx);
          const pointerSame = existsSync(file) && readFileSync(file, 'utf8') === content;
          if (!pointerSame) {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, content);
          }
          const manifests = this.updateManifests(ctx, work, branch);
          const files = [...(pointerSame ? [] : [rel]), ...manifests.changed];
          if (!files.length)
            return {
              done: {
                detail: `${rel} on ${branch} already names ${ctx.version}; nothing to commit`,
              },
            };
          await git(work, ['add', '--', ...files]);
          await git(work, [
            '-c',
            `user.name=${process.env.GIT_AUTHOR_NAME ?? ACTIONS_BOT.name}`,
            '-c',
            `user.email=${process.env.GIT_AUTHOR_EMAIL ?? ACTIONS_BOT.email}`,
            'commit',
            '-q',
            '-m',
            `Deploy ${ctx.model} ${ctx.version} to ${ctx.environment}\n\nModel: ${ctx.model}\nVersion: ${ctx.version}\nEnvironment: ${ctx.environment}${ctx.image ? `\nImage: ${ctx.image}` : ''}`,
          ]);
          if ((await repo.push('origin', [`HEAD:refs/heads/${branch}`])) === 'rejected')
            return 'rejected';
          // Only what this push replaced is what a rollback restores.
          this.replaced = manifests.before;
          const sha = (await git(work, ['rev-parse', 'HEAD'])).trim();
          const what = files.join(', ');
          ctx.log(`gitops: pushed ${what} (${sha.slice(0, 7)}) to ${branch}`);
          return { done: { detail: `committed ${what} at ${sha.slice(0, 7)} on ${branch}` } };
        },
      });
      return value;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
