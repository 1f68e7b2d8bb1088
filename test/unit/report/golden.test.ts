import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComment } from '../../../src/core/report/comment.js';
import { flattenMetrics } from '../../../src/core/report/flatten.js';
import { historySeries, parseHistory } from '../../../src/core/report/history.js';
import { diffMetrics } from '../../../src/core/report/metric-diff.js';
import { parseEvaluationReport } from '../../../src/core/report/parse-evaluation-report.js';

// Golden comments, committed under __snapshots__/ and read by eye (see the note in each test).
// Refresh with `npx vitest run test/unit/report/golden.test.ts -u`, then read the diff.
const root = join(import.meta.dirname, '../../..');
const json = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));
const snap = (name: string) => join(import.meta.dirname, '__snapshots__', name);
const links = {
  sha: 'e51f9a3d2c68b1a0f4e3d2c1b0a9f8e7d6c5b4a3',
  commitUrl: 'https://github.com/acme/churn/commit/e51f9a3d2c68b1a0f4e3d2c1b0a9f8e7d6c5b4a3',
  runUrl: 'https://github.com/acme/churn/actions/runs/123456789',
};

describe('golden comments', () => {
  it('example: base vs head metrics with a history chart', async () => {
    const base = flattenMetrics(json('examples/churn/metrics/base.json'));
    const head = flattenMetrics(json('examples/churn/metrics/head.json'));
    const rows = diffMetrics(base, head, { tolerance: 0.001 });
    const history = parseHistory(json('examples/churn/metrics/history.json'), 'history.json');
    const { markdown, regressions } = renderComment({
      model: 'churn',
      workflow: 'PR checks',
      rows,
      chart: {
        metric: 'test.roc_auc',
        points: historySeries(history, 'test.roc_auc', {
          value: head.get('test.roc_auc') as number,
        }),
      },
      links,
    });
    expect(regressions).toBe(1); // recall
    await expect(markdown).toMatchFileSnapshot(snap('metrics-diff.md'));
  });

  it('evaluation report with a baseline: primary metric first, CIs, p-values, gates, slices, model diff', async () => {
    const report = parseEvaluationReport(
      json('test/fixtures/report/evaluation-report.json'),
      'r.json',
    );
    const { markdown, regressions } = renderComment({
      model: 'churn',
      workflow: 'PR checks',
      report,
      primaryMetric: 'roc_auc',
      links,
    });
    // recall fell by 0.019 at p = 0.69 (interval spans 0): no significant change, not a regression.
    expect(regressions).toBe(0);
    await expect(markdown).toMatchFileSnapshot(snap('evaluation-report.md'));
  });

  it('evaluation report without a baseline: candidate only', async () => {
    const full = json('test/fixtures/report/evaluation-report.json') as Record<string, unknown>;
    const {
      baseline: _b,
      baseline_metrics: _m,
      comparison: _c,
      slices: _s,
      gates: _g,
      ...rest
    } = full;
    const report = parseEvaluationReport(rest, 'r.json');
    const { markdown, regressions } = renderComment({ model: 'churn', workflow: 'w', report });
    expect(regressions).toBe(0);
    await expect(markdown).toMatchFileSnapshot(snap('evaluation-candidate-only.md'));
  });
});
