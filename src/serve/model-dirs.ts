import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ProtocolError } from '../core/serve/protocol.js';

/**
 * Where the repository API may load model files from: the allowed folders (`--allow-model-dir`,
 * and the registry folder in registry mode). Paths are compared after resolving symlinks, so a
 * link or `..` inside an allowed folder cannot point out of it.
 */
export class ModelDirs {
  private readonly roots: string[];

  constructor(dirs: string[]) {
    this.roots = dirs.map((d) => {
      try {
        return realpathSync(d);
      } catch {
        return resolve(d);
      }
    });
  }

  get empty(): boolean {
    return this.roots.length === 0;
  }

  /** The real path of `uri` when it is inside an allowed folder; 403 otherwise. */
  resolve(uri: string): string {
    if (this.roots.length === 0)
      throw new ProtocolError(
        403,
        'loading a file through the repository API is off: start the server with --allow-model-dir <folder>, or load from the registry',
      );
    let real: string;
    try {
      real = realpathSync(resolve(uri));
    } catch {
      real = resolve(uri);
    }
    const inside = this.roots.some((root) => {
      const rel = relative(root, real);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    if (!inside)
      throw new ProtocolError(
        403,
        `"${uri.slice(0, 200)}" is not inside a folder the server may load models from (--allow-model-dir)`,
      );
    return real;
  }
}
