import type { Invocation } from '../commands/invocation.js';
import type { CommandSpec, OptionDefs, Parsed } from '../spec/option-spec.js';

/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  stdout(text: string): void;
  /** Bytes as they are (a long JSON document): when absent, stdout gets them as text. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress bars and colours only then). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * One `modelci <name>` command: its option spec (flags, --help, the action's inputs) and how a
 * terminal shows its result. The work itself is the command function both front ends call.
 */
export interface Command<O extends OptionDefs = OptionDefs> {
  spec: CommandSpec<O>;
  /** Returns the exit code (0 when omitted). */
  run(parsed: Parsed<O>, io: CliIO, inv: Invocation): Promise<number | void>;
}

export function defineCliCommand<O extends OptionDefs>(c: Command<O>): Command {
  return c as unknown as Command;
}
