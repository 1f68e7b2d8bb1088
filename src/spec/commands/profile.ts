import { defineCommand } from '../option-spec.js';
import { performanceOptions } from './drift.js';

export const profileSpec = defineCommand({
  name: 'profile',
  summary: 'Build a mergeable reference profile of a data file, or merge shard profiles',
  description:
    "A profile holds, per column: type, counts, missing rate, a quantile sketch (exact up to k values, then within a tracked rank error), a histogram on reference deciles and category counts. Profiles of shards merge into the profile of the whole (counts identical). With --label and --prediction and/or --score it also summarises evaluate's metrics on the labelled rows (mergeable like the rest).",
  usage: [
    'profile <data> -o <profile.json> [--sketch-size <k>]',
    'profile merge <a.json> <b.json> [...] -o <all.json>',
  ],
  positionals: [
    {
      name: 'data',
      description: 'A data file (CSV, TSV, JSONL, Parquet), or `merge` followed by profile files.',
      required: true,
      variadic: true,
    },
  ],
  options: {
    output: {
      type: 'string',
      short: 'o',
      placeholder: 'file',
      required: true,
      description: 'Where the profile JSON goes.',
    },
    'sketch-size': {
      type: 'integer',
      min: 2,
      description:
        'Quantile sketch size k (an even number; default `drift.sketch_size`, else 10000).',
    },
    ...performanceOptions,
  },
});
