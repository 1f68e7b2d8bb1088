import { invokePackage } from '../commands/invoke/package.js';
import { packageSpec } from '../spec/commands/package.js';
import { defineCliCommand } from './command.js';

export const packageCommand = defineCliCommand({
  spec: packageSpec,
  async run(parsed, io, inv) {
    const r = await invokePackage(parsed, inv);
    if (parsed.values.json) {
      io.stdout(JSON.stringify(r, null, 2) + '\n');
      return 0;
    }
    io.stderr(
      `modelci package: ${r.model} ${r.version} -> ${r.context} (onnxruntime for linux ${r.arches.join(', ')}); build it with: docker build ${r.context}\n`,
    );
    io.stdout(`${r.context}\n`);
    return 0;
  },
});
