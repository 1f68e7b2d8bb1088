import { performanceSpecFor, type PerformanceFlags } from '../commands/drift-performance.js';
import { runProfile, runProfileMerge } from '../commands/profile.js';
import { ModelciError } from '../core/errors.js';
import { profileSpec } from '../spec/commands/profile.js';
import { defineCliCommand } from './command.js';
import { progressPrinter } from './drift.js';

const usageError = (message: string): ModelciError => new ModelciError('USAGE', message);

export const profileCommand = defineCliCommand({
  spec: profileSpec,
  async run({ values: v, positionals }, io) {
    const [first, ...rest] = positionals;
    if (first === 'merge') {
      const r = runProfileMerge({ inputs: rest, output: v.output });
      io.stderr(
        `modelci profile: merged ${rest.length} profiles (${r.rows} rows) into ${v.output}\n`,
      );
      return 0;
    }
    if (!first || rest.length)
      throw usageError('pass exactly one data file (or `merge` and profile files)');
    if (v.sketchSize !== undefined && v.sketchSize % 2)
      throw usageError(`--sketch-size must be an even whole number (got "${v.sketchSize}")`);
    const progress = progressPrinter(io);
    const opts: Parameters<typeof runProfile>[0] = { data: first, output: v.output };
    if (v.sketchSize !== undefined) opts.sketchSize = v.sketchSize;
    if (progress) opts.onProgress = progress;
    const flags: PerformanceFlags = {};
    for (const key of ['label', 'prediction', 'score', 'task'] as const)
      if (v[key] !== undefined) flags[key] = v[key];
    const performance = performanceSpecFor({}, {}, flags);
    if (performance) opts.performance = performance;
    const r = await runProfile(opts);
    if (progress) io.stderr('\r\x1b[2K');
    io.stderr(`modelci profile: ${r.rows} rows, ${r.columns.length} columns -> ${v.output}\n`);
    return 0;
  },
});
