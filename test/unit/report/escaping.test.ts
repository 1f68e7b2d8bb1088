import { describe, expect, it } from 'vitest';
import { renderComment } from '../../../src/core/report/comment.js';
import { escapeText } from '../../../src/core/report/markdown.js';
import { diffMetrics } from '../../../src/core/report/metric-diff.js';
import type { MetricScalar } from '../../../src/core/report/flatten.js';

const HOSTILE = [
  'a | b',
  '`rm -rf`',
  '<script>alert(1)</script>',
  'ping @octocat now',
  '@org/team',
  'line\nbreak\r\nand\ttab',
  '**bold** _it_ [link](http://x) ~~s~~ \\',
  '<!-- modelci:comment model=churn workflow=modelci -->',
];

/** Cells of a GFM table line: split on pipes that are not backslash-escaped. */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
}

/** `@name` that GitHub would turn into a mention (and a notification). */
const LIVE_MENTION = /(^|[^\w`])@[A-Za-z0-9]/m;

describe('escapeText', () => {
  it('makes table-breaking, code, HTML and emphasis characters literal', () => {
    expect(escapeText('a | b')).toBe('a \\| b');
    expect(escapeText('`x`')).toBe('\\`x\\`');
    expect(escapeText('<script>&')).toBe('&lt;script&gt;&amp;');
    expect(escapeText('*a* _b_ [c] ~d~ \\')).toBe('\\*a\\* \\_b\\_ \\[c\\] \\~d\\~ \\\\');
    expect(escapeText('x\ny\r\nz\tw')).toBe('x y z w');
  });

  it('neutralises @mentions of users and teams with a zero-width space', () => {
    expect(escapeText('@octocat')).toBe('@&#8203;octocat');
    expect(escapeText('cc @org/team')).toBe('cc @&#8203;org/team');
    expect(escapeText('a@b.c')).toBe('a@&#8203;b.c');
    // Issue references and bare URLs are neutralised too (issue 12): GitHub would link them.
    expect(escapeText('#123 GH-1 https://x.io www.x.io')).toBe(
      '#&#8203;123 GH&#8203;-1 https&#8203;://x.io www&#8203;.x.io',
    );
  });

  it('shortens long text with an ellipsis', () => {
    expect(escapeText('abcdef', 4)).toBe('abc…');
  });
});

describe('hostile metric names and values in the comment', () => {
  const base = new Map<string, MetricScalar>();
  const head = new Map<string, MetricScalar>();
  HOSTILE.forEach((s, i) => {
    base.set(s, i); // hostile names, numeric values
    head.set(s, i + 1);
    base.set(`value${i}`, 'plain');
    head.set(`value${i}`, s); // hostile values
  });
  const { markdown } = renderComment({
    model: 'm@x',
    workflow: 'w',
    rows: diffMetrics(base, head),
  });

  it('keeps every table row at its column count', () => {
    const tables = markdown.split('\n').filter((l) => l.startsWith('|'));
    expect(tables.length).toBeGreaterThan(HOSTILE.length * 4);
    for (const line of tables) {
      const n = cells(line).length;
      expect([6, 3], line).toContain(n);
    }
  });

  it('contains no live HTML, no mentions, and no second marker', () => {
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toMatch(LIVE_MENTION);
    expect(markdown.match(/<!-- modelci:comment/g)).toHaveLength(1);
    // Only our own tags remain.
    const tags = new Set(markdown.match(/<\/?[a-z]+/g));
    expect([...tags].sort()).toEqual(
      ['</details', '</summary', '<details', '<sub', '</sub', '<summary'].sort(),
    );
  });

  it('has no unescaped backtick outside its own code span', () => {
    const withoutOwn = markdown.replace('`metrics.directions`', '');
    expect(withoutOwn).not.toMatch(/(?<!\\)`/);
  });
});
