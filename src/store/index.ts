import { ModelciError } from '../core/errors.js';
import type { GitHubClient } from '../github/client.js';
import type { StoreConfig } from '../config/schema/registry.js';
import type { ArtifactStore } from './artifact-store.js';
import { GitFolderStore } from './git-folder.js';
import { GitHubReleaseStore } from './github-release.js';
import { LocalFolderStore } from './local-folder.js';

export interface StoreContext {
  registryDir: string;
  config?: StoreConfig;
  /** Needed by the github-release store. */
  github?: { client: GitHubClient; repository?: string };
  cacheDir: string;
}

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

/** The store new artifacts go to, from `registry.store`. */
export function storeForWrite(ctx: StoreContext): ArtifactStore {
  const type = ctx.config?.type ?? 'git';
  if (type === 'git') return new GitFolderStore(ctx.registryDir, ctx.config?.max_bytes);
  if (type === 'local') return new LocalFolderStore(ctx.config?.path);
  return githubStore(ctx);
}

/** The store that can read `uri`, by its scheme. */
export function storeForUri(uri: string, ctx: StoreContext): ArtifactStore {
  const scheme = uri.slice(0, uri.indexOf(':'));
  if (scheme === 'git') return new GitFolderStore(ctx.registryDir);
  if (scheme === 'file') return new LocalFolderStore();
  if (scheme === 'github-release') {
    const m = /^github-release:([^/]+\/[^/]+)\/([^/]+)\//.exec(uri);
    return githubStore(ctx, m?.[1], m?.[2]);
  }
  throw new ModelciError('REGISTRY', `no artifact store reads "${scheme}:" uris`, {
    hint: 'Known schemes: git, file, github-release',
  });
}

export type { ArtifactStore, ArtifactKey } from './artifact-store.js';
