import * as core from './core.js';
import { invokeRegister } from '../commands/invoke/register.js';
import { createActionsCache } from '../github/actions-cache.js';
import { configureOnnxRuntimeInstall } from '../onnx/runtime.js';
import { registerSpec } from '../spec/commands/register.js';
import { runCommandAction } from './runtime.js';

await runCommandAction(registerSpec, async (parsed, inv) => {
  // register loads the artifact with onnxruntime before it writes anything: installed on first use
  // as the evaluate action does.
  configureOnnxRuntimeInstall({ cache: createActionsCache(), log: (l) => core.info(l) });
  const model = parsed.values.model;
  const result = await invokeRegister(parsed, inv);
  core.setOutput('version', result.version);
  core.setOutput('status', result.status);
  core.setOutput('commit', result.commit ?? '');
  core.setOutput('file', result.file);
  core.setOutput('artifact-uri', result.artifact.uri);
  core.info(
    result.status === 'unchanged'
      ? `${model} ${result.version} is already registered (${result.reason}); nothing written`
      : `registered ${model} ${result.version} (${result.reason})`,
  );
  await core.summary
    .addHeading(`Registered ${model} ${result.version}`, 3)
    .addTable([
      [
        { data: 'field', header: true },
        { data: 'value', header: true },
      ],
      ['status', result.status],
      ['why this number', result.reason],
      ['artifact', `${result.artifact.uri} (${result.artifact.bytes} bytes)`],
      ['sha256', result.artifact.sha256],
      ['commit', result.commit ?? '-'],
    ])
    .write();
});
