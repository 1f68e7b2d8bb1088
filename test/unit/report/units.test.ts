import { describe, expect, it } from 'vitest';
import { renderEvaluationReport } from '../../../src/core/report/evaluation-markdown.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';

const report = (extra: Partial<EvaluationReport>): EvaluationReport => ({
  schema: 'modelci/evaluation-report@1',
  model_name: 'm',
  task: 'binary',
  candidate: {
    model: { path: 'm.onnx', sha256: 'a'.repeat(64), bytes: 10 },
    signature: { inputs: [], outputs: [] },
  },
  dataset: {
    path: 'd.csv',
    sha256: 'b'.repeat(64),
    bytes: 5,
    rows: 3,
    label: 'y',
    dropped_rows: 0,
  },
  metrics: { accuracy: { value: 0.9 }, latency_p95: { value: 1.25, timings: 100 } },
  bootstrap: { resamples: 0, seed: 1, confidence: 0.95 },
  ...extra,
});

describe('the report says how latency was measured', () => {
  it('single-row requests: how many, and how many warm-up requests went untimed', () => {
    const md = renderEvaluationReport(
      report({ latency: { unit: 'ms', requests: 100, warmup: 5, method: 'single-row requests' } }),
      { precision: 3, metrics: ['accuracy', 'latency_p95'] },
    );
    expect(md).toMatch(
      /Latency: milliseconds per request, percentiles over 100 single-row requests per model to modelci serve on loopback, each timed on its own from request to parsed answer \(after 5 untimed\)\./,
    );
    expect(md).toMatch(/^\| latency\\_p95 \| 1\.25 ms \|$/m);
    expect(md).not.toMatch(/timed batch/);
  });

  it('a report written before (no latency section) keeps the batch wording', () => {
    const md = renderEvaluationReport(report({}), {
      precision: 3,
      metrics: ['accuracy', 'latency_p95'],
    });
    expect(md).toMatch(/percentiles over 100 timed batches/);
    expect(md).not.toMatch(/single-row/);
  });
});
