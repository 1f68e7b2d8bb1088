import { describe, expect, it } from 'vitest';
import { comparePerformance } from '../../../src/core/drift/performance-drift.js';
import { proportionZTest } from '../../../src/core/drift/z-test.js';
import {
  PerformanceProfile,
  type PerformanceSpec,
} from '../../../src/core/profile/performance-profile.js';
import { retrainTitle, retrainYaml, driftReason } from '../../../src/core/drift/retrain-request.js';
import type { DriftReport } from '../../../src/core/drift/compare-profiles.js';
import { renderDriftMarkdown } from '../../../src/core/report/drift-report.js';

const spec: PerformanceSpec = { task: 'binary', label: 'y', prediction: 'pred' };

/** A window of n rows where the first `correct` are predicted right. */
function window(n: number, correct: number, s: PerformanceSpec = spec): PerformanceProfile {
  const p = new PerformanceProfile(s);
  for (let i = 0; i < n; i++) {
    const y = i % 2;
    p.add(y, i < correct ? y : 1 - y, null, 'w.csv', i + 2);
  }
  return p;
}

describe('performance drift', () => {
  it('flags a metric that fell by more than its allowed drop, with the z-test p-value for accuracy', () => {
    const r = comparePerformance({ source: 'data', profile: window(400, 360) }, window(300, 240), {
      maxDrop: { accuracy: '5%' },
    });
    expect(r.drifted).toBe(true);
    const acc = r.metrics.find((m) => m.name === 'accuracy')!;
    expect([acc.reference, acc.current, acc.checked, acc.drifted]).toEqual([0.9, 0.8, true, true]);
    expect(acc.change).toBeCloseTo(-0.1, 12);
    expect(acc.max_drop).toBe('5%');
    expect(acc.p_value).toBe(proportionZTest(360, 400, 240, 300).pValue);
    expect(r.metrics[0]!.name).toBe('accuracy'); // checked metrics first
  });

  it('a drop within the allowance, or an improvement, is not drift', () => {
    const within = comparePerformance(
      { source: 'data', profile: window(400, 360) },
      window(300, 262),
    );
    expect(within.metrics.find((m) => m.name === 'accuracy')!.drifted).toBe(false);
    expect(within.drifted).toBe(false);
    const better = comparePerformance(
      { source: 'data', profile: window(400, 300) },
      window(300, 299),
      {
        maxDrop: { accuracy: 0 },
      },
    );
    expect(better.drifted).toBe(false);
  });

  it('absolute allowances and lower-is-better metrics (rmse) go the right way', () => {
    const reg: PerformanceSpec = { task: 'regression', label: 'y', prediction: 'yhat' };
    const ref = new PerformanceProfile(reg);
    const cur = new PerformanceProfile(reg);
    for (let i = 0; i < 100; i++) {
      ref.add(i, i + (i % 2 ? 1 : -1), null, 'r', i); // rmse 1
      cur.add(i, i + (i % 2 ? 1.5 : -1.5), null, 'c', i); // rmse 1.5
    }
    const r = comparePerformance({ source: 'data', profile: ref }, cur, { maxDrop: { rmse: 0.4 } });
    const rmse = r.metrics.find((m) => m.name === 'rmse')!;
    expect([rmse.reference, rmse.current, rmse.direction, rmse.drifted]).toEqual([
      1,
      1.5,
      'lower',
      true,
    ]);
    const ok = comparePerformance({ source: 'data', profile: ref }, cur, {
      maxDrop: { rmse: 0.6 },
    });
    expect(ok.drifted).toBe(false);
    // Default: the primary metric with '5%'.
    const def = comparePerformance({ source: 'data', profile: ref }, cur, { primaryMetric: 'mae' });
    expect(def.metrics.filter((m) => m.checked).map((m) => m.name)).toEqual(['mae']);
    expect(def.drifted).toBe(true);
  });

  it('against the metrics recorded for a registered version', () => {
    const r = comparePerformance(
      {
        source: 'registry',
        version: '1.2.0',
        metrics: { accuracy: 0.95, roc_auc: 0.99 },
        rows: 200,
      },
      window(100, 70),
    );
    expect(r.reference_source).toBe('registry');
    expect(r.reference_version).toBe('1.2.0');
    expect(r.drifted).toBe(true);
    expect(r.rows).toEqual({ reference: 200, current: 100 });
    // roc_auc needs a score column this window does not have: listed as not comparable, not drift.
    expect(r.metrics.map((m) => m.name)).not.toContain('roc_auc');
  });

  it('too few labelled rows: no verdict, a problem that says why', () => {
    const r = comparePerformance({ source: 'data', profile: window(400, 360) }, window(20, 0));
    expect(r.drifted).toBe(false);
    expect(r.metrics.every((m) => !m.checked)).toBe(true);
    expect(r.problems.join()).toMatch(/only 20 labelled current row\(s\), fewer than 30/);
    const none = comparePerformance({ source: 'data', profile: window(400, 360) }, window(0, 0));
    expect(none.problems.join()).toMatch(/no labelled rows in the current window/);
  });

  it('a metric that cannot be computed for the columns is reported, not silently passed', () => {
    const r = comparePerformance({ source: 'data', profile: window(100, 90) }, window(100, 90), {
      maxDrop: { roc_auc: '5%' },
    });
    expect(r.problems.join()).toMatch(/metric "roc_auc" cannot be compared \(not computed/);
  });

  it('the report, the retrain request and the PR title say it was performance', () => {
    const perf = comparePerformance(
      { source: 'data', profile: window(400, 360) },
      window(300, 240),
    );
    const report: DriftReport = {
      drifted: true,
      dataset_drifted: false,
      share: 0,
      drift_share_threshold: 0.5,
      n_tested: 3,
      n_drifted: 0,
      rows: { reference: 400, current: 300 },
      columns: [],
      prediction_drift: null,
      performance: perf,
      problems: [],
    };
    expect(driftReason(report)).toMatch(
      /^performance drift: accuracy 0\.9 → 0\.8 \(allowed drop 5%\); no dataset drift/,
    );
    expect(retrainTitle('churn', report)).toBe('Retrain churn: performance drift detected');
    const yaml = retrainYaml(report, {
      model: 'churn',
      registryDir: 'registry',
      dataWindow: 'w',
      reference: 'r',
      current: 'c',
      at: 't',
    });
    expect(yaml).toMatch(/performance:\n {2}drifted: true\n {2}labelled_rows: 300/);
    const md = renderDriftMarkdown(report, { reference: 'r', current: 'c' });
    expect(md).toMatch(/\*\*No dataset drift\*\*/);
    expect(md).toMatch(/### Performance on labelled rows/);
    expect(md).toMatch(/\*\*Performance drift\*\*: accuracy 0\.9 → 0\.8 \(allowed drop 5%\)/);
    expect(md).toMatch(
      /\| accuracy \| 0\.9 \| 0\.8 \| -0\.1 \| 5% \| 🔴 yes \| < 0\.001 \| significant, p < 0\.001 \|/,
    );
    // recall_weighted is accuracy by definition: computed, but not a second row.
    expect(perf.metrics.find((m) => m.name === 'recall_weighted')?.current).toBe(0.8);
    expect(md).not.toMatch(/\| recall\\_weighted \|/);
    expect(md).toMatch(/\| f1\\_macro \|/);
  });
});
