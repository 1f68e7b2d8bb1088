import { isModelciError } from '../../../src/core/errors.js';

/** The one-line message a ModelciError shows (with its hint), or a failure when none is thrown. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isModelciError(e)) return e.format();
    throw e;
  }
  throw new Error('expected a ModelciError');
}
