import * as core from './core.js';
import { invokePackage } from '../commands/invoke/package.js';
import { packageSpec } from '../spec/commands/package.js';
import { runCommandAction } from './runtime.js';

// The package action: a registered version -> a container build context for docker/build-push-action.
await runCommandAction(packageSpec, async (parsed, inv) => {
  const r = await invokePackage(parsed, inv);
  core.setOutput('context', r.context);
  core.setOutput('dockerfile', r.dockerfile);
  core.setOutput('manifests', r.manifests);
  core.setOutput('model', r.model);
  core.setOutput('version', r.version);
  core.setOutput('sha256', r.sha256);
  core.setOutput('labels', r.labels.map(([k, v]) => `${k}=${v}`).join('\n'));
  core.info(`${r.model} ${r.version} -> ${r.context}`);
  await core.summary
    .addHeading('Container build context', 3)
    .addRaw(
      `${r.model} ${r.version} (sha256 <code>${r.sha256}</code>), onnxruntime for linux ${r.arches.join(', ')}.`,
    )
    .write();
});
