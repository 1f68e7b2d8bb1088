import { parseArgs } from 'node:util';
import { describeError, isModelciError, ModelciError } from '../core/errors.js';
import type { CliIO, Command } from './command.js';
import { commands } from './commands.js';

export const VERSION = '0.1.0';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'modelci — CI-native MLOps: the commands the modelci GitHub Actions run, for your terminal.',
    '',
    'Usage: modelci <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `modelci <command> --help` for the options of one command.',
  ].join('\n');
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
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`modelci: unknown command "${name}". Run \`modelci --help\` for the list.\n`);
    return 2;
  }
  const command: Command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (e) {
    io.stderr(`modelci ${name}: ${(e as Error).message.split('\n')[0]}\n\n${command.usage}\n`);
    return 2;
  }
  try {
    const code = await command.run(parsed as Parameters<Command['run']>[0], io);
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
