import type { Invocation } from '../commands/invocation.js';
import { describeError, isModelciError, ModelciError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { readRunEnvironment, type RunEnvironment } from '../github/run-environment.js';
import { parseCommandLine } from '../spec/argv.js';
import { renderHelp } from '../spec/help.js';
import type { CliIO } from './command.js';
import { commands } from './commands.js';
import { VERSION } from './version.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length));
  return [
    'modelci — CI-native MLOps: the commands the modelci GitHub Actions run, for your terminal.',
    '',
    'Usage: modelci <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    'Run `modelci <command> --help` for the options of one command.',
  ].join('\n');
}

/** The CLI's side of a command's invocation: progress and warnings on stderr. */
export function cliInvocation(name: string, io: CliIO, env: RunEnvironment): Invocation {
  return {
    surface: 'cli',
    env,
    processEnv: io.env,
    log: (line) => io.stderr(`${line}\n`),
    warn: (line) => io.stderr(`modelci ${name}: warning: ${line}\n`),
    group: (_title, fn) => fn(),
  };
}

/** Runs `modelci <argv>`; returns the exit code. User mistakes print one line, never a stack. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help() + '\n');
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.spec.name === name);
  if (!entry) {
    const names = commands.map((c) => c.spec.name);
    io.stderr(
      `modelci: unknown command "${name}".${didYouMean(name, names)} Run \`modelci --help\` for the list.\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${renderHelp(entry.spec)}\n`);
    return 0;
  }
  try {
    const parsed = parseCommandLine(entry.spec, rest, io.env);
    for (const note of parsed.notes) io.stderr(`modelci ${name}: warning: ${note}\n`);
    const env = readRunEnvironment(io.env);
    const command = await entry.load();
    const code = await command.run(parsed, io, cliInvocation(name, io, env));
    return code ?? 0;
  } catch (e) {
    if (isModelciError(e)) {
      io.stderr(`modelci ${name}: error: ${e.format()}\n`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    // A bug, not a user mistake: keep the stack so it can be reported.
    io.stderr(
      `modelci ${name}: internal error: ${describeError(e)}\n${io.env.MODELCI_DEBUG ? ((e as Error).stack ?? '') : 'Set MODELCI_DEBUG=1 for the stack trace.'}\n`,
    );
    return 1;
  }
}

export function usageError(message: string): ModelciError {
  return new ModelciError('USAGE', message);
}
