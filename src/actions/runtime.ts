import * as core from './core.js';
import { isModelciError, ModelciError } from '../core/errors.js';

/**
 * Runs an action's main function. A ModelciError becomes one `::error::` line and exit code 1;
 * anything else is a bug: its message fails the step and its stack goes to the debug log.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (isModelciError(e)) {
      core.setFailed(e.format());
      return;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    core.debug(err.stack ?? err.message);
    core.setFailed(
      `internal error: ${err.message} (re-run with ACTIONS_STEP_DEBUG=true for the stack trace)`,
    );
  }
}

/** Input as a trimmed string, or undefined when empty. */
export function optionalInput(name: string): string | undefined {
  const v = core.getInput(name).trim();
  return v === '' ? undefined : v;
}

/** Multi-line or comma separated list input. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new ModelciError('INPUT', `input "${name}" must be true or false (got "${v}")`);
}

export function integerInput(name: string, fallback?: number): number | undefined {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (!/^-?\d+$/.test(v))
    throw new ModelciError('INPUT', `input "${name}" must be a whole number (got "${v}")`);
  return Number(v);
}
