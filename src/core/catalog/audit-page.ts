import { concerns } from './audit-log.js';
import { formatTime } from './format.js';
import { markup, link } from './html.js';
import {
  badge,
  columnHeads,
  commitLink,
  dataTable,
  filterForm,
  pullLink,
  renderPage,
  type Crumb,
} from './layout.js';
import { relativeLink, sitePaths } from './paths.js';
import type { AuditEntry, CatalogData } from './types.js';

/** Rows per audit page: a page stays a few hundred kB and filters instantly. */
export const AUDIT_PAGE_SIZE = 500;

export interface SitePage {
  path: string;
  content: string;
}

/**
 * The audit log: every registry commit with its trailers (model, action, version, stage, actor,
 * run) and the pull request that merged it, newest first, filterable in the page. Long logs are
 * split into pages of AUDIT_PAGE_SIZE; one model's log has its own pages.
 */
export function renderAuditPages(data: CatalogData, model?: string): SitePage[] {
  const entries = model ? data.audit.filter((e) => concerns(e, model)) : data.audit;
  const pathOf = (page: number): string =>
    model ? sitePaths.modelAudit(model, page) : sitePaths.audit(page);
  const pages = Math.max(1, Math.ceil(entries.length / AUDIT_PAGE_SIZE));
  const known = new Map(
    data.models.map((m) => [m.name, new Set(m.versions.map((v) => v.version))]),
  );
  const out: SitePage[] = [];
  for (let page = 1; page <= pages; page++) {
    const path = pathOf(page);
    const slice = entries.slice((page - 1) * AUDIT_PAGE_SIZE, page * AUDIT_PAGE_SIZE);
    const title = model ? `Audit log of ${model}` : 'Audit log';
    const crumbs: Crumb[] = model
      ? [
          { label: 'Models', path: sitePaths.catalog },
          { label: model, path: sitePaths.model(model) },
          { label: 'Audit log' },
        ]
      : [{ label: 'Models', path: sitePaths.catalog }, { label: 'Audit log' }];
    const pager =
      pages > 1
        ? markup`<nav class="pager" aria-label="Audit log pages">
            ${Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
              p === page
                ? markup`<span aria-current="page">page ${p}</span>`
                : markup`<a href="${relativeLink(path, pathOf(p))}">page ${p}</a>`,
            )}
          </nav>`
        : '';
    const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
    const body = markup`<h1>${title}</h1>
      <p>
        Every change to the registry is one git commit with trailers (<code>Model:</code>,
        <code>Version:</code>, <code>Stage:</code>, <code>Registry-Action:</code>,
        <code>Actor:</code>, <code>Run:</code>); this is <code>git log</code> of the registry
        folder, newest
        first.${pages > 1 ? ` Commits ${first}–${first + slice.length - 1} of ${entries.length}.` : ''}
      </p>
      ${data.hasHistory ? '' : markup`<p class="notice">The registry was not read from a git checkout: there is no history to show.</p>`}
      ${pager}
      ${
        slice.length > 1
          ? filterForm('audit-table', 'Filter the audit log', [
              ...(model
                ? []
                : [
                    {
                      name: 'model',
                      label: 'Model',
                      options: [...new Set(slice.map((e) => e.model))].sort(),
                    },
                  ]),
              {
                name: 'action',
                label: 'Action',
                options: [...new Set(slice.map((e) => e.action))].sort(),
              },
              {
                name: 'stage',
                label: 'Stage',
                options: [...new Set(slice.flatMap((e) => (e.stage ? [e.stage] : [])))].sort(),
              },
            ])
          : ''
      }
      ${dataTable({
        id: 'audit-table',
        caption: title,
        empty: 'No registry commits found.',
        head: columnHeads([
          'When',
          ...(model ? [] : ['Model']),
          'Action',
          'Version',
          'Stage',
          'By',
          'Message',
          'Run',
          'Pull request',
          'Commit',
        ]),
        rows: slice.map((e) => auditRow(data, known, e, path, !model)),
      })}
      ${pager}`;
    out.push({
      path,
      content: renderPage(data, { path, title, crumbs, body, script: slice.length > 1 }),
    });
  }
  return out;
}

function auditRow(
  data: CatalogData,
  known: Map<string, Set<string>>,
  e: AuditEntry,
  path: string,
  withModel: boolean,
) {
  const versions = known.get(e.model);
  const hasVersion = e.version !== undefined && versions?.has(e.version);
  return markup`<tr data-model="${e.model}" data-action="${e.action}" data-stage="${e.stage ?? ''}">
    <td class="time">${formatTime(e.date)}</td>
    ${
      withModel
        ? markup`<td>
            ${versions ? markup`<a href="${relativeLink(path, sitePaths.model(e.model))}">${e.model}</a>` : e.model}
          </td>`
        : ''
    }
    <td>
      ${e.action}${e.manual ? markup`<br />${badge('no trailers', 'warn')}` : ''}
    </td>
    <td>
      ${
        hasVersion
          ? markup`<a href="${relativeLink(path, sitePaths.version(e.model, e.version!))}"
              >${e.version}</a
            >`
          : (e.version ?? '—')
      }
    </td>
    <td>${e.stage ? badge(e.stage, 'stage') : '—'}</td>
    <td class="text">
      ${e.actor ?? e.author}${
        e.mergedBy ? markup`<br /><span class="muted">merged by ${e.mergedBy}</span>` : ''
      }
    </td>
    <td class="text">${e.subject}${e.body ? markup`<br /><span class="muted">${e.body}</span>` : ''}</td>
    <td>${e.run ? link(e.run, 'run') : '—'}</td>
    <td>${e.pullRequest ? pullLink(data, e.pullRequest) : '—'}</td>
    <td>${commitLink(data, e.commit)}</td>
  </tr>`;
}
