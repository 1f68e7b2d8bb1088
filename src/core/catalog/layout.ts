import { formatTime, shortSha } from './format.js';
import { markup, link, trusted, type Html, type HtmlValue } from './html.js';
import { relativeLink, sitePaths } from './paths.js';
import type { CatalogData } from './types.js';

/**
 * The frame every page shares: landmarks (header, nav, main, footer), a skip link, breadcrumbs,
 * the one stylesheet and script, and a Content-Security-Policy that allows nothing but the site's
 * own files, so even a string that escaped escaping could not run or load anything.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export interface Crumb {
  label: string;
  /** Site-relative path; the last crumb (this page) has none. */
  path?: string;
}

export interface PageSpec {
  /** Site-relative path of this page. */
  path: string;
  title: string;
  crumbs: Crumb[];
  body: Html;
  /** Pages with filter forms load the script. */
  script?: boolean;
}

export type SiteMeta = Pick<CatalogData, 'title' | 'generatedAt' | 'commit' | 'repositoryUrl'>;

export function commitUrl(meta: SiteMeta, sha: string): string | undefined {
  return meta.repositoryUrl ? `${meta.repositoryUrl.replace(/\/+$/, '')}/commit/${sha}` : undefined;
}

export function pullUrl(meta: SiteMeta, n: number): string | undefined {
  return meta.repositoryUrl ? `${meta.repositoryUrl.replace(/\/+$/, '')}/pull/${n}` : undefined;
}

export function commitLink(meta: SiteMeta, sha: string | undefined): Html {
  if (!sha) return markup`—`;
  return link(commitUrl(meta, sha), markup`<code class="sha">${shortSha(sha)}</code>`);
}

export function pullLink(meta: SiteMeta, n: number | undefined): Html {
  if (n === undefined) return markup``;
  return link(pullUrl(meta, n), `#${n}`);
}

export function renderPage(meta: SiteMeta, page: PageSpec): string {
  const to = (p: string): string => relativeLink(page.path, p);
  const crumbs = page.crumbs.length
    ? markup`<nav class="crumbs" aria-label="Breadcrumb">
        <ol>
          ${page.crumbs.map((c, i) =>
            c.path && i < page.crumbs.length - 1
              ? markup`<li><a href="${to(c.path)}">${c.label}</a></li>`
              : markup`<li aria-current="page">${c.label}</li>`,
          )}
        </ol>
      </nav>`
    : '';
  const built = markup`Built by modelci on ${formatTime(meta.generatedAt)}${
    meta.commit ? markup` from commit ${commitLink(meta, meta.commit)}` : ''
  }.`;
  const doc = markup`<!doctype html>
<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="generator" content="modelci" />
        <title>${page.title} · ${meta.title}</title>
        <link rel="stylesheet" href="${to(sitePaths.stylesheet)}" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <div class="inner">
            <a class="brand" href="${to(sitePaths.catalog)}">${meta.title}</a>
            <nav aria-label="Site">
              <ul>
                <li><a href="${to(sitePaths.catalog)}">Models</a></li>
                <li><a href="${to(sitePaths.audit())}">Audit log</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main">${crumbs} ${page.body}</main>
        <footer class="site"><p>${built}</p></footer>
        ${page.script ? markup`<script src="${to(sitePaths.script)}"></script>` : ''}
      </body>
</html>
`;
  // Indentation of the templates is not content (no <pre> on any page; prose is pre-line, which
  // collapses spaces): dropping it keeps 500-row tables a third smaller.
  // The templates' `\n>` ends a tag on the next line: also not content.
  // Whitespace between table cells and at the edges of a cell is not content either, but each run
  // is a DOM text node: a 1,000-row audit page held 15,000 of them (a quarter of its layout time).
  return doc.value
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n+>/g, '>')
    .replace(/\s+(<\/?(?:tr|td|th|thead|tbody)[\s>])/g, '$1')
    .replace(/(<(?:tr|td|th)(?:\s[^>]*)?>)\s+/g, '$1');
}

/** A scrollable, keyboard-reachable table with a caption for screen readers. */
export function dataTable(opts: {
  caption: string;
  head: HtmlValue;
  rows: HtmlValue[];
  id?: string;
  /** Shown instead of an empty table. */
  empty?: string;
  /**
   * On a phone each row becomes a block of labelled cells instead of a table that scrolls
   * sideways: every `<td>` then needs a `data-label` (its column's name).
   */
  stack?: boolean;
}): Html {
  if (opts.rows.length === 0 && opts.empty) return markup`<p class="muted">${opts.empty}</p>`;
  return markup`<div class="table-wrap" role="region" aria-label="${opts.caption}" tabindex="0"><table${
    opts.id ? markup` id="${opts.id}"` : ''
  }${opts.stack ? markup` class="stack"` : ''}><caption class="sr-only">${opts.caption}</caption><thead><tr>${opts.head}</tr></thead><tbody>${opts.rows}</tbody></table></div>`;
}

/** The filter form of a table (hidden until the script runs: without it every row shows). */
export function filterForm(
  tableId: string,
  label: string,
  selects: { name: string; label: string; options: string[] }[],
): Html {
  return markup`<form
    class="filter"
    data-filter="${tableId}"
    role="search"
    aria-label="${label}"
    hidden
  >
    <label>Search <input type="search" name="q" autocomplete="off" /></label>${selects.map(
      (s) =>
        markup`<label
          >${s.label}
          <select name="${s.name}">
            <option value="">all</option>
            ${s.options.map((o) => markup`<option value="${o}">${o}</option>`)}
          </select></label
        >`,
    )}<output aria-live="polite"></output>
  </form>`;
}

/** `<th scope="col">` cells; a name ending in `#` is a number column (right-aligned). */
export function columnHeads(names: string[]): Html {
  return markup`${names.map((n) =>
    n.endsWith('#')
      ? markup`<th scope="col" class="num">${n.slice(0, -1)}</th>`
      : markup`<th scope="col">${n}</th>`,
  )}`;
}

export function badge(text: HtmlValue, kind = ''): Html {
  return markup`<span class="badge${kind ? ` ${kind}` : ''}">${text}</span>`;
}

export const NBSP = trusted('&nbsp;');
