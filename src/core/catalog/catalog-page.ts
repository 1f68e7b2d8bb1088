import { formatAge, formatDate, formatInterval } from './format.js';
import { formatNumber } from '../report/number-format.js';
import { markup, type Html } from './html.js';
import { badge, dataTable, renderPage, type SiteMeta } from './layout.js';
import {
  approver,
  lastDrift,
  metricOf,
  primaryMetricName,
  servingStage,
  versionIndex,
} from './model-facts.js';
import { relativeLink, sitePaths } from './paths.js';
import type { CatalogData, CatalogModel, CatalogProblem, DriftCheck } from './types.js';

/**
 * The front page: one row per model answering what a reader comes for: what serves users (and
 * since when, approved by whom), how good it is with its interval, whether it drifts, who owns it.
 */
export function renderCatalogPage(data: CatalogData): string {
  const path = sitePaths.catalog;
  const to = (p: string): string => relativeLink(path, p);
  const versions = data.models.reduce((n, m) => n + m.versions.length, 0);
  const rows = data.models.map((m) => modelRow(data, m, to));
  const body = markup`<h1>${data.title}</h1>
    <p class="muted">
      ${data.models.length} model${data.models.length === 1 ? '' : 's'} · ${versions}
      version${versions === 1 ? '' : 's'} ·
      ${data.hasHistory ? markup`<a href="${to(sitePaths.audit())}">${data.audit.length} registry commits</a>` : 'no git history (the registry was not read from a git checkout)'}
    </p>
    ${data.problems.length ? markup`<p class="problem" role="alert"><strong>${data.problems.length} file${data.problems.length === 1 ? '' : 's'} could not be read.</strong> They are listed <a href="#problems">below</a> and marked on their pages; everything else is shown.</p>` : ''}
    <h2 id="models">Models</h2>
    ${dataTable({
      caption: 'Models: what each stage holds, its quality and drift',
      empty: 'The registry holds no models yet. Register one with `modelci register`.',
      head: markup`<th scope="col">Model</th>
        <th scope="col">Serving</th>
        <th scope="col">Quality</th>
        <th scope="col">Drift</th>
        <th scope="col">Other stages</th>
        <th scope="col">Latest</th>
        <th scope="col">Owners</th>`,
      rows,
      stack: true,
    })}
    ${problemsSection(data.problems, path)}`;
  return renderPage(data, { path, title: 'Models', crumbs: [], body });
}

function modelRow(
  meta: SiteMeta & { stageOrder: string[]; generatedAt: string },
  m: CatalogModel,
  to: (p: string) => string,
): Html {
  const byVersion = versionIndex(m);
  const serving = servingStage(m, meta.stageOrder);
  const servingRecord = serving?.pointer
    ? byVersion.get(serving.pointer.version)?.record
    : undefined;
  const primary = primaryMetricName(m);
  const metric = metricOf(servingRecord, primary);
  const latest = m.versions[m.versions.length - 1];
  const who = serving ? approver(m, serving) : undefined;
  const versionLink = (v: string): Html =>
    byVersion.has(v)
      ? markup`<a href="${to(sitePaths.version(m.name, v))}">${v}</a>`
      : markup`${v} <span class="bad">(not registered)</span>`;
  const servingCell = serving?.pointer
    ? markup`${badge(serving.stage, 'stage')} ${versionLink(serving.pointer.version)}<br /><span
          class="muted"
          >since
          ${formatDate(serving.pointer.promoted_at)}${ageSuffix(serving.pointer.promoted_at, meta.generatedAt)}</span
        ><br /><span class="muted">${who ? markup`${who.how} by ${who.by}` : ''}</span>`
    : markup`<span class="muted">nothing promoted</span>`;
  const quality =
    metric && primary
      ? markup`<span class="mono">${primary}</span><br /><strong>${formatNumber(metric.value)}</strong>${
          metric.ci
            ? markup`<br /><span class="muted time">95% CI [${formatInterval(metric.ci)}]</span>`
            : ''
        }`
      : markup`<span class="muted"
          >${primary ? `no ${primary} recorded` : 'no metrics recorded'}</span
        >`;
  const others = m.stages
    .filter((s) => s !== serving)
    .map((s) =>
      s.pointer
        ? markup`${badge(s.stage, 'stage')} ${versionLink(s.pointer.version)} `
        : s.error
          ? markup`${badge(s.stage, 'bad')} <span class="bad">unreadable</span> `
          : '',
    );
  const problems =
    (m.recordError ? 1 : 0) +
    m.versions.filter((v) => v.error).length +
    m.stages.filter((s) => s.error).length;
  return markup`<tr>
    <th scope="row">
      <a href="${to(sitePaths.model(m.name))}">${m.name}</a>${
        m.description ? markup`<br /><span class="muted">${clip(m.description, 140)}</span>` : ''
      }${problems ? markup`<br /><span class="bad">${problems} unreadable file${problems === 1 ? '' : 's'}</span>` : ''}
    </th>
    <td class="text" data-label="Serving">${servingCell}</td>
    <td data-label="Quality">${quality}</td>
    <td data-label="Drift">${driftCell(lastDrift(m))}</td>
    <td data-label="Other stages">${others.length ? others : markup`<span class="muted">—</span>`}</td>
    <td data-label="Latest">
      ${
        latest
          ? markup`${versionLink(latest.version)}<br /><span class="muted"
                >${formatDate(latest.record?.created_at)}</span
              >`
          : markup`<span class="muted">no versions</span>`
      }
    </td>
    <td class="text" data-label="Owners">${m.owners.length ? m.owners.join(', ') : markup`<span class="muted">—</span>`}</td>
  </tr>`;
}

function ageSuffix(at: string | undefined, now: string): string {
  const age = formatAge(at, now);
  return age ? ` (${age})` : '';
}

export function driftCell(d: DriftCheck | undefined): Html {
  if (!d) return markup`<span class="muted">not checked</span>`;
  const share = `${(d.share * 100).toFixed(0)}% of columns`;
  return d.drifted
    ? markup`<span class="bad">drifting</span><br /><span class="muted"
          >${share}${d.performance_drifted ? ', performance dropped' : ''} ·
          ${formatDate(d.at)}</span
        >`
    : markup`<span class="ok">stable</span><br /><span class="muted"
          >${share} · ${formatDate(d.at)}</span
        >`;
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Every file that could not be read, with a link to the page that shows it. */
export function problemsSection(problems: CatalogProblem[], from: string): Html {
  if (problems.length === 0) return markup``;
  const to = (p: string): string => relativeLink(from, p);
  return markup`<h2 id="problems">Problems</h2>
    <p>
      These registry and drift history files could not be read. The site shows everything else;
      <code>modelci registry verify</code> checks the registry's files.
    </p>
    ${dataTable({
      caption: 'Files that could not be read',
      head: markup`<th scope="col">File</th>
        <th scope="col">Problem</th>
        <th scope="col">Shown on</th>`,
      rows: problems.map(
        (p) =>
          markup`<tr>
            <td><code>${p.file}</code></td>
            <td>${p.message}</td>
            <td>
              ${
                p.model && p.version
                  ? markup`<a href="${to(sitePaths.version(p.model, p.version))}"
                      >${p.model} ${p.version}</a
                    >`
                  : p.model
                    ? markup`<a href="${to(sitePaths.model(p.model))}">${p.model}</a>`
                    : '—'
              }
            </td>
          </tr>`,
      ),
    })}`;
}
