import type { Command } from './command.js';
import { commentCommand } from './comment.js';
import { driftCommand } from './drift.js';
import { evaluateCommand } from './evaluate.js';
import { profileCommand } from './profile.js';
import { deprecateCommand, promoteCommand, rollbackCommand } from './promote.js';
import { registerCommand } from './register.js';
import { registryCommand } from './registry.js';
import { serveCommand } from './serve.js';
import { trainCommand } from './train.js';
import { deployCommand } from './deploy.js';

/** Every `modelci` command, in the order `modelci --help` lists them. */
export const commands: Command[] = [
  commentCommand,
  trainCommand,
  evaluateCommand,
  registerCommand,
  promoteCommand,
  rollbackCommand,
  deprecateCommand,
  registryCommand,
  serveCommand,
  deployCommand,
  driftCommand,
  profileCommand,
];
