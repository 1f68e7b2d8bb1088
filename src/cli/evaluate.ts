import { invokeEvaluate } from '../commands/invoke/evaluate.js';
import type { EvaluationReport } from '../core/report/evaluation-report.js';
import { evaluateSpec } from '../spec/commands/evaluate.js';
import { defineCliCommand } from './command.js';
import { reportAlpha } from '../core/report/evaluation-markdown.js';
import { formatMetricValue } from '../core/report/metric-units.js';
import { formatNumber, formatPClause } from '../core/report/number-format.js';
import { SHOWN_VERDICT_LABEL, shownVerdict } from '../core/report/verdict.js';

/** Exit code when the evaluation ran and `--fail-on-gates` was asked and a gate failed. */
export const GATES_FAILED_EXIT = 3;

export const evaluateCommand = defineCliCommand({
  spec: evaluateSpec,
  async run(parsed, io, inv) {
    const { report, passed, smokeSamples } = await invokeEvaluate(parsed, inv);
    if (smokeSamples)
      io.stderr(`modelci evaluate: ${smokeSamples.count} smoke samples -> ${smokeSamples.file}\n`);
    io.stdout(parsed.values.json ? JSON.stringify(report) + '\n' : summary(report));
    if (parsed.values.failOnGates && !passed) {
      io.stderr(
        `modelci evaluate: gates failed: ${report
          .gates!.results.filter((g) => !g.passed)
          .map((g) => g.reason)
          .join('; ')}\n`,
      );
      return GATES_FAILED_EXIT;
    }
    return 0;
  },
});

/** Plain-text table for terminals. */
function summary(r: EvaluationReport): string {
  const lines = [
    `${r.model_name} (${r.task}) on ${r.dataset.path}: ${r.dataset.rows} rows${r.dataset.dropped_rows ? `, ${r.dataset.dropped_rows} dropped` : ''}`,
  ];
  const names = Object.keys(r.metrics);
  const w = Math.max(6, ...names.map((n) => n.length));
  const alpha = reportAlpha(r);
  for (const name of names) {
    const m = r.metrics[name]!;
    const c = r.comparison?.[name];
    const ci = m.ci ? `  [${formatNumber(m.ci[0])}, ${formatNumber(m.ci[1])}]` : '';
    const verdict = c ? SHOWN_VERDICT_LABEL[shownVerdict(c, alpha)].replace(/^\S+ /, '') : '';
    const cmp = c
      ? `  vs ${formatMetricValue(name, c.baseline, 4)}: ${verdict} (${formatPClause(c.p_value)})`
      : '';
    lines.push(`  ${name.padEnd(w)}  ${formatMetricValue(name, m.value, 4)}${ci}${cmp}`);
  }
  if (r.latency)
    lines.push(
      `  latency: ${r.latency.requests} single-row requests per model, timed one by one (after ${r.latency.warmup} untimed)`,
    );
  if (r.gates)
    for (const g of r.gates.results)
      lines.push(`  gate ${g.passed ? 'pass' : 'FAIL'}: ${g.reason}`);
  return lines.join('\n') + '\n';
}
