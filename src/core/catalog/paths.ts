/**
 * Where each page of the site lives, and relative links between them: the site works from any
 * folder, from GitHub Pages under /<repo>/, and from file:// (no absolute paths, no server rules,
 * every link names its .html file). Model names and versions are validated registry names
 * (`[a-z0-9._-]`, X.Y.Z), so they are safe as path segments.
 */
export const sitePaths = {
  catalog: 'index.html',
  audit: (page = 1) => (page === 1 ? 'audit.html' : `audit-${page}.html`),
  model: (model: string) => `models/${model}/index.html`,
  modelAudit: (model: string, page = 1) =>
    page === 1 ? `models/${model}/audit.html` : `models/${model}/audit-${page}.html`,
  version: (model: string, version: string) => `models/${model}/versions/${version}.html`,
  stylesheet: 'assets/site.css',
  script: 'assets/site.js',
};

/** The link from page `from` to page `to`, both site-relative paths. */
export function relativeLink(from: string, to: string, fragment?: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}${fragment ? `#${fragment}` : ''}`;
}

/** An id for an HTML anchor from any text (stage names, metric names). */
export function anchorId(prefix: string, text: string): string {
  return `${prefix}-${
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  }`;
}
