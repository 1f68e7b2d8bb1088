import { invokeContract } from '../commands/invoke/contract.js';
import { contractSpec } from '../spec/commands/contract.js';
import { defineCliCommand } from './command.js';
import { progressPrinter } from './drift.js';

export const contractCommand = defineCliCommand({
  spec: contractSpec,
  async run(parsed, io, inv) {
    const progress = progressPrinter(io);
    const r = await invokeContract(parsed, inv, progress ? { onProgress: progress } : {});
    if (progress) io.stderr('\r\x1b[2K');
    const columns = Object.keys(r.contract.columns).length;
    if (parsed.values.json)
      io.stdout(
        JSON.stringify({ file: r.file, source: r.source, rows: r.rows, contract: r.contract }) +
          '\n',
      );
    else
      io.stdout(
        `contract for ${columns} columns inferred from ${r.source} (${r.rows.toLocaleString('en-US')} rows) -> ${r.file}\n`,
      );
    return 0;
  },
});
