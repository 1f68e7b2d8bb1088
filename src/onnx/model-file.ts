import { readFileSync } from 'node:fs';
import { ModelciError } from '../core/errors.js';

/** The bytes of a model file, or a FILE error naming it. */
export function readModelFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new ModelciError('FILE', `cannot read model file: ${(e as Error).message}`, {
      file,
      hint: 'Check the path',
    });
  }
}
