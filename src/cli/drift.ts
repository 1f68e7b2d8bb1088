import { runDrift } from '../commands/drift.js';
import type { ProfileProgress } from '../commands/profile.js';
import type { PerformanceFlags } from '../commands/drift-performance.js';
import { flagOpt, stringOpt, type CliIO, type Command, type ParsedArgs } from './command.js';
import { ModelciError } from '../core/errors.js';

const usageError = (message: string): ModelciError => new ModelciError('USAGE', message);

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
    io.stderr(`\r\x1b[2Kreading ${p.file}: ${p.rows.toLocaleString('en-US')} rows`);
  };
}

/** `--label/--prediction/--score/--task`: performance drift columns (drift and profile). */
export const performanceOptions = {
  label: { type: 'string' },
  prediction: { type: 'string' },
  score: { type: 'string' },
  task: { type: 'string' },
} as const;

export function performanceFlagsOf(args: ParsedArgs): PerformanceFlags | undefined {
  const flags: PerformanceFlags = {};
  for (const flag of ['label', 'prediction', 'score', 'task'] as const) {
    const v = stringOpt(args, flag);
    if (v !== undefined) flags[flag] = v;
  }
  return Object.keys(flags).length ? flags : undefined;
}

export const driftCommand: Command = {
  name: 'drift',
  summary:
    'Compare current data with a reference (data or profile): per-column drift tests and a verdict',
  usage: [
    'Usage: modelci drift --reference <data|profile.json> --current <data> [--test ks|chi2|psi|js|wasserstein|z] [--json]',
    '       modelci drift --model <name> [--reference-version #production] --current <data> [--json]',
    '',
    'Options:',
    '  --reference <file>   reference data (.csv/.tsv/.jsonl/.parquet) or a profile from `modelci profile`;',
    '                       default: the registry profile of --reference-version',
    '  --reference-version <ref>  #production (default), #staging, X.Y.Z or latest',
    '  --registry <dir>     registry folder (default: registry.path from config, else registry)',
    '  --current <file>     current data (same formats)',
    '  --test <name>        force one test on every column it applies to (default: chosen per column)',
    '  --json               print exactly one JSON object (drifted, share, columns, ...)',
    '  --config <file>      modelci.yaml (drift settings; default ./modelci.yaml if present)',
    '  --model <name>       model whose drift settings apply',
    '  --history <file>     JSON list of earlier results: shown as a trend, this result appended',
    '  --markdown <file>    also write the Markdown report here',
    '  --output <file>      also write the JSON result here',
    '  --label <column>     performance drift: the label column (default drift.performance.label, data.label)',
    '  --prediction <column>  predicted label/value column (default _out.label)',
    '  --score <column>     binary: positive-class probability column (enables roc_auc, log_loss, ...)',
    "  --task <task>        binary, multiclass or regression (default: the model's task)",
    '',
    'Exit code 0 whether or not drift was found; 1 on an error.',
  ].join('\n'),
  options: {
    reference: { type: 'string' },
    current: { type: 'string' },
    test: { type: 'string' },
    json: { type: 'boolean' },
    config: { type: 'string' },
    model: { type: 'string' },
    history: { type: 'string' },
    markdown: { type: 'string' },
    output: { type: 'string' },
    'reference-version': { type: 'string' },
    registry: { type: 'string' },
    ...performanceOptions,
  },
  async run(args, io) {
    const reference = stringOpt(args, 'reference');
    const current = stringOpt(args, 'current');
    if (!current) throw usageError('--current is required');
    const config = stringOpt(args, 'config');
    const progress = progressPrinter(io);
    const options: Parameters<typeof runDrift>[0] = {
      current,
      config: config ?? 'modelci.yaml',
      configExplicit: config !== undefined,
    };
    const test = stringOpt(args, 'test');
    if (test !== undefined) options.test = test;
    if (reference !== undefined) options.reference = reference;
    for (const [flag, key] of [
      ['registry', 'registry'],
      ['reference-version', 'referenceVersion'],
      ['model', 'model'],
      ['history', 'history'],
      ['markdown', 'markdownOut'],
      ['output', 'jsonOut'],
    ] as const) {
      const v = stringOpt(args, flag);
      if (v !== undefined) options[key] = v;
    }
    const performance = performanceFlagsOf(args);
    if (performance) options.performance = performance;
    if (progress) options.onProgress = progress;
    const result = await runDrift(options);
    if (progress) io.stderr('\r\x1b[2K');
    if (flagOpt(args, 'json')) io.stdout(JSON.stringify(result.json) + '\n');
    else io.stdout(result.markdown + '\n');
    if (result.json.empty_current)
      io.stderr('modelci drift: the current window is empty: no rows to compare\n');
    return 0;
  },
};
