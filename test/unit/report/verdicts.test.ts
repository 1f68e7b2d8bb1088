import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../../src/core/evaluation/evaluate.js';
import type { EvaluationInput } from '../../../src/core/evaluation/types.js';
import { renderComment } from '../../../src/core/report/comment.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { flattenMetrics } from '../../../src/core/report/flatten.js';
import { diffMetrics } from '../../../src/core/report/metric-diff.js';
import { parseEvaluationReport } from '../../../src/core/report/parse-evaluation-report.js';
import { candidateOnly } from '../../harness/evaluation-reports.js';

const fixture = () =>
  JSON.parse(
    readFileSync(new URL('../../fixtures/report/evaluation-report.json', import.meta.url), 'utf8'),
  ) as EvaluationReport;

/** Table rows (not the header or separator) of the first table after `after`. */
function tableRows(md: string, after = ''): string[] {
  const start = md.indexOf(after);
  const lines = md.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('| '));
  const out: string[] = [];
  for (const l of lines.slice(first + 2)) {
    if (!l.startsWith('| ')) break;
    out.push(l);
  }
  return out;
}

describe('verdicts need significance (evaluate)', () => {
  // 400 rows; the candidate gets `gained` rows right that the baseline gets wrong.
  function input(gained: number): EvaluationInput {
    const n = 400;
    const yTrue = Int32Array.from({ length: n }, (_, i) => i % 2);
    const base = Int32Array.from(yTrue, (y, i) => (i < 60 ? 1 - y : y));
    const cand = Int32Array.from(base, (y, i) => (i < gained ? yTrue[i]! : y));
    return {
      task: 'binary',
      yTrue,
      candidate: { kind: 'classification', classes: [0, 1], label: cand },
      baseline: { kind: 'classification', classes: [0, 1], label: base },
      bootstrap: { resamples: 200, seed: 3, confidence: 0.95 },
    };
  }

  it('a small gain with McNemar p > 0.05 is "unchanged", not "better", and says why', () => {
    const c = evaluatePredictions(input(3)).comparison!.accuracy!;
    expect(c.delta).toBeCloseTo(3 / 400, 12);
    expect(c.p_value).toBeCloseTo(0.25, 12); // McNemar exact: 3 discordant pairs, all one way
    expect(c).toMatchObject({ significant: false, verdict: 'unchanged' });
  });

  it('a large gain with p < 0.05 is "better"', () => {
    const c = evaluatePredictions(input(30)).comparison!.accuracy!;
    expect(c.p_value).toBeLessThan(1e-6);
    expect(c).toMatchObject({ significant: true, verdict: 'better' });
  });

  it('α follows the interval level: at 99% a p of 0.021 is not significant', () => {
    const i = input(7); // 7 discordant pairs one way: p = 2 * 0.5^7 = 0.0156
    expect(evaluatePredictions(i).comparison!.accuracy).toMatchObject({ verdict: 'better' });
    i.bootstrap.confidence = 0.99;
    expect(evaluatePredictions(i).comparison!.accuracy).toMatchObject({
      significant: false,
      verdict: 'unchanged',
    });
  });
});

