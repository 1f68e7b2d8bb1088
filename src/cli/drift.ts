import { invokeDrift } from '../commands/invoke/drift.js';
import type { ProfileProgress } from '../commands/profile.js';
import { driftSpec } from '../spec/commands/drift.js';
import { defineCliCommand, type CliIO } from './command.js';
import { formatCount } from '../core/report/number-format.js';

/** Progress on stderr, only in a terminal, at most 4 updates a second (and at each new file). */
export function progressPrinter(io: CliIO): ((p: ProfileProgress) => void) | undefined {
  if (!io.isTTY) return undefined;
  let last = 0;
  let lastFile = '';
  return (p) => {
    const now = Date.now();
    if (now - last < 250 && p.file === lastFile) return;
    last = now;
    lastFile = p.file;
    io.stderr(`\r\x1b[2Kreading ${p.file}: ${formatCount(p.rows)} rows`);
  };
}

export const driftCommand = defineCliCommand({
  spec: driftSpec,
  async run(parsed, io, inv) {
    const progress = progressPrinter(io);
    // The progress line is cleared before anything else is printed on stderr.
    const clear = (): void => {
      if (progress) io.stderr('\r\x1b[2K');
    };
    const quiet = {
      ...inv,
      log: (l: string) => (clear(), inv.log(l)),
      warn: (l: string) => (clear(), inv.warn(l)),
    };
    const result = await invokeDrift(parsed, quiet, progress ? { onProgress: progress } : {});
    clear();
    io.stdout(parsed.values.json ? JSON.stringify(result.json) + '\n' : result.markdown + '\n');
    // Other problems are in the JSON and the report; this one changes what the result means.
    if (result.json.empty_current)
      io.stderr('modelci drift: the current window is empty: no rows to compare\n');
    if (result.retrain)
      io.stderr(
        `retraining pull request: ${result.retrain.action}${result.retrain.pullUrl ? ` ${result.retrain.pullUrl}` : ''}\n`,
      );
    return 0;
  },
});
