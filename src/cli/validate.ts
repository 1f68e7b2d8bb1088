import { invokeValidate } from '../commands/invoke/validate.js';
import { verdictLine, violationLines } from '../core/contract/report.js';
import { validateSpec } from '../spec/commands/validate.js';
import { defineCliCommand } from './command.js';
import { progressPrinter } from './drift.js';

/** Exit code when the data broke the contract (as evaluate's failed gates). */
export const VALIDATION_FAILED_EXIT = 3;

export const validateCommand = defineCliCommand({
  spec: validateSpec,
  async run(parsed, io, inv) {
    const progress = progressPrinter(io);
    const { report, passed } = await invokeValidate(
      parsed,
      inv,
      progress ? { onProgress: progress } : {},
    );
    if (progress) io.stderr('\r\x1b[2K');
    if (parsed.values.json) io.stdout(JSON.stringify(report) + '\n');
    else io.stdout([verdictLine(report), ...violationLines(report)].join('\n') + '\n');
    return passed ? 0 : VALIDATION_FAILED_EXIT;
  },
});
