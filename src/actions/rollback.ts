import { invokeRollback } from '../commands/invoke/promote.js';
import { rollbackSpec } from '../spec/commands/promote.js';
import { runCommandAction } from './runtime.js';
import { reportStageChange } from './stage-outputs.js';

await runCommandAction(rollbackSpec, async (parsed, inv) => {
  await reportStageChange(await invokeRollback(parsed, inv), 'rolled back');
});
