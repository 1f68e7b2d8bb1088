import { ModelciError } from '../core/errors.js';
import type { ArtifactStore, StoreContext, StoreKind, StoreType } from './artifact-store.js';
import { gitFolderStore } from './git-folder.js';
import { githubReleaseStore } from './github-release.js';
import { localFolderStore } from './local-folder.js';

/**
 * Every store by its name in `registry.store.type`. Typed by the schema's enum, so a name added
 * there without a store here (or the reverse) fails the typecheck.
 */
const STORES: Record<StoreType, StoreKind> = {
  git: gitFolderStore,
  local: localFolderStore,
  'github-release': githubReleaseStore,
};

/** The store new artifacts go to, from `registry.store`. */
export function storeForWrite(ctx: StoreContext): ArtifactStore {
  return STORES[ctx.config?.type ?? 'git'].forWrite(ctx);
}

/** The store that can read `uri`, by its scheme. */
export function storeForUri(uri: string, ctx: StoreContext): ArtifactStore {
  const scheme = uri.slice(0, uri.indexOf(':'));
  const kind = Object.values(STORES).find((s) => s.scheme === scheme);
  if (kind) return kind.forUri(uri, ctx);
  throw new ModelciError('REGISTRY', `no artifact store reads "${scheme}:" uris`, {
    hint: `Known schemes: ${Object.values(STORES)
      .map((s) => s.scheme)
      .join(', ')}`,
  });
}

export type { ArtifactStore, ArtifactKey, StoreContext } from './artifact-store.js';
