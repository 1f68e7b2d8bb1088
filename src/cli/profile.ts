import { performanceSpecFor } from '../commands/drift-performance.js';
import { runProfile, runProfileMerge } from '../commands/profile.js';
import { stringOpt, type Command } from './command.js';
import { performanceFlagsOf, performanceOptions, progressPrinter } from './drift.js';
import { ModelciError } from '../core/errors.js';

const usageError = (message: string): ModelciError => new ModelciError('USAGE', message);

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Build a mergeable reference profile of a data file, or merge shard profiles',
  usage: [
    'Usage: modelci profile <data> -o <profile.json> [--sketch-size <k>]',
    '       modelci profile merge <a.json> <b.json> [...] -o <all.json>',
    '',
    'A profile holds, per column: type, counts, missing rate, a quantile sketch (exact up to k values,',
    'then within a tracked rank error), a histogram on reference deciles and category counts.',
    'Profiles of shards merge into the profile of the whole (counts identical).',
    '',
    'Performance drift: --label <column> with --prediction <column> and/or --score <column>',
    '(binary positive-class probability), --task binary|multiclass|regression, also summarises',
    "evaluate's metrics on the labelled rows (mergeable like the rest).",
  ].join('\n'),
  allowPositionals: true,
  options: {
    output: { type: 'string', short: 'o' },
    'sketch-size': { type: 'string' },
    ...performanceOptions,
  },
  async run(args, io) {
    const output = stringOpt(args, 'output');
    if (!output) throw usageError('-o <file> is required');
    const [first, ...rest] = args.positionals;
    if (first === 'merge') {
      const r = runProfileMerge({ inputs: rest, output });
      io.stderr(
        `modelci profile: merged ${rest.length} profiles (${r.rows} rows) into ${output}\n`,
      );
      return 0;
    }
    if (!first || rest.length)
      throw usageError('pass exactly one data file (or `merge` and profile files)');
    const size = stringOpt(args, 'sketch-size');
    if (size !== undefined && (!/^\d+$/.test(size) || Number(size) < 2 || Number(size) % 2))
      throw usageError(`--sketch-size must be an even whole number (got "${size}")`);
    const progress = progressPrinter(io);
    const opts: Parameters<typeof runProfile>[0] = { data: first, output };
    if (size !== undefined) opts.sketchSize = Number(size);
    if (progress) opts.onProgress = progress;
    const performance = performanceSpecFor({}, {}, performanceFlagsOf(args));
    if (performance) opts.performance = performance;
    const r = await runProfile(opts);
    if (progress) io.stderr('\r\x1b[2K');
    io.stderr(`modelci profile: ${r.rows} rows, ${r.columns.length} columns -> ${output}\n`);
    return 0;
  },
};
