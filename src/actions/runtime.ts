import * as core from './core.js';
import type { Invocation } from '../commands/invocation.js';
import { isModelciError, ModelciError } from '../core/errors.js';
import { readRunEnvironment, type RunEnvironment } from '../github/run-environment.js';
import { onSurface, type CommandSpec, type OptionDefs, type Parsed } from '../spec/option-spec.js';
import { finishValues, foldDeprecated } from '../spec/values.js';

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

/**
 * The action of a command: reads the inputs its spec declares (the same option spec that makes the
 * CLI flags and the action.yml), the token input (masked) and the run environment, then calls
 * `main` with them. Deprecated input spellings and an unreadable event payload become warnings.
 */
export async function runCommandAction<O extends OptionDefs>(
  spec: CommandSpec<O>,
  main: (parsed: Parsed<O>, inv: Invocation) => Promise<void>,
): Promise<void> {
  await runAction(async () => {
    const typed = new Map<string, string[]>();
    for (const [name, def] of Object.entries(spec.options)) {
      if (!onSurface(def, 'action')) continue;
      for (const input of [name, ...(def.deprecated?.action ?? [])]) {
        const v = core.getInput(input, { trimWhitespace: false });
        if (v.trim() !== '') typed.set(input, [v]);
      }
    }
    const { raw, notes, spelled } = foldDeprecated(spec, typed, 'action');
    const token = core.getInput('token').trim() || undefined;
    if (token) core.setSecret(token);
    const env = readRunEnvironment(process.env, { token });
    const parsed = finishValues(spec.options, raw, 'action', process.env, [], notes, spelled);
    for (const note of [...notes, ...env.problems]) core.warning(note);
    await main(parsed, actionInvocation(env));
  });
}

export function actionInvocation(env: RunEnvironment): Invocation {
  return {
    surface: 'action',
    env,
    processEnv: process.env,
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
    async group(title, fn) {
      core.startGroup(title);
      try {
        return await fn();
      } finally {
        core.endGroup();
      }
    },
  };
}
