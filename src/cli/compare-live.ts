import { invokeCompareLive } from '../commands/invoke/compare-live.js';
import { compareLiveSpec } from '../spec/commands/compare-live.js';
import { defineCliCommand } from './command.js';

export const compareLiveCommand = defineCliCommand({
  spec: compareLiveSpec,
  async run(parsed, io, inv) {
    const result = await invokeCompareLive(parsed, {
      ...inv,
      log: (line) => io.stderr(`modelci compare-live: ${line}\n`),
    });
    io.stdout(parsed.values.json ? JSON.stringify(result.report, null, 2) + '\n' : result.markdown);
    for (const p of result.report.problems) inv.warn(p);
    if (result.posted?.action === 'no-pr') inv.warn(result.posted.warning);
    else if (result.posted)
      io.stderr(`modelci compare-live: ${result.posted.action} ${result.posted.commentUrl}\n`);
    return 0;
  },
});
