import { ModelciError } from '../../src/core/errors.js';

/**
 * The ModelciError that `fn` throws (or that the promise, or `fn`'s promise, rejects with). Any
 * other error is rethrown, and finishing without one fails the test.
 */
export function errorOf(p: Promise<unknown>): Promise<ModelciError>;
export function errorOf(fn: () => Promise<unknown>): Promise<ModelciError>;
export function errorOf(fn: () => unknown): ModelciError;
export function errorOf(
  what: Promise<unknown> | (() => unknown),
): ModelciError | Promise<ModelciError> {
  let result: unknown;
  try {
    result = typeof what === 'function' ? what() : what;
  } catch (e) {
    return modelciError(e);
  }
  if (result instanceof Promise) return result.then(none, modelciError);
  return none();
}

function modelciError(e: unknown): ModelciError {
  if (e instanceof ModelciError) return e;
  throw e;
}

function none(): never {
  throw new Error('expected a ModelciError, but nothing was thrown');
}
