import { describe, expect, it } from 'vitest';
import { ModelciError } from '../../../src/core/errors.js';
import {
  MAX_DISTINCT_ROWS,
  PerformanceProfile,
  SCORE_GRID,
  sharedClasses,
  sortLabels,
  type PerformanceSpec,
} from '../../../src/core/profile/performance-profile.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';
import { PROBABILITY_METRICS } from '../../../src/core/metrics/names.js';
import {
  expectClose,
  reference,
  type ClassificationCase,
  type RegressionCase,
} from '../metrics/reference.js';

// The performance summary must give scikit-learn's numbers (test/fixtures/metrics, made by
// make_reference.py) however the rows are split into shards, merged and stored as JSON.

const classification = reference.cases.filter(
  (c): c is ClassificationCase => c.task !== 'regression',
);
const regression = reference.cases.filter((c): c is RegressionCase => c.task === 'regression');

/** Rows into three uneven shards, each JSON round-tripped, merged into the first. */
function sharded(
  spec: PerformanceSpec,
  n: number,
  row: (i: number) => [unknown, unknown, unknown],
): PerformanceProfile {
  const cuts = [0, Math.floor(n / 7), Math.floor((n * 3) / 5), n];
  const shards = [0, 1, 2].map((s) => {
    const p = new PerformanceProfile(spec);
    for (let i = cuts[s]!; i < cuts[s + 1]!; i++) {
      const [y, pred, score] = row(i);
      p.add(y as never, pred as never, score as never, 'rows.csv', i + 2);
    }
    return PerformanceProfile.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
  });
  const merged = shards[0]!;
  merged.merge(shards[1]!);
  merged.merge(shards[2]!);
  return merged;
}

describe(`performance summary = scikit-learn ${reference.versions.sklearn} (1e-9), sharded and merged`, () => {
  it.each(classification.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const binary = c.task === 'binary';
    const spec: PerformanceSpec = {
      task: c.task,
      label: 'y',
      prediction: 'pred',
      ...(binary ? { score: 'p', positive: String(c.positive) } : {}),
    };
    // Labels as numbers for some rows and text for others: both mean the same class.
    const p = sharded(spec, c.y_true.length, (i) => [
      i % 2 ? c.y_true[i] : String(c.y_true[i]),
      c.label[i],
      binary ? c.proba[i * 2 + c.positive] : null,
    ]);
    expect(p.labelled).toBe(c.y_true.length);
    const m = p.metrics(Array.from({ length: c.k }, (_, i) => String(i)));
    let compared = 0;
    for (const [name, expected] of Object.entries(c.expected)) {
      if (!binary && PROBABILITY_METRICS.has(name)) {
        expect(m[name], `${name} needs per-class probabilities`).toBeUndefined();
        continue;
      }
      if (expected === null) expect(Number.isNaN(m[name]), name).toBe(true);
      else expectClose(m[name], expected, name);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(7);
  });

  it.each(regression.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const p = sharded(
      { task: 'regression', label: 'y', prediction: 'yhat' },
      c.y_true.length,
      (i) => [c.y_true[i], String(c.predicted[i]), null],
    );
    const m = p.metrics();
    for (const [name, expected] of Object.entries(c.expected)) expectClose(m[name], expected, name);
  });
});

