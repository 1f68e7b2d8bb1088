import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAuditPages, AUDIT_PAGE_SIZE } from '../../../src/core/catalog/audit-page.js';
import { renderVersionPage } from '../../../src/core/catalog/card-page.js';
import { renderCatalogPage } from '../../../src/core/catalog/catalog-page.js';
import { renderModelPage } from '../../../src/core/catalog/model-page.js';
import { renderSite } from '../../../src/core/catalog/render-site.js';
import { SCRIPT, STYLESHEET } from '../../../src/core/catalog/assets.js';
import { largeCatalog, smallCatalog } from './data.js';

/** Every `href`/`src` of a page, resolved against the page's own path. */
function references(path: string, html: string): { target: string; fragment?: string }[] {
  const out: { target: string; fragment?: string }[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = m[1]!.replace(/&amp;/g, '&');
    if (/^https?:/.test(raw)) continue;
    const [file, fragment] = raw.split('#') as [string, string | undefined];
    const target =
      file === '' ? path : posix.normalize(posix.join(posix.dirname(path), file.split('?')[0]!));
    out.push({ target, ...(fragment ? { fragment } : {}) });
  }
  return out;
}

describe('renderSite', () => {
  const data = smallCatalog();
  const pages = renderSite(data);
  const byPath = new Map(pages.map((p) => [p.path, p.content]));

  it('makes one page per model and per version, the catalog, audit logs and the assets', () => {
    const versions = data.models.reduce((n, m) => n + m.versions.length, 0);
    expect(pages).toHaveLength(2 + 1 + 1 + data.models.length * 2 + versions);
    expect(byPath.has('models/fraud/versions/1.3.0.html')).toBe(true);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });

  it('every link between pages names a page that exists, and every #fragment an id on it', () => {
    let checked = 0;
    for (const { path, content } of pages.filter((p) => p.path.endsWith('.html')))
      for (const ref of references(path, content)) {
        expect(byPath.has(ref.target), `${path} links ${ref.target}`).toBe(true);
        if (ref.fragment)
          expect(byPath.get(ref.target)!, `${path} links #${ref.fragment}`).toContain(
            `id="${ref.fragment}"`,
          );
        checked++;
      }
    expect(checked).toBeGreaterThan(200);
  });

  it('no page names another host: no http(s) src, stylesheet or script', () => {
    for (const { content } of pages) {
      expect(content).not.toMatch(/\ssrc="(https?:)?\/\//);
      expect(content).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
      expect(content).not.toMatch(/@import|url\(/);
    }
  });

  it('every page has landmarks, a language, a title and the content security policy', () => {
    for (const { path, content } of pages.filter((p) => p.path.endsWith('.html'))) {
      expect(content, path).toMatch(/^<!doctype html>\n<html lang="en">/);
      for (const tag of [
        '<header class="site">',
        '<main id="main">',
        '<footer class="site">',
        '<nav aria-label="Site">',
      ])
        expect(content, path).toContain(tag);
      expect(content, path).toMatch(/<title>[^<]+<\/title>/);
      expect(content, path).toContain(
        `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`,
      );
      expect(content, path).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    }
  });

  it('a corrupt record has a page that says so, and the catalog lists it', () => {
    const page = byPath.get('models/fraud/versions/1.3.0.html')!;
    expect(page).toContain("This version's record could not be read.");
    expect(page).toContain('malformed version record: must be a mapping');
    const catalog = byPath.get('index.html')!;
    expect(catalog).toContain('2 files could not be read.');
    expect(catalog).toContain('<code>fraud/versions/1.3.0.yaml</code>');
    expect(byPath.get('models/fraud/index.html')!).toContain('The pointer file could not be read');
  });

  it('shows runs when there are some, and says so when there are none', () => {
    expect(byPath.get('models/churn/index.html')!).toMatch(
      /<code>r1<\/code>[\s\S]*succeeded[\s\S]*0\.9/,
    );
    expect(byPath.get('models/churn/index.html')!).toContain('no run.json in the run commit');
    expect(byPath.get('models/fraud/index.html')!).toContain(
      'No training runs recorded for fraud.',
    );
  });
});

/**
 * Page weight budget (stated in docs/catalog.md): at 20 models × 500 versions the catalog stays
 * under 64 kB, a model card under 24 kB, a model page of 500 versions under 256 kB, an audit page
 * (500 commits) under 320 kB; the stylesheet and script together under 16 kB. Pages load nothing
 * else. `npm run bench -- site` measures how fast Chromium loads them from disk.
 */
describe('page weight at 20 models × 500 versions', () => {
  const data = largeCatalog(20, 500);
  const kb = (s: string) => Buffer.byteLength(s) / 1024;

  it('catalog < 64 kB', () => {
    const size = kb(renderCatalogPage(data));
    expect(size).toBeGreaterThan(8);
    expect(size).toBeLessThan(64);
  });

  it('model page with 500 versions < 256 kB', () => {
    const m = data.models[7]!;
    const page = renderModelPage(data, m);
    expect(page.match(/<tr data-stage/g)).toHaveLength(500);
    expect(kb(page)).toBeLessThan(256);
  });

  it('model card < 24 kB', () => {
    const m = data.models[7]!;
    expect(kb(renderVersionPage(data, m, m.versions[250]!))).toBeLessThan(24);
  });

  it(`audit log pages of ${AUDIT_PAGE_SIZE} commits < 320 kB each`, () => {
    const pages = renderAuditPages(data);
    expect(pages).toHaveLength(Math.ceil(data.audit.length / AUDIT_PAGE_SIZE));
    for (const p of pages) expect(kb(p.content), p.path).toBeLessThan(320);
  });

  it('puts no whitespace between table cells (each run would be a DOM node to lay out)', () => {
    const [audit] = renderAuditPages(data);
    expect(audit!.content.match(/<tr data-model/g)).toHaveLength(AUDIT_PAGE_SIZE);
    expect(audit!.content).not.toMatch(
      /<\/t[dh]>\s+<t[dh]|<t[dh][^>]*>\s|\s<\/t[dh]>|<\/tr>\s+<tr/,
    );
    // Spaces inside a cell are content: a stage badge and its version stay apart.
    expect(renderCatalogPage(data)).toMatch(
      /production<\/span> <a href="models\/model-00\/versions\//,
    );
  });

  it('stylesheet and script < 16 kB together', () => {
    expect(kb(STYLESHEET) + kb(SCRIPT)).toBeLessThan(16);
  });
});
