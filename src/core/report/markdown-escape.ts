import { AUTOLINKED, breakAutolink } from './markdown.js';

/**
 * Escaping for text from data (column names, categories, file names) placed in GitHub Markdown:
 * nothing from data may open HTML, break a table, start code, or @mention / #reference anyone.
 */

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '@': '&#64;',
  '#': '&#35;',
};

/** For a Markdown table cell or inline text. */
export function escapeMarkdown(text: string, maxLength = 120): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  // One pass: replacing characters one after another would escape the `#` and `&` of the
  // entities written before (`@` -> `&#64;` -> `&&#35;64;`).
  return clipped
    .replace(/[\r\n\t]+/g, ' ')
    .replace(AUTOLINKED, (m) => breakAutolink(m, '\u200b'))
    .replace(/[&<>|`@#]|([\\*_[\]~!])/g, (c, md?: string) =>
      md ? `\\${md}` : MARKDOWN_ENTITIES[c]!,
    );
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '@': '#64;',
  '&': '#38;',
};

/** For a double-quoted string inside a Mermaid block (entity codes are Mermaid's `#name;` form). */
export function escapeMermaid(text: string, maxLength = 40): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  // One pass, for the same reason as above (`#` of earlier entities must stay).
  return clipped.replace(/[\r\n\t]+/g, ' ').replace(/[#"<>`@&]/g, (c) => MERMAID_ENTITIES[c]!);
}
