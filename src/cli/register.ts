import { invokeRegister } from '../commands/invoke/register.js';
import { registerSpec } from '../spec/commands/register.js';
import { defineCliCommand } from './command.js';

export const registerCommand = defineCliCommand({
  spec: registerSpec,
  async run(parsed, io, inv) {
    const result = await invokeRegister(parsed, inv);
    const model = parsed.values.model;
    if (parsed.values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else {
      io.stdout(`${result.version}\n`);
      io.stderr(
        result.status === 'unchanged'
          ? `${model} ${result.version}: already registered (${result.reason}); nothing written\n`
          : `registered ${model} ${result.version} (${result.reason})${result.pushed ? `, pushed after ${result.attempts} attempt(s)` : ''}\n`,
      );
    }
  },
});
