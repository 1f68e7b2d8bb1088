/**
 * HTML built so that text from records, config and git can never become markup: every value put
 * into an `markup` template is escaped unless it is already `Html`, and links go through `safeHref`.
 */

/** Markup that is known to be safe: built by `markup`, or a constant of this module's callers. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | HtmlValue[];

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// Control characters other than tab and newline are not allowed in HTML text; a record could hold
// them (YAML "\x07"), so they are dropped rather than passed to the browser.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** For text between tags. */
export function escapeText(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>]/g, (c) => TEXT_ENTITIES[c]!);
}

/** For a quoted attribute value (also safe between tags, so templates use it everywhere). */
export function escapeAttr(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"'`]/g, (c) => ATTR_ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeAttr(String(value));
}

/** Tagged template: interpolated strings and numbers are escaped, `Html` is kept as it is. */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup from a constant of this codebase (CSS, fixed SVG paths); never for data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function joinHtml(parts: HtmlValue[], separator: HtmlValue = ''): Html {
  const sep = render(separator);
  return new Html(parts.map(render).join(sep));
}

/**
 * A URL from data that may become an `href`: absolute http(s) URLs and relative paths only.
 * `javascript:`, `data:`, `vbscript:`, `file:` and anything with another scheme (also when hidden
 * by case, whitespace or control characters, which browsers strip) yields undefined.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // Browsers drop these before parsing a scheme: "java\tscript:" is javascript:.
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (squeezed === '') return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(squeezed);
  if (scheme)
    return /^https?$/i.test(scheme[1]!) && /^https?:\/\/[^/]/i.test(squeezed)
      ? url.trim()
      : undefined;
  // Protocol-relative `//host/x` leaves the site; backslashes are read as slashes by browsers.
  if (/^[/\\]{2}/.test(squeezed)) return undefined;
  return url.trim();
}

/** `<a href>` for a URL from data; plain text when the URL is not safe to link. */
export function link(url: string | undefined, text: HtmlValue): Html {
  const href = safeHref(url);
  if (href === undefined) return markup`${text}`;
  // No rel="noopener noreferrer": no link opens a new window, and every page sets no-referrer.
  return new Html(`<a href="${escapeAttr(href)}">${render(text)}</a>`);
}
