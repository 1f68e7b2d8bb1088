/**
 * Escaping for text that comes from data or users (metric names, values, params, labels) before it
 * goes into GitHub-flavoured Markdown. The result is inline text that cannot open a tag, a code
 * span, a link or emphasis, cannot end a table cell, and cannot ping anyone.
 */

/** Zero-width space after `@`: GitHub only pings `@name` when the name follows the `@` directly. */
const MENTION_BREAK = '&#8203;';

/** Longest piece of untrusted text put in one table cell; the full text goes to <details>. */
export const MAX_CELL_CHARS = 120;
/** Longest metric name in a table: longer ones push the number columns off a laptop screen. */
export const MAX_NAME_CHARS = 60;

/**
 * What GitHub turns into links in text: `#123` and `GH-123` (issue references), bare `http://`,
 * `https://` and `www.` URLs.
 */
export const AUTOLINKED = /(?<!&)#(?=\d)|\bGH-(?=\d)|\b(?:https?|ftp):|\bwww\./gi;

/** A zero-width space after `#`, else before the last character matched, breaks the link. */
export function breakAutolink(match: string, zeroWidthSpace: string): string {
  return match === '#'
    ? `#${zeroWidthSpace}`
    : `${match.slice(0, -1)}${zeroWidthSpace}${match.slice(-1)}`;
}

export function escapeText(text: string, maxChars = Infinity): string {
  // eslint-disable-next-line no-control-regex
  let s = text.replace(/\r\n?|\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '');
  if (s.length > maxChars) s = `${s.slice(0, Math.max(0, maxChars - 1))}…`;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/@/g, `@${MENTION_BREAK}`)
    .replace(AUTOLINKED, (m) => breakAutolink(m, MENTION_BREAK));
}

/** Text for a table cell: one line, escaped, shortened. */
export function cell(text: string, maxChars = MAX_CELL_CHARS): string {
  const s = escapeText(text, maxChars);
  return s === '' ? ' ' : s;
}

export type Align = 'left' | 'right' | 'center';

/** A GFM table; cells must already be escaped with `cell()` or built from trusted text. */
export function table(header: string[], align: Align[], rows: string[][]): string {
  const sep = align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : ':---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(sep), ...rows.map(line)].join('\n');
}

/** A link destination built from our own URL pieces; encodes what would end the link early. */
export function safeUrl(url: string): string {
  return url.replace(/[\s()<>"'`\\]/g, (c) => encodeURIComponent(c));
}

export function details(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
