import { invokeDeprecate, invokePromote, invokeRollback } from '../commands/invoke/promote.js';
import type { StageChangeResult } from '../commands/promote.js';
import { deprecateSpec, promoteSpec, rollbackSpec } from '../spec/commands/promote.js';
import { defineCliCommand, type CliIO } from './command.js';

function report(r: StageChangeResult, json: boolean, io: CliIO, verb: string): void {
  if (json) {
    io.stdout(JSON.stringify(r, null, 2) + '\n');
    return;
  }
  io.stdout(`${r.version}\n`);
  if (r.status === 'unchanged')
    io.stderr(`${r.stage} already holds ${r.model} ${r.version}; nothing written\n`);
  else if (r.pullRequest)
    io.stderr(
      `promotion pull request #${r.pullRequest.number} ${r.pullRequest.action}: ${r.pullRequest.url}\n`,
    );
  else
    io.stderr(
      `${verb} ${r.model} ${r.version} to ${r.stage} (was ${r.previous ?? 'empty'})${r.pushed ? ', pushed' : ''}\n`,
    );
}

export const promoteCommand = defineCliCommand({
  spec: promoteSpec,
  async run(parsed, io, inv) {
    const r = await invokePromote(parsed, inv);
    report(r, parsed.values.json, io, parsed.values.rollback ? 'rolled back' : 'promoted');
  },
});

export const rollbackCommand = defineCliCommand({
  spec: rollbackSpec,
  async run(parsed, io, inv) {
    report(await invokeRollback(parsed, inv), parsed.values.json, io, 'rolled back');
  },
});

export const deprecateCommand = defineCliCommand({
  spec: deprecateSpec,
  async run(parsed, io, inv) {
    const r = await invokeDeprecate(parsed, inv);
    if (parsed.values.json) {
      io.stdout(JSON.stringify(r, null, 2) + '\n');
      return;
    }
    io.stdout(`${r.version}\n`);
    io.stderr(
      r.status === 'unchanged'
        ? `${r.model} ${r.version} was already deprecated\n`
        : `deprecated ${r.model} ${r.version}\n`,
    );
  },
});
