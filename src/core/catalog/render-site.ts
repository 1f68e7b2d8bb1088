import { SCRIPT, STYLESHEET } from './assets.js';
import { renderAuditPages, type SitePage } from './audit-page.js';
import { renderVersionPage } from './card-page.js';
import { renderCatalogPage } from './catalog-page.js';
import { renderModelPage } from './model-page.js';
import { sitePaths } from './paths.js';
import type { CatalogData } from './types.js';

export type { SitePage };

/**
 * Every file of the catalog site, as site-relative paths and contents: the catalog, the audit log,
 * and per model its page, its audit log and one model card per version. Pure: the adapter writes
 * them (src/catalog/write-site.ts).
 */
export function renderSite(data: CatalogData): SitePage[] {
  const pages: SitePage[] = [
    { path: sitePaths.stylesheet, content: STYLESHEET },
    { path: sitePaths.script, content: SCRIPT },
    { path: sitePaths.catalog, content: renderCatalogPage(data) },
    ...renderAuditPages(data),
  ];
  for (const m of data.models) {
    pages.push({ path: sitePaths.model(m.name), content: renderModelPage(data, m) });
    pages.push(...renderAuditPages(data, m.name));
    for (const v of m.versions)
      pages.push({
        path: sitePaths.version(m.name, v.version),
        content: renderVersionPage(data, m, v),
      });
  }
  return pages;
}
