import { describe, expect, it } from 'vitest';
import {
  escapeAttr,
  escapeText,
  link,
  markup,
  safeHref,
  trusted,
} from '../../../src/core/catalog/html.js';

describe('escaping for HTML text and attributes', () => {
  it('text: markup characters become entities, control characters go', () => {
    expect(escapeText('<script>alert(1)</script> & "q"')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"',
    );
    expect(escapeText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });

  it('attributes: quotes and backticks too, so a value cannot end its attribute', () => {
    expect(escapeAttr(`" onerror="x" '\``)).toBe('&quot; onerror=&quot;x&quot; &#39;&#96;');
  });

  it('templates escape every interpolated value and keep only Html as markup', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const out =
      markup`<a title="${evil}">${evil}</a>${trusted('<b>ok</b>')}${[1, '<i>', null, undefined, false]}`
        .value;
    expect(out).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a><b>ok</b>1&lt;i&gt;',
    );
    // Nested templates are not escaped twice.
    expect(markup`<p>${markup`<b>${'&'}</b>`}</p>`.value).toBe('<p><b>&amp;</b></p>');
  });
});

describe('safeHref: only http(s) and relative links from data', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/x',
    '\\\\evil.example\\x',
    'https:evil.example',
    '',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });

  it.each([
    [
      'https://github.com/acme/models/actions/runs/1',
      'https://github.com/acme/models/actions/runs/1',
    ],
    ['HTTP://example.com/a?b=1&c=2', 'HTTP://example.com/a?b=1&c=2'],
    ['../models/churn/index.html', '../models/churn/index.html'],
    ['audit.html?model=churn#top', 'audit.html?model=churn#top'],
  ])('keeps %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });

  it('link() renders a refused URL as plain text and an accepted one escaped', () => {
    expect(link('javascript:alert(1)', 'run').value).toBe('run');
    expect(link('https://x.example/?a="b"&c', '<run>').value).toBe(
      '<a href="https://x.example/?a=&quot;b&quot;&amp;c">&lt;run&gt;</a>',
    );
  });
});
