import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ModelciError } from '../core/errors.js';
import type { ArtifactKey, ArtifactStore, StoreKind } from './artifact-store.js';

/** `registry.store.type: git` (the default): inside the registry folder, up to `max_bytes`. */
export const gitFolderStore: StoreKind = {
  scheme: 'git',
  forWrite: (ctx) => new GitFolderStore(ctx.registryDir, ctx.config?.max_bytes),
  forUri: (_uri, ctx) => new GitFolderStore(ctx.registryDir),
};

/**
 * Small models committed next to their record, content-addressed so racing writers never collide:
 * `git:<model>/artifacts/<sha256>/<file>`.
 */
export class GitFolderStore implements ArtifactStore {
  readonly scheme = 'git';
  constructor(
    private readonly registryDir: string,
    private readonly maxBytes = 10 * 1024 * 1024,
  ) {}

  async put(file: string, key: ArtifactKey): Promise<string> {
    if (key.bytes > this.maxBytes)
      throw new ModelciError(
        'REGISTRY',
        `artifact is ${key.bytes} bytes, more than the git store's ${this.maxBytes}`,
        {
          file,
          hint: 'Use registry.store.type local or github-release for large models, or raise registry.store.max_bytes',
        },
      );
    const rel = `${key.model}/artifacts/${key.sha256}/${key.fileName}`;
    const dest = this.path(`git:${rel}`);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(file, dest);
    return `git:${rel}`;
  }

  async fetch(uri: string): Promise<string> {
    return this.path(uri);
  }

  private path(uri: string): string {
    const rel = uri.slice('git:'.length);
    const root = resolve(this.registryDir);
    const full = resolve(root, rel);
    if (!full.startsWith(root + sep))
      throw new ModelciError('REGISTRY', `artifact uri "${uri}" points outside the registry`);
    return join(full);
  }
}
