import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress bars and colours only then). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * One `modelci <name>` command. The command maps argv to the same typed options the matching action
 * builds from its inputs and calls the same function (DESIGN.md: no logic lives twice).
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage text shown by `modelci <name> --help` and on usage errors. */
  usage: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  /** Returns the exit code (0 when omitted). */
  run(args: ParsedArgs, io: CliIO): Promise<number | void>;
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOpt(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

export function flagOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
