import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ModelciError } from '../core/errors.js';
import type { ArtifactKey, ArtifactStore, StoreKind } from './artifact-store.js';

/** `registry.store.type: local`: the folder `registry.store.path`; its uris are absolute. */
export const localFolderStore: StoreKind = {
  scheme: 'file',
  forWrite: (ctx) => new LocalFolderStore(ctx.config?.path),
  forUri: () => new LocalFolderStore(),
};

/** A folder (a shared mount, a cache), content-addressed: `file:///<root>/<model>/<sha256>/<file>`. */
export class LocalFolderStore implements ArtifactStore {
  readonly scheme = 'file';
  constructor(private readonly root?: string) {}

  async put(file: string, key: ArtifactKey): Promise<string> {
    if (!this.root)
      throw new ModelciError('CONFIG', 'the local store needs a folder', {
        path: 'registry.store.path',
        hint: 'Set registry.store.path in modelci.yaml',
      });
    const dest = join(resolve(this.root), key.model, key.sha256, key.fileName);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(file, dest);
    return pathToFileURL(dest).href;
  }

  async fetch(uri: string): Promise<string> {
    return fileURLToPath(uri);
  }
}
