import { writeFileSync } from 'node:fs';
import { runEvaluate } from '../commands/evaluate.js';
import { parseTask, resolveEvaluateRequest } from '../commands/evaluate-request.js';
import { registryBaselineResolver } from '../registry/baseline.js';
import { ModelciError } from '../core/errors.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { flagOpt, listOpt, stringOpt, type Command } from './command.js';

/** Exit code when the evaluation ran and `--fail-on-gates` was asked and a gate failed. */
export const GATES_FAILED_EXIT = 3;

function integer(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v))
    throw new ModelciError('USAGE', `${flag} must be a whole number (got "${v}")`);
  return Number(v);
}

function csvList(values: string[]): string[] | undefined {
  const out = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary:
    'Evaluate an ONNX model on a holdout CSV: metrics with intervals, baseline comparison, gates',
  usage: [
    'Usage: modelci evaluate --model <file.onnx> --data <file.csv> --label <column>',
    '         [--task binary|multiclass|regression] [--baseline <file.onnx>|production|staging] [--json]',
    '',
    'Options:',
    '  --features <a,b,...>   feature columns in model input order (default: all but the label)',
    '  --slice <column>       metrics per value of this column (repeatable)',
    '  --drop-invalid         drop rows with missing/invalid values and count them (default: error)',
    '  --resamples <n>        bootstrap resamples for the intervals (default 1000; 0 = none)',
    '  --seed <n>             bootstrap seed (default 42)',
    '  --batch-size <n>       rows per inference batch (default 16384)',
    '  --config <file>        modelci.yaml (default: ./modelci.yaml when present)',
    '  --name <model>         model name in modelci.yaml (data, gates, slices come from there)',
    '  --out <file>           also write the report JSON to this file',
    "  --smoke-samples <file> record the model's answers to the first rows as deploy smoke samples",
    '  --smoke-count <n>      how many (default 10)',
    '  --fail-on-gates        exit 3 when a gate fails (otherwise gates only report)',
    '  --json                 print the report as one JSON object',
    '',
    'Exit codes: 0 ran, 1 error, 2 usage, 3 gates failed (with --fail-on-gates).',
  ].join('\n'),
  options: {
    model: { type: 'string' },
    data: { type: 'string' },
    label: { type: 'string' },
    task: { type: 'string' },
    baseline: { type: 'string' },
    features: { type: 'string', multiple: true },
    slice: { type: 'string', multiple: true },
    'drop-invalid': { type: 'boolean' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
    'batch-size': { type: 'string' },
    config: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    'smoke-samples': { type: 'string' },
    'smoke-count': { type: 'string' },
    'fail-on-gates': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const options = await resolveEvaluateRequest(
      {
        config: stringOpt(args, 'config'),
        name: stringOpt(args, 'name'),
        model: stringOpt(args, 'model'),
        data: stringOpt(args, 'data'),
        label: stringOpt(args, 'label'),
        task: parseTask(stringOpt(args, 'task')),
        baseline: stringOpt(args, 'baseline'),
        features: csvList(listOpt(args, 'features')),
        slices: csvList(listOpt(args, 'slice')),
        ...(flagOpt(args, 'drop-invalid') ? { dropInvalid: true } : {}),
        resamples: integer(stringOpt(args, 'resamples'), '--resamples'),
        seed: integer(stringOpt(args, 'seed'), '--seed'),
        batchSize: integer(stringOpt(args, 'batch-size'), '--batch-size'),
      },
      registryBaselineResolver({
        ...(stringOpt(args, 'config') ? { config: stringOpt(args, 'config')! } : {}),
      }),
    );
    const smoke = stringOpt(args, 'smoke-samples');
    if (smoke) {
      const count = integer(stringOpt(args, 'smoke-count'), '--smoke-count');
      options.smokeSamples = { file: smoke, ...(count !== undefined ? { count } : {}) };
    }
    const { report, warnings, smokeSamples } = await runEvaluate(options);
    for (const w of warnings) io.stderr(`modelci evaluate: warning: ${w}\n`);
    if (smokeSamples)
      io.stderr(`modelci evaluate: ${smokeSamples.count} smoke samples -> ${smokeSamples.file}\n`);
    const json = JSON.stringify(report);
    const out = stringOpt(args, 'out');
    if (out) writeFileSync(out, json + '\n');
    io.stdout(flagOpt(args, 'json') ? json + '\n' : summary(report));
    if (flagOpt(args, 'fail-on-gates') && report.gates && !report.gates.passed) {
      io.stderr(
        `modelci evaluate: gates failed: ${report.gates.results
          .filter((g) => !g.passed)
          .map((g) => g.reason)
          .join('; ')}\n`,
      );
      return GATES_FAILED_EXIT;
    }
    return 0;
  },
};

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 1000
      ? v.toFixed(1)
      : v.toPrecision(4);
}

/** Plain-text table for terminals. */
function summary(r: EvaluationReport): string {
  const lines = [
    `${r.model_name} (${r.task}) on ${r.dataset.path}: ${r.dataset.rows} rows${r.dataset.dropped_rows ? `, ${r.dataset.dropped_rows} dropped` : ''}`,
  ];
  const names = Object.keys(r.metrics);
  const w = Math.max(6, ...names.map((n) => n.length));
  for (const name of names) {
    const m = r.metrics[name]!;
    const c = r.comparison?.[name];
    const ci = m.ci ? `  [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]` : '';
    const cmp = c ? `  vs ${fmt(c.baseline)}: ${c.verdict} (p=${fmt(c.p_value)})` : '';
    lines.push(`  ${name.padEnd(w)}  ${fmt(m.value)}${ci}${cmp}`);
  }
  if (r.gates)
    for (const g of r.gates.results)
      lines.push(`  gate ${g.passed ? 'pass' : 'FAIL'}: ${g.reason}`);
  return lines.join('\n') + '\n';
}