describe('the comment on an evaluation report', () => {
  it('renders an old report (no `significant`) by its p-value: no untested "worse"', () => {
    const r = parseEvaluationReport(fixture(), 'r.json');
    expect(r.comparison!.recall!.verdict).toBe('worse'); // as written by the old evaluate
    const { markdown, regressions } = renderComment({ model: 'm', workflow: 'w', report: r });
    expect(regressions).toBe(0);
    const recall = markdown.split('\n').find((l) => l.startsWith('| recall'))!;
    expect(recall).toContain('-0.01887 [-0.07547, +0.03774]');
    expect(recall).toContain('➖ no significant change');
    expect(markdown).not.toContain('❌ worse');
  });

  it('leads with the primary metric and the gate result, then the counts; primary is row 1', () => {
    const r = parseEvaluationReport(fixture(), 'r.json');
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      report: r,
      primaryMetric: 'roc_auc',
    });
    const body = markdown
      .split('\n')
      .filter((l) => l && !l.startsWith('<!--') && !l.startsWith('###'));
    expect(body[0]).toBe(
      '**roc\\_auc** 0.995 [0.986, 0.9995] · Δ +0.008596 [+0.00101, +0.01822] · ✅ better (p < 0.001) · **Gates: ❌ failed** (1 of 4 failed)',
    );
    expect(body[1]).toMatch(
      /^Against the baseline on the same rows: 2 better · 1 with no significant change\./,
    );
    expect(tableRows(markdown)[0]).toMatch(/^\| \*\*roc\\_auc\*\* \(primary\) \|/);
  });

  it('drops recall_weighted (= accuracy by definition), collapses the rest, adds units', () => {
    const r = fixture();
    r.metrics.recall_weighted = { ...r.metrics.accuracy! };
    r.baseline_metrics!.recall_weighted = { ...r.baseline_metrics!.accuracy! };
    r.comparison!.recall_weighted = {
      ...r.comparison!.accuracy!,
      test: 'paired_bootstrap',
      p_value: 0.03,
    };
    r.metrics.latency_p95 = { value: 0.0106, timings: 1 };
    r.baseline_metrics!.latency_p95 = { value: 0.0041, timings: 1 };
    r.metrics.model_size_bytes = { value: 1843 };
    r.baseline_metrics!.model_size_bytes = { value: 1230 };
    r.gates!.results.push({
      gate: 'latency_p95',
      passed: true,
      reason: 'latency_p95 0.0106 ms ≤ budget 50 ms',
      metric: 'latency_p95',
    });
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      report: r,
      primaryMetric: 'roc_auc',
    });
    expect(markdown).not.toMatch(/^\| recall\\_weighted/m);
    expect(markdown).toContain('Not repeated: recall\\_weighted equals accuracy by definition.');
    const main = tableRows(markdown);
    expect(main.map((l) => l.split(' | ')[0])).toEqual([
      '| **roc\\_auc** (primary)',
      '| recall',
      '| latency\\_p95',
    ]);
    expect(main[2]).toContain('| 0.0041 ms | 0.0106 ms |');
    expect(markdown).toContain('one batch: p50 = p95');
    const more = tableRows(markdown, '<summary>');
    expect(more.map((l) => l.split(' | ')[0])).toEqual(['| accuracy', '| model\\_size\\_bytes']);
    expect(more[1]).toContain('| 1.2 KiB | 1.8 KiB |');
  });

  it('comment.metrics picks the table; a metric that got significantly worse stays in it', () => {
    const r = fixture();
    r.comparison!.accuracy = { ...r.comparison!.accuracy!, delta: -0.04, verdict: 'worse' };
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      report: r,
      primaryMetric: 'roc_auc',
      metrics: ['recall'],
    });
    expect(tableRows(markdown).map((l) => l.split(' | ')[0])).toEqual([
      '| **roc\\_auc** (primary)',
      '| recall',
      '| accuracy',
    ]);
    expect(markdown).toMatch(/\*\*1 worse\*\*/);
  });

  it('without a baseline: "no baseline" in the headline and the gate rows, never "pass (skipped)"', () => {
    const r = candidateOnly(fixture());
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      report: r,
      primaryMetric: 'roc_auc',
    });
    expect(markdown).toContain(
      '**roc\\_auc** 0.995 [0.986, 0.9995] · no baseline · **Gates: ✅ passed** (1 of 1; 1 need a baseline)',
    );
    expect(markdown).toContain('| max\\_regression.roc\\_auc | ➖ no baseline |');
    expect(markdown).not.toMatch(/skipped|✅ pass \| roc\\_auc: no baseline/);
  });
});

describe('the comment on metrics files', () => {
  const base = flattenMetrics({
    test: { accuracy: 0.93, recall_weighted: 0.93, roc_auc: 0.9864, recall: 0.94 },
  });
  const head = flattenMetrics({
    test: { accuracy: 0.97, recall_weighted: 0.97, roc_auc: 0.995, recall: 0.925 },
  });

  it('puts the primary metric first, marked, with a headline; drops definitional duplicates', () => {
    const rows = diffMetrics(base, head);
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      rows,
      primaryMetric: 'roc_auc',
    });
    expect(markdown).toContain(
      '**test.roc\\_auc** (primary) 0.995 · was 0.9864 · Δ +0.0086 (+0.872%) · ✅ better',
    );
    const names = tableRows(markdown).map((l) => l.split(' | ')[0]);
    expect(names).toEqual(['| **test.roc\\_auc** (primary)', '| test.accuracy', '| test.recall']);
    expect(markdown).toContain(
      'Not repeated: test.recall\\_weighted equals test.accuracy by definition.',
    );
    expect(markdown).toContain('no interval or test');
  });

  it('comment.metrics collapses the rest under "more metrics", regressions stay in the table', () => {
    base.set('test.f1', 0.9);
    head.set('test.f1', 0.91);
    const rows = diffMetrics(base, head);
    const { markdown } = renderComment({
      model: 'm',
      workflow: 'w',
      rows,
      primaryMetric: 'roc_auc',
      metrics: ['accuracy'],
    });
    expect(tableRows(markdown).map((l) => l.split(' | ')[0])).toEqual([
      '| **test.roc\\_auc** (primary)',
      '| test.accuracy',
      '| test.recall',
    ]);
    expect(tableRows(markdown, '<summary>1 more metric</summary>')).toEqual([
      '| test.f1 | 0.9 | 0.91 | +0.01 | +1.11% | ✅ better |',
    ]);
  });
});
