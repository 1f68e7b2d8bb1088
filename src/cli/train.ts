import { invokeTrain } from '../commands/invoke/train.js';
import { trainSpec } from '../spec/commands/train.js';
import { defineCliCommand } from './command.js';
import { formatDuration } from '../core/report/number-format.js';

export const trainCommand = defineCliCommand({
  spec: trainSpec,
  async run(parsed, io, inv) {
    const { name, record, run } = await invokeTrain(parsed, inv);
    io.stdout(
      parsed.values.json
        ? JSON.stringify(record) + '\n'
        : `trained ${name} (${record.trainer}) in ${formatDuration(record.duration_ms)}: ${record.files.model} (${record.model.bytes} bytes, sha256 ${record.model.sha256.slice(0, 12)})\nrun ${record.id}${run ? ` (${run.ref}${run.pushed ? ', pushed' : ''})` : ' (not kept in git)'}\n`,
    );
    return 0;
  },
});
