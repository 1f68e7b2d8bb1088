import * as core from './core.js';
import { invokeDeprecate } from '../commands/invoke/promote.js';
import { deprecateSpec } from '../spec/commands/promote.js';
import { runCommandAction } from './runtime.js';

await runCommandAction(deprecateSpec, async (parsed, inv) => {
  const r = await invokeDeprecate(parsed, inv);
  core.setOutput('version', r.version);
  core.setOutput('status', r.status);
  core.setOutput('commit', r.commit ?? '');
  const what =
    r.status === 'unchanged'
      ? `${r.model} ${r.version} was already deprecated`
      : `deprecated ${r.model} ${r.version}`;
  core.info(what);
  await core.summary.addHeading(`${r.model} ${r.version}`, 3).addRaw(what).write();
});
