import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from '../github/client.js';
import type { ArtifactKey, ArtifactStore, StoreContext, StoreKind } from './artifact-store.js';

function githubStore(ctx: StoreContext, repository?: string, tag?: string): GitHubReleaseStore {
  const repo = repository ?? ctx.config?.repository ?? ctx.github?.repository;
  if (!ctx.github || !repo)
    throw new ModelciError('CONFIG', 'the github-release store needs a token and a repository', {
      path: 'registry.store',
      hint: 'Pass a token (GITHUB_TOKEN) and set registry.store.repository or GITHUB_REPOSITORY',
    });
  return new GitHubReleaseStore({
    client: ctx.github.client,
    repository: repo,
    tag: tag ?? ctx.config?.release_tag ?? 'modelci-artifacts',
    cacheDir: ctx.cacheDir,
  });
}

/** `registry.store.type: github-release`: assets of a release; a uri names its repository and tag. */
export const githubReleaseStore: StoreKind = {
  scheme: 'github-release',
  forWrite: (ctx) => githubStore(ctx),
  forUri: (uri, ctx) => {
    const m = /^github-release:([^/]+\/[^/]+)\/([^/]+)\//.exec(uri);
    return githubStore(ctx, m?.[1], m?.[2]);
  },
};

export interface GitHubReleaseStoreOptions {
  client: GitHubClient;
  /** `owner/repo`. */
  repository: string;
  /** Release that holds the assets; created (as a prerelease) when missing. */
  tag: string;
  /** Where downloads go. */
  cacheDir: string;
}

/** Assets of one release, content-addressed: `github-release:<owner>/<repo>/<tag>/<asset>`. */
export class GitHubReleaseStore implements ArtifactStore {
  readonly scheme = 'github-release';
  constructor(private readonly opts: GitHubReleaseStoreOptions) {}

  private get repo(): { owner: string; repo: string } {
    const [owner, repo] = this.opts.repository.split('/');
    return { owner: owner!, repo: repo! };
  }

  private async release(tag: string, create: boolean): Promise<{ id: number; upload_url: string }> {
    const { client } = this.opts;
    try {
      const { data } = await client.rest.repos.getReleaseByTag({ ...this.repo, tag });
      return data;
    } catch (e) {
      if ((e as { status?: number }).status !== 404 || !create) throw githubError(e, tag);
    }
    try {
      const { data } = await client.rest.repos.createRelease({
        ...this.repo,
        tag_name: tag,
        name: 'modelci artifacts',
        body: 'Model artifacts of the modelci registry. Do not edit: records verify sha256.',
        prerelease: true,
      });
      return data;
    } catch (e) {
      throw githubError(e, tag);
    }
  }

  async put(file: string, key: ArtifactKey): Promise<string> {
    const { client } = this.opts;
    const tag = this.opts.tag;
    const name = `${key.model}-${key.sha256.slice(0, 16)}-${key.fileName}`.replace(/[^\w.-]/g, '_');
    const rel = await this.release(tag, true);
    const { data: assets } = await client.rest.repos.listReleaseAssets({
      ...this.repo,
      release_id: rel.id,
      per_page: 100,
    });
    // Content-addressed name: an asset that exists already holds these bytes (verified on read).
    if (!assets.some((a) => a.name === name)) {
      try {
        // The release's upload_url names the upload host (uploads.github.com on github.com, the
        // /api/uploads path on GitHub Enterprise): use it rather than a fixed host.
        await client.request({
          method: 'POST',
          url: rel.upload_url,
          name,
          data: readFileSync(file),
          headers: { 'content-type': 'application/octet-stream' },
        });
      } catch (e) {
        throw githubError(e, tag);
      }
    }
    return `github-release:${this.opts.repository}/${tag}/${name}`;
  }

  async fetch(uri: string, key: ArtifactKey): Promise<string> {
    const m = /^github-release:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
    if (!m) throw new ModelciError('REGISTRY', `malformed artifact uri "${uri}"`);
    const [, owner, repo, tag, name] = m as unknown as [string, string, string, string, string];
    const { client } = this.opts;
    try {
      const { data: rel } = await client.rest.repos.getReleaseByTag({ owner, repo, tag });
      const asset = rel.assets.find((a) => a.name === name);
      if (!asset)
        throw new ModelciError(
          'REGISTRY',
          `release asset "${name}" is missing from release ${tag}`,
          {
            hint: 'The asset was deleted; register the model again',
          },
        );
      const res = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        owner,
        repo,
        asset_id: asset.id,
        headers: { accept: 'application/octet-stream' },
      });
      const dir = join(this.opts.cacheDir, key.model, key.sha256);
      mkdirSync(dir, { recursive: true });
      const dest = join(dir, name);
      const body = res.data as unknown;
      const buf =
        body instanceof ArrayBuffer
          ? Buffer.from(body)
          : Buffer.isBuffer(body)
            ? body
            : Buffer.from(String(body));
      await pipeline(Readable.from([buf]), createWriteStream(dest));
      return dest;
    } catch (e) {
      if (e instanceof ModelciError) throw e;
      throw githubError(e, tag);
    }
  }
}

function githubError(e: unknown, tag: string): ModelciError {
  const status = (e as { status?: number }).status;
  return new ModelciError(
    'GITHUB',
    `release ${tag}: GitHub answered ${status ?? ''} ${(e as Error).message}`.replace(/\s+/g, ' '),
    {
      hint:
        status === 403 || status === 401
          ? 'The job needs `contents: write` permission to store release assets'
          : 'Check the repository and token',
    },
  );
}
