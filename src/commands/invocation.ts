import type { RunEnvironment } from '../github/run-environment.js';

/**
 * What a command needs from the front end that started it, the same for the CLI and an action:
 * the run environment (repository, event, head SHA, PR, token), where its progress lines go, and
 * which front end it is (only for wording: `--flag` vs `input "flag"`).
 */
export interface Invocation {
  surface: 'cli' | 'action';
  env: RunEnvironment;
  /** The process environment, for child processes (git, training commands) and MODELCI_* knobs. */
  processEnv: NodeJS.ProcessEnv;
  /** Progress: stderr on the CLI, the step log in an action. */
  log(line: string): void;
  /** Something the user should look at: `warning:` on stderr, a warning annotation in an action. */
  warn(line: string): void;
  /** A collapsible section of the step log (a plain heading line on the CLI). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** `--flag` on the CLI, `input "flag"` in an action. */
export function optionName(inv: Pick<Invocation, 'surface'>, name: string): string {
  return inv.surface === 'cli' ? `--${name}` : `input "${name}"`;
}
