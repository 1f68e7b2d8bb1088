/**
 * Escaping for text from data (column names, categories, file names) placed in GitHub Markdown:
 * nothing from data may open HTML, break a table, start code, or @mention / #reference anyone.
 */

/** For a Markdown table cell or inline text. */
export function escapeMarkdown(text: string, maxLength = 120): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return clipped
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/@/g, '&#64;')
    .replace(/#/g, '&#35;')
    .replace(/([\\*_[\]~!])/g, '\\$1');
}

/** For a double-quoted string inside a Mermaid block (entity codes are Mermaid's `#name;` form). */
export function escapeMermaid(text: string, maxLength = 40): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return clipped
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/@/g, '#64;')
    .replace(/&/g, '#38;');
}
