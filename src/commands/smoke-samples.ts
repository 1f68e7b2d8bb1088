import { writeOutputFile } from '../data/output-file.js';
import type { RequestInput } from '../core/serve/protocol.js';
import { LoadedModel } from '../serve/loaded-model.js';
import { validateAgainstSignature } from '../core/serve/protocol.js';

/**
 * Records smoke samples (core/deploy/smoke-samples.ts format) by running the model in-process on
 * the given requests: what evaluation calls with a few rows of its dataset.
 */
export async function recordSmokeSamples(
  modelFile: string,
  requests: RequestInput[][],
  outFile: string,
): Promise<number> {
  const model = await LoadedModel.load({ name: 'smoke', version: 'record', file: modelFile });
  try {
    const lines: string[] = [];
    for (const inputs of requests) {
      const decoded = validateAgainstSignature({ inputs }, model.signature);
      const outputs = await model.infer(decoded);
      lines.push(
        JSON.stringify({
          inputs,
          outputs: Object.fromEntries(outputs.map((o) => [o.name, o.data])),
        }),
      );
    }
    writeOutputFile(outFile, lines.join('\n') + '\n');
    return lines.length;
  } finally {
    await model.dispose();
  }
}