describe('performance summary', () => {
  const binaryCase = classification.find((c) => c.name === 'binary_basic')!;

  it('counts rows without a label or prediction as unlabelled and leaves them out', () => {
    const p = new PerformanceProfile({ task: 'binary', label: 'y', prediction: 'pred' });
    p.add(1, 1, null, 'f', 2);
    p.add(null, 1, null, 'f', 3);
    p.add('', 0, null, 'f', 4);
    p.add(0, null, null, 'f', 5);
    p.add(Number.NaN, 0, null, 'f', 6);
    p.add(0, 1, null, 'f', 7);
    expect([p.labelled, p.unlabelled]).toEqual([2, 4]);
    expect(p.metrics().accuracy).toBe(0.5);
  });

  it('reports an unreadable score with its row and column instead of using it', () => {
    const p = new PerformanceProfile({ task: 'binary', label: 'y', score: 'p' });
    p.add(1, null, 0.9, 'cur.csv', 2);
    p.add(1, null, 'high', 'cur.csv', 3);
    p.add(0, null, 1.7, 'cur.csv', 4);
    expect(p.invalid).toBe(2);
    expect(p.firstInvalid).toEqual({ file: 'cur.csv', row: 3, column: 'p', value: 'high' });
    expect(p.labelled).toBe(1);
  });

  it('without a prediction column predicts positive at score >= threshold', () => {
    const c = binaryCase;
    const scores = c.y_true.map((_, i) => c.proba[i * 2 + 1]!);
    const byScore = new PerformanceProfile({
      task: 'binary',
      label: 'y',
      score: 'p',
      threshold: 0.3,
    });
    const byLabel = new PerformanceProfile({ task: 'binary', label: 'y', prediction: 'l' });
    scores.forEach((s, i) => {
      byScore.add(c.y_true[i]!, null, s, 'f', i);
      byLabel.add(c.y_true[i]!, s >= 0.3 ? 1 : 0, null, 'f', i);
    });
    const a = byScore.metrics();
    const b = byLabel.metrics();
    for (const name of ['accuracy', 'precision', 'recall', 'f1'])
      expect(a[name], name).toBe(b[name]);
    // The predicted labels at 0.3 differ from the model's own (0.5): the threshold was applied.
    expect(a.accuracy).not.toBe(c.expected.accuracy);
  });

  it(`past ${MAX_DISTINCT_ROWS} distinct rows rounds scores to ${SCORE_GRID}: counts exact, AUC within the rounding`, () => {
    const spec: PerformanceSpec = { task: 'binary', label: 'y', prediction: 'pred', score: 'p' };
    const n = MAX_DISTINCT_ROWS + 5000;
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rows: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      const s = ((i * 7919) % n) / n; // every score distinct
      const y = next() < s ? 1 : 0;
      rows.push([y, s >= 0.5 ? 1 : 0, s]);
    }
    const p = new PerformanceProfile(spec);
    for (const [y, l, s] of rows) p.add(y, l, s, 'f', 0);
    expect(p.scoreGrid).toBe(SCORE_GRID);
    const json = p.toJSON();
    expect(json.rows!.length).toBeLessThanOrEqual(2 * 2 * (1 / SCORE_GRID + 1));
    // Exact AUC by counting pairs (Mann-Whitney), independent of the engine.
    const pos = rows
      .filter((r) => r[0] === 1)
      .map((r) => r[2])
      .sort((a, b) => a - b);
    const neg = rows
      .filter((r) => r[0] === 0)
      .map((r) => r[2])
      .sort((a, b) => a - b);
    let wins = 0;
    let j = 0;
    let k = 0;
    for (const s of pos) {
      while (j < neg.length && neg[j]! < s) j++;
      k = j;
      while (k < neg.length && neg[k] === s) k++;
      wins += j + (k - j) / 2;
    }
    const auc = wins / (pos.length * neg.length);
    const m = p.metrics();
    expect(Math.abs(m.roc_auc! - auc)).toBeLessThan(SCORE_GRID);
    const correct = rows.filter((r) => r[0] === r[1]).length;
    expect(m.accuracy).toBe(correct / n);
  });

  it('merging a rounded summary into an exact one rounds the exact one too', () => {
    const spec: PerformanceSpec = { task: 'binary', label: 'y', prediction: 'pred', score: 'p' };
    const a = new PerformanceProfile(spec);
    a.add(1, 1, 0.123456789, 'f', 1);
    const b = PerformanceProfile.fromJSON({
      ...a.toJSON(),
      rows: [['0', '0', 0.2, 3]],
      score_grid: SCORE_GRID,
    });
    a.merge(b);
    expect(a.scoreGrid).toBe(SCORE_GRID);
    expect(a.toJSON().rows!.map((r) => r[2])).toEqual([0.1235, 0.2]);
    expect(a.labelled).toBe(2);
  });

  it('refuses to merge summaries of different columns', () => {
    const a = new PerformanceProfile({ task: 'binary', label: 'y', prediction: 'pred' });
    const b = new PerformanceProfile({ task: 'binary', label: 'y', prediction: 'other' });
    expect(() => a.merge(b)).toThrow(ModelciError);
  });

  it('a binary model whose data holds three labels is an error that names the column', () => {
    const p = new PerformanceProfile({ task: 'binary', label: 'churned', prediction: 'pred' });
    for (const [y, l] of [
      ['yes', 'no'],
      ['no', 'no'],
      ['maybe', 'no'],
    ])
      p.add(y!, l!, null, 'f', 1);
    expect(() => p.metrics()).toThrow(/binary but "churned".*3 labels/);
  });

  it('sorts labels numerically when they are numbers, and shares classes across windows', () => {
    expect(sortLabels(['10', '9', 'b', '-1', 'a'])).toEqual(['-1', '9', '10', 'a', 'b']);
    const a = new PerformanceProfile({ task: 'multiclass', label: 'y', prediction: 'p' });
    const b = new PerformanceProfile({ task: 'multiclass', label: 'y', prediction: 'p' });
    a.add(2, 2, null, 'f', 1);
    b.add(0, 1, null, 'f', 1);
    expect(sharedClasses(a, b)).toEqual(['0', '1', '2']);
  });

  it('a one-class binary window keeps the configured positive class', () => {
    const p = new PerformanceProfile({
      task: 'binary',
      label: 'y',
      prediction: 'p',
      positive: '1',
    });
    p.add(1, 1, null, 'f', 1);
    p.add(1, 0, null, 'f', 2);
    const m = p.metrics();
    expect(m.recall).toBe(0.5);
    expect(m.precision).toBe(1);
  });

  it('is stored in the table profile, survives JSON and merges with shards that had no labels', () => {
    const c = binaryCase;
    const spec: PerformanceSpec = { task: 'binary', label: 'y', prediction: 'pred', score: 'p' };
    const half = 100;
    const shard = (from: number, to: number, labelled: boolean) => {
      const t = new TableProfile(64);
      if (labelled) t.trackPerformance(spec);
      t.beginSource('s.csv', 'csv');
      const idx = Array.from({ length: to - from }, (_, i) => from + i);
      t.addBatch({
        columns: ['y', 'pred', 'p'],
        firstRow: 1,
        length: idx.length,
        values: [
          idx.map((i) => c.y_true[i]!),
          idx.map((i) => c.label[i]!),
          idx.map((i) => c.proba[i * 2 + 1]!),
        ],
      });
      return TableProfile.fromJSON(JSON.parse(JSON.stringify(t.toJSON())), 's.json');
    };
    const whole = shard(0, half, true);
    whole.merge(shard(half, c.y_true.length, true));
    whole.merge(shard(0, 10, false));
    expect(whole.performance!.labelled).toBe(c.y_true.length);
    expect(whole.performance!.unlabelled).toBe(10);
    expectClose(whole.performance!.metrics(['0', '1']).roc_auc, c.expected.roc_auc!, 'roc_auc');
  });

  it('a malformed performance section in a profile file is named', () => {
    const t = new TableProfile(64);
    t.trackPerformance({ task: 'binary', label: 'y', prediction: 'p' });
    const json = JSON.parse(JSON.stringify(t.toJSON()));
    delete json.performance.rows;
    const pathOf = (): string | undefined => {
      try {
        TableProfile.fromJSON(json, 'ref.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ModelciError);
        expect((e as ModelciError).where.file).toBe('ref.json');
        return (e as ModelciError).where.path;
      }
      return undefined;
    };
    expect(pathOf()).toBe('performance.rows');
    json.performance.spec.task = 'ranking';
    expect(pathOf()).toBe('performance.spec');
  });
});
