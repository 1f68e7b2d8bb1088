import { invokePromote } from '../commands/invoke/promote.js';
import { promoteSpec } from '../spec/commands/promote.js';
import { runCommandAction } from './runtime.js';
import { reportStageChange } from './stage-outputs.js';

await runCommandAction(promoteSpec, async (parsed, inv) => {
  const r = await invokePromote(parsed, inv);
  await reportStageChange(r, parsed.values.rollback ? 'rolled back' : 'promoted');
});
