import { createHash } from 'node:crypto';
import {
  bodyOf,
  can,
  HttpError,
  intParam,
  notFound,
  ok,
  paginate,
  repoOf,
  type Route,
  type RouteContext,
} from '../route.js';
import { release, releaseAsset } from '../render/releases.js';
import type { ReleaseAssetRecord, ReleaseRecord, RepoState } from '../state.js';

// Releases and their assets. Uploads arrive on /uploads/... (the server strips the prefix) or on
// the API path; `GET .../releases/assets/{id}` with `Accept: application/octet-stream` downloads.

const READ = can('read', 'contents');
const WRITE = can('write', 'contents');

function releaseOf(ctx: RouteContext): ReleaseRecord {
  const r = repoOf(ctx).releases.get(intParam(ctx, 'release_id'));
  if (!r) throw notFound();
  return r;
}

function findAsset(
  repo: RepoState,
  id: number,
): { r: ReleaseRecord; a: ReleaseAssetRecord } | undefined {
  for (const r of repo.releases.values()) {
    const a = r.assets.find((x) => x.id === id);
    if (a) return { r, a };
  }
  return undefined;
}

function alreadyExists(resource: string, field: string): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource, code: 'already_exists', field }],
    documentation_url: 'https://docs.github.com/rest/releases',
  });
}

export const releaseRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const list = [...repo.releases.values()].sort((a, b) => b.id - a.id);
      return paginate(ctx, list, (r) => release(ctx.baseUrl, repo, r));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/releases',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const b = bodyOf<{
        tag_name: string;
        target_commitish?: string;
        name?: string;
        body?: string;
        draft?: boolean;
        prerelease?: boolean;
      }>(ctx);
      if ([...repo.releases.values()].some((r) => r.tagName === b.tag_name))
        throw alreadyExists('Release', 'tag_name');
      const target = b.target_commitish ?? repo.defaultBranch;
      const sha = repo.resolveCommit(target);
      if (!sha)
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }],
        });
      const now = ctx.state.now();
      const r: ReleaseRecord = {
        id: ctx.state.nextId(),
        tagName: b.tag_name,
        targetCommitish: target,
        name: b.name ?? null,
        body: b.body ?? null,
        draft: b.draft ?? false,
        prerelease: b.prerelease ?? false,
        author: ctx.identity,
        createdAt: now,
        publishedAt: b.draft ? null : now,
        assets: [],
      };
      // Publishing creates the tag when it does not exist yet.
      if (!r.draft && !repo.refs.has(`refs/tags/${r.tagName}`))
        repo.refs.set(`refs/tags/${r.tagName}`, sha);
      repo.releases.set(r.id, r);
      return { status: 201, body: release(ctx.baseUrl, repo, r) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/{release_id}',
    ...READ,
    handle: (ctx) => ok(release(ctx.baseUrl, repoOf(ctx), releaseOf(ctx))),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/releases/{release_id}',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const r = releaseOf(ctx);
      const b = bodyOf<{
        tag_name?: string;
        name?: string;
        body?: string;
        draft?: boolean;
        prerelease?: boolean;
      }>(ctx);
      if (b.tag_name !== undefined) r.tagName = b.tag_name;
      if (b.name !== undefined) r.name = b.name;
      if (b.body !== undefined) r.body = b.body;
      if (b.prerelease !== undefined) r.prerelease = b.prerelease;
      if (b.draft !== undefined) {
        r.draft = b.draft;
        r.publishedAt = b.draft ? null : (r.publishedAt ?? ctx.state.now());
      }
      return ok(release(ctx.baseUrl, repo, r));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/tags/{tag}',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      // Drafts have no tag yet, so GitHub does not find them by tag.
      const r = [...repo.releases.values()].find((x) => x.tagName === ctx.params.tag && !x.draft);
      if (!r) throw notFound();
      return ok(release(ctx.baseUrl, repo, r));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/{release_id}/assets',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const r = releaseOf(ctx);
      return paginate(ctx, r.assets, (a) => releaseAsset(ctx.baseUrl, repo, r.tagName, a));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/releases/{release_id}/assets',
    ...WRITE,
    handle(ctx) {
      const repo = repoOf(ctx);
      const r = releaseOf(ctx);
      const name = ctx.query.name ?? '';
      if (r.assets.some((a) => a.name === name)) throw alreadyExists('ReleaseAsset', 'name');
      const now = ctx.state.now();
      const a: ReleaseAssetRecord = {
        id: ctx.state.nextId(),
        releaseId: r.id,
        name,
        label: ctx.query.label ?? null,
        contentType: String(ctx.headers['content-type'] ?? 'application/octet-stream'),
        data: ctx.rawBody,
        sha256: createHash('sha256').update(ctx.rawBody).digest('hex'),
        uploader: ctx.identity,
        downloadCount: 0,
        createdAt: now,
        updatedAt: now,
      };
      r.assets.push(a);
      return { status: 201, body: releaseAsset(ctx.baseUrl, repo, r.tagName, a) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/assets/{asset_id}',
    ...READ,
    handle(ctx) {
      const repo = repoOf(ctx);
      const found = findAsset(repo, intParam(ctx, 'asset_id'));
      if (!found) throw notFound();
      if (String(ctx.headers.accept ?? '').includes('application/octet-stream')) {
        found.a.downloadCount++;
        return {
          status: 200,
          raw: found.a.data,
          headers: { 'content-type': 'application/octet-stream' },
        };
      }
      return ok(releaseAsset(ctx.baseUrl, repo, found.r.tagName, found.a));
    },
  },
];
