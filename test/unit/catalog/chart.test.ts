import { describe, expect, it } from 'vitest';
import { describeChart, niceTicks, renderLineChart } from '../../../src/core/catalog/chart.js';

describe('niceTicks', () => {
  it('steps of 1, 2 or 5 times a power of ten inside the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0.83, 0.94)).toEqual([0.85, 0.9]);
    expect(niceTicks(-3, 17)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});

describe('renderLineChart', () => {
  const points = [
    { label: '1.0.0', value: 0.8, low: 0.7, high: 0.9 },
    { label: '1.1.0', value: 0.9, low: 0.85, high: 0.95, mark: 'production' },
    { label: '1.2.0', value: 0.85 },
  ];
  const svg = renderLineChart({
    id: 'c1',
    title: 'roc_auc by version',
    points,
    unit: 'version',
    yDomain: [0.6, 1],
  }).value;

  it('is an image with an accessible name and a text description of its numbers', () => {
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">roc_auc by version</title>');
    expect(svg).toContain(
      'roc_auc by version over 3 versions: from 0.8 (1.0.0) to 0.85 (1.2.0); highest 0.9 (1.1.0), lowest 0.8 (1.0.0).',
    );
    expect(svg).toContain('The shaded band is the 95% interval.');
  });

  it('puts values where the scale says: y = top + height × (hi − v) / (hi − lo)', () => {
    // Plot area 560×200 minus margins (left 56, right 16, top 16, bottom 30): 488 × 154.
    const cy = (v: number) => Math.round((16 + (154 * (1 - v)) / 0.4) * 10) / 10;
    const dots = [...svg.matchAll(/<circle[^>]*cx="([\d.]+)"[^>]*cy="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(dots).toEqual([
      [56, cy(0.8)],
      [300, cy(0.9)],
      [544, cy(0.85)],
    ]);
  });

  it('draws the interval as a band over the points that have one, and a tooltip per point', () => {
    const band = /<polygon class="chart-band" points="([^"]+)"/.exec(svg)![1]!.split(' ');
    expect(band).toHaveLength(4); // two points with an interval: top edge there, bottom edge back
    expect(svg).toContain('<title>1.1.0: 0.9 [0.85, 0.95]</title>');
    expect(svg).toContain('>production</text>');
  });

  it('a single point with an interval gets an error bar', () => {
    const one = renderLineChart({
      id: 'c2',
      title: 't',
      unit: 'version',
      points: [points[0]!],
    }).value;
    expect(one).toContain('class="chart-bar"');
    expect(one).toContain('The bar is the 95% interval.');
  });

  it('escapes labels and titles from data', () => {
    const out = renderLineChart({
      id: 'c3',
      title: '<script>x</script>',
      unit: 'check',
      points: [{ label: '"><img src=x onerror=alert(1)>', value: 1 }],
    }).value;
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('says when there is nothing to chart', () => {
    expect(describeChart({ id: 'x', title: 't', unit: 'check', points: [] })).toBe(
      'No checks to chart.',
    );
  });
});
