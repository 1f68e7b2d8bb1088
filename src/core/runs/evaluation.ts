import type { EvaluationReport } from '../report/evaluation-report.js';
import type { RunEvaluation } from './record.js';

/**
 * What a run keeps of an evaluation report: the holdout's fingerprint, metrics with intervals,
 * the baseline it was compared with and the paired tests; not slices or confusion matrices (the
 * report file has those).
 */
export function runEvaluation(report: EvaluationReport, evaluatedAt: string): RunEvaluation {
  const { path, sha256, bytes, rows, label } = report.dataset;
  const comparison = Object.fromEntries(
    Object.entries(report.comparison ?? {}).map(([k, c]) => [
      k,
      {
        delta: c.delta,
        ...(c.ci_delta ? { ci_delta: c.ci_delta } : {}),
        p_value: c.p_value,
        test: c.test,
      },
    ]),
  );
  return {
    dataset: { path, sha256, bytes, ...(rows !== undefined ? { rows } : {}), label },
    metrics: Object.fromEntries(
      Object.entries(report.metrics).map(([k, m]) => [
        k,
        { value: m.value, ...(m.ci ? { ci: m.ci } : {}) },
      ]),
    ),
    confidence: report.bootstrap.confidence,
    ...(report.baseline
      ? {
          baseline: {
            sha256: report.baseline.model.sha256,
            source: report.baseline.source,
            ...(report.baseline.version ? { version: report.baseline.version } : {}),
          },
        }
      : {}),
    ...(Object.keys(comparison).length ? { comparison } : {}),
    ...(report.gates ? { gates_passed: report.gates.passed } : {}),
    evaluated_at: evaluatedAt,
  };
}
