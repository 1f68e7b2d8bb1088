import type { Command } from './command.js';

// Placeholder until the comment renderer lands (issue 2); replaced by the real command.
export const commentCommand: Command = {
  name: 'comment',
  summary: 'Render the metric comparison comment for a pull request',
  usage: 'Usage: modelci comment --base <file|dir> --head <file|dir> [--model <name>]',
  options: {
    base: { type: 'string', multiple: true },
    head: { type: 'string', multiple: true },
    model: { type: 'string' },
  },
  async run(_args, io) {
    io.stderr('modelci comment: not implemented yet\n');
    return 1;
  },
};
