import { describe, expect, it } from 'vitest';
import { ModelciError } from '../../../src/core/errors.js';
import { historyChart, historySeries, parseHistory } from '../../../src/core/report/history.js';

describe('history', () => {
  const history = parseHistory(
    [
      { commit: '3f9c2e1a7b4d', metrics: { test: { auc: 0.91 } } },
      { label: 'v1.2 "quoted"', metrics: { test: { auc: 0.93 } } },
      { commit: 'aaaaaaa111', metrics: { other: 1 } },
    ],
    'h.json',
  );

  it('reads {commit|label, metrics} entries and shortens commits', () => {
    expect(history.map((h) => h.label)).toEqual(['3f9c2e1', 'v1.2 "quoted"', 'aaaaaaa']);
    expect(history[0]!.metrics.get('test.auc')).toBe(0.91);
  });

  it('appends the head value unless the history already ends at the head commit', () => {
    expect(historySeries(history, 'test.auc', { value: 0.95 }).map((p) => p.value)).toEqual([
      0.91, 0.93, 0.95,
    ]);
    expect(historySeries(history, 'test.auc', { value: 0.95, commit: 'aaaaaaa111' })).toHaveLength(
      2,
    );
  });

  it('draws a Mermaid xychart-beta whose y range holds every point', () => {
    const chart = historyChart('test.auc', historySeries(history, 'test.auc', { value: 0.95 }))!;
    expect(chart).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#e8590c"}}}}%%',
        'xychart-beta',
        '    title "test.auc history"',
        '    x-axis ["3f9c2e1", "v1.2 _quoted_", "this PR"]',
        '    y-axis "test.auc" 0.906 --> 0.954',
        '    line [0.91, 0.93, 0.95]',
        '```',
      ].join('\n'),
    );
  });

  it('needs two points, and keeps tiny and constant series inside the axis', () => {
    expect(historyChart('x', [{ label: 'a', value: 1 }])).toBeUndefined();
    const flat = historyChart('x', [
      { label: 'a', value: 0.5 },
      { label: 'b', value: 0.5 },
    ])!;
    const [lo, hi] = /y-axis "x" (\S+) --> (\S+)/.exec(flat)!.slice(1).map(Number);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    const tiny = historyChart('x', [
      { label: 'a', value: 1.2e-7 },
      { label: 'b', value: 1.25e-7 },
    ])!;
    expect(tiny).not.toMatch(/e-/);
    const [tlo, thi] = /y-axis "x" (\S+) --> (\S+)/.exec(tiny)!.slice(1).map(Number);
    expect(tlo).toBeLessThanOrEqual(1.2e-7);
    expect(thi).toBeGreaterThanOrEqual(1.25e-7);
  });

  it('refuses a history that is not a list of entries, naming the entry', () => {
    expect(() => parseHistory({}, 'h.json')).toThrow(ModelciError);
    try {
      parseHistory([{ commit: 'a', metrics: {} }, { metrics: {} }], 'h.json');
    } catch (e) {
      expect((e as ModelciError).format()).toMatch(
        /^h\.json: \[1\]: history entry needs a "commit" or "label" string/,
      );
      return;
    }
    throw new Error('expected an error');
  });
});
