import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  renderComment,
  SUMMARY_MAX_BYTES,
  utf8Length,
} from '../../../src/core/report/comment.js';
import type { MetricScalar } from '../../../src/core/report/flatten.js';
import { diffMetrics } from '../../../src/core/report/metric-diff.js';

/** n metrics; every 50th got worse (accuracy-like names go down). */
function many(n: number) {
  const base = new Map<string, MetricScalar>();
  const head = new Map<string, MetricScalar>();
  for (let i = 0; i < n; i++) {
    const key = `group${i % 7}.slice_${i}.accuracy`;
    base.set(key, 0.5 + (i % 13) / 100);
    head.set(key, 0.5 + (i % 13) / 100 + (i % 50 === 0 ? -0.01 : 0.001 * (i % 3)));
  }
  return diffMetrics(base, head);
}

describe('length limits', () => {
  it('keeps a small comment whole', () => {
    const r = renderComment({ model: 'm', workflow: 'w', rows: many(10) });
    expect(r.truncated).toBe(false);
    expect(r.markdown).toContain('<details>');
    expect(r.markdown).not.toContain('Truncated');
  });

  it('drops the full values first when only they overflow', () => {
    // 600 rows: the table fits, the table plus the full values does not.
    const rows = many(600);
    const full = renderComment(
      { model: 'm', workflow: 'w', rows },
      { max: 10 ** 9, unit: 'chars' },
    );
    expect(full.markdown.length).toBeGreaterThan(COMMENT_MAX_CHARS);
    const r = renderComment({ model: 'm', workflow: 'w', rows });
    expect(r.truncated).toBe(true);
    expect(r.markdown.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(r.markdown).not.toContain('<details>');
    expect(r.markdown).toContain('Truncated: the unrounded values are left out');
    expect(r.markdown.split('\n').filter((l) => l.includes('.accuracy |'))).toHaveLength(600);
  });

  it('then drops rows, keeping every regression, and says how many are shown', () => {
    const rows = many(5000);
    const r = renderComment({ model: 'm', workflow: 'w', rows });
    expect(r.markdown.length).toBeLessThan(COMMENT_MAX_CHARS);
    // Close to the limit: the bisection does not give up rows it could keep.
    expect(r.markdown.length).toBeGreaterThan(COMMENT_MAX_CHARS - 200);
    const shown = r.markdown.split('\n').filter((l) => l.includes('.accuracy |'));
    const m = /Truncated: (\d+) of 5000 metrics shown, regressions first/.exec(r.markdown);
    expect(m).not.toBeNull();
    expect(shown).toHaveLength(Number(m![1]));
    expect(shown.filter((l) => l.includes('❌ worse'))).toHaveLength(100);
    expect(r.regressions).toBe(100);
    // The marker and the footer survive.
    expect(r.markdown.startsWith('<!-- modelci:comment model=m workflow=w -->')).toBe(true);
    expect(r.markdown.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('measures the job summary in UTF-8 bytes against 1 MiB', () => {
    // Three-byte characters: 6000 rows of ~230 bytes (names cut to 60 characters in the table)
    // pass 1 MiB in bytes but not in characters.
    const base = new Map<string, MetricScalar>();
    const head = new Map<string, MetricScalar>();
    for (let i = 0; i < 6000; i++) {
      base.set(`${'€'.repeat(100)}${i}.accuracy`, 0.5);
      head.set(`${'€'.repeat(100)}${i}.accuracy`, i % 10 ? 0.6 : 0.4);
    }
    const rows = diffMetrics(base, head);
    const limit = { max: SUMMARY_MAX_BYTES, unit: 'utf8' } as const;
    const r = renderComment({ model: 'm', workflow: 'w', rows }, limit);
    expect(r.markdown.length).toBeLessThan(SUMMARY_MAX_BYTES * 0.7);
    expect(utf8Length(r.markdown)).toBeLessThan(SUMMARY_MAX_BYTES);
    expect(utf8Length(r.markdown)).toBe(Buffer.byteLength(r.markdown, 'utf8'));
    expect(r.markdown).toMatch(/Truncated: \d+ of 6000 metrics shown/);
    expect(r.markdown).toContain('GitHub limits job summaries to 1,048,576 bytes');
  });
});
