import { metricDirection } from '../report/direction.js';
import { renderLineChart, type ChartPoint } from './chart.js';
import { driftCell } from './catalog-page.js';
import { formatAge, formatDate, formatMetric, formatTime, paramsText } from './format.js';
import { markup, link, type Html } from './html.js';
import {
  badge,
  columnHeads,
  commitLink,
  dataTable,
  filterForm,
  pullLink,
  renderPage,
} from './layout.js';
import {
  approver,
  metricNames,
  metricOf,
  primaryMetricName,
  stageTimeline,
  stagesHolding,
} from './model-facts.js';
import { relativeLink, sitePaths } from './paths.js';
import type { CatalogData, CatalogModel, CatalogStage } from './types.js';

/** Metric columns in the versions table (the primary one first); the rest are on each card. */
const TABLE_METRICS = 4;
/** Charts on the model page, one per metric. */
const CHARTS = 6;
/** Drift checks listed in the table (the chart shows all). */
const DRIFT_ROWS = 30;

/**
 * A model's page: stages (what, since when, approved by whom), metrics across versions with their
 * intervals, every version, the stage timeline from git history, drift over time and runs.
 */
export function renderModelPage(data: CatalogData, m: CatalogModel): string {
  const path = sitePaths.model(m.name);
  const to = (p: string): string => relativeLink(path, p);
  const primary = primaryMetricName(m);
  const direction = primary ? (m.direction ?? metricDirection(primary)) : undefined;
  const ownProblems = [
    ...(m.recordError ? [markup`<code>model.yaml</code>: ${m.recordError}`] : []),
    ...m.stages
      .filter((s) => s.error)
      .map((s) => markup`<code>stages/${s.stage}.yaml</code>: ${s.error}`),
    ...m.versions
      .filter((v) => v.error)
      .map(
        (v) =>
          markup`<a href="${to(sitePaths.version(m.name, v.version))}">${v.version}</a>: ${v.error}`,
      ),
  ];
  const body = markup`<h1>${m.name}</h1>
    ${m.description ? markup`<p class="prose">${m.description}</p>` : ''}
    ${
      ownProblems.length
        ? markup`<div class="problem" role="alert">
            <p>
              <strong
                >${ownProblems.length} file${ownProblems.length === 1 ? '' : 's'} of this model
                could not be read:</strong
              >
            </p>
            <ul>
              ${ownProblems.map((p) => markup`<li>${p}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <dl class="facts">
      <dt>Task</dt>
      <dd>${m.task ?? '—'}</dd>
      <dt>Primary metric</dt>
      <dd>
        ${primary ? markup`<code>${primary}</code>${direction ? ` (${direction} is better)` : ''}` : '—'}
      </dd>
      <dt>Owners</dt>
      <dd>${m.owners.length ? m.owners.join(', ') : '—'}</dd>
      <dt>Versions</dt>
      <dd>${m.versions.length}</dd>
      ${
        m.record
          ? markup`<dt>Registered since</dt>
              <dd>${formatTime(m.record.created_at)}</dd>`
          : ''
      }
    </dl>
    <p>
      <a href="${to(sitePaths.modelAudit(m.name))}">Audit log of ${m.name}</a> (${m.history.length}
      commits)
    </p>
    ${manualEdits(m, to)}
    <h2 id="stages">Stages</h2>
    ${stageCards(data, m, path)}
    <h2 id="metrics">Metrics across versions</h2>
    ${metricCharts(data, m)}
    <h2 id="versions">Versions</h2>
    ${versionsTable(data, m, path)}
    <h2 id="timeline">Stage timeline</h2>
    ${timelineTable(data, m)}
    <h2 id="drift">Drift</h2>
    ${driftSection(m)}
    <h2 id="runs">Runs</h2>
    ${runsSection(data, m)}`;
  return renderPage(data, {
    path,
    title: m.name,
    crumbs: [{ label: 'Models', path: sitePaths.catalog }, { label: m.name }],
    body,
    script: true,
  });
}

/** Commits that changed this model's files by hand: an auditor wants to see them first. */
function manualEdits(m: CatalogModel, to: (p: string) => string): Html {
  const n = m.history.filter((e) => e.manual).length;
  if (n === 0) return markup``;
  return markup`<p class="notice" role="note">
    ${n} commit${n === 1 ? '' : 's'} changed files of ${m.name} without modelci's trailers (by hand,
    not through register or promote): see them in the
    <a href="${to(sitePaths.modelAudit(m.name))}?action=edit">audit log</a>.
  </p>`;
}

function stageCards(data: CatalogData, m: CatalogModel, path: string): Html {
  const to = (p: string): string => relativeLink(path, p);
  const known = new Set(m.versions.map((v) => v.version));
  if (m.stages.length === 0)
    return markup`<p class="muted">No stage holds a version of ${m.name} yet.</p>`;
  return markup`<div class="cards">${m.stages.map((s) => stageCard(data, m, s, known, to))}</div>`;
}

function stageCard(
  data: CatalogData,
  m: CatalogModel,
  s: CatalogStage,
  known: Set<string>,
  to: (p: string) => string,
): Html {
  if (s.error)
    return markup`<section class="card problem" aria-label="Stage ${s.stage}">
      <h3>${s.stage}</h3>
      <p class="bad">The pointer file could not be read: ${s.error}</p>
    </section>`;
  const p = s.pointer;
  if (!p)
    return markup`<section class="card" aria-label="Stage ${s.stage}">
      <h3>${s.stage}</h3>
      <p class="muted">holds no version</p>
    </section>`;
  const who = approver(m, s);
  const event = who?.event;
  const age = formatAge(p.promoted_at, data.generatedAt);
  return markup`<section class="card" aria-label="Stage ${s.stage}">
    <h3>${s.stage}</h3>
    <p>
      <strong
        >${known.has(p.version) ? markup`<a href="${to(sitePaths.version(m.name, p.version))}">${m.name} ${p.version}</a>` : markup`${p.version} <span class="bad">(not registered)</span>`}</strong
      >${p.rollback ? markup` ${badge('rollback', 'warn')}` : ''}
    </p>
    <p>since ${formatTime(p.promoted_at)}${age ? ` (${age})` : ''}</p>
    <p>
      ${who ? markup`${who.how} by <strong>${who.by}</strong>` : ''}${event?.actor && who && event.actor !== who.by ? ` (run by ${event.actor})` : ''}
    </p>
    ${p.reason ? markup`<p>why: ${p.reason}</p>` : ''}
    ${p.previous ? markup`<p class="muted">before: ${known.has(p.previous) ? markup`<a href="${to(sitePaths.version(m.name, p.previous))}">${p.previous}</a>` : p.previous}</p>` : ''}
    <p class="muted">
      ${p.run_url ? markup`${link(p.run_url, 'workflow run')} · ` : ''}${event?.pullRequest ? markup`pull request ${pullLink(data, event.pullRequest)} · ` : ''}${event ? markup`commit ${commitLink(data, event.commit)}` : ''}
    </p>
  </section>`;
}

function metricCharts(data: CatalogData, m: CatalogModel): Html {
  const names = metricNames(m).slice(0, CHARTS);
  if (names.length === 0)
    return markup`<p class="muted">
      No version of ${m.name} has recorded metrics (register with an evaluation report to record
      them).
    </p>`;
  const marks = new Map<string, string>();
  for (const s of m.stages)
    if (s.pointer)
      marks.set(
        s.pointer.version,
        [marks.get(s.pointer.version), s.stage].filter(Boolean).join(', '),
      );
  return markup`<div class="charts">
      ${names.map((name, i) => {
        const points: ChartPoint[] = [];
        for (const v of m.versions) {
          const metric = metricOf(v.record, name);
          if (!metric) continue;
          const mark = marks.get(v.version);
          points.push({
            label: v.version,
            value: metric.value,
            ...(metric.ci ? { low: metric.ci[0], high: metric.ci[1] } : {}),
            ...(mark ? { mark } : {}),
          });
        }
        return markup`<figure>
          ${renderLineChart({ id: `chart-${i}`, title: `${name} by version`, points, unit: 'version' })}
          <figcaption>
            <code>${name}</code> of each
            version${points.some((p) => p.low !== undefined) ? ' with its 95% interval (band)' : ''};
            dashed lines mark what the stages hold.
          </figcaption>
        </figure>`;
      })}
    </div>
    <p class="muted">
      Values of every version are in the table below${data.hasHistory ? '' : ''}.
    </p>`;
}

function versionsTable(data: CatalogData, m: CatalogModel, path: string): Html {
  const to = (p: string): string => relativeLink(path, p);
  const names = metricNames(m).slice(0, TABLE_METRICS);
  const rows = [...m.versions].reverse().map((v) => {
    const r = v.record;
    const stages = stagesHolding(m, v.version);
    const state = v.error
      ? 'unreadable'
      : r?.deprecated
        ? 'deprecated'
        : r?.gates
          ? r.gates.passed
            ? 'passed'
            : 'failed'
          : 'no gates';
    return markup`<tr data-stage="${stages.join(' ') || 'none'}" data-state="${state}">
      <th scope="row"><a href="${to(sitePaths.version(m.name, v.version))}">${v.version}</a></th>
      ${
        v.error
          ? markup`<td colspan="${names.length + 3}" class="bad">unreadable: ${v.error}</td>`
          : markup`<td>${formatDate(r?.created_at)}</td>
              <td>${r?.created_by ?? '—'}</td>
              ${names.map((n) => markup`<td class="num">${formatMetric(metricOf(r, n))}</td>`)}
              <td>
                ${
                  r?.gates
                    ? r.gates.passed
                      ? markup`<span class="ok">passed</span>`
                      : markup`<span class="bad">failed</span>`
                    : markup`<span class="muted">—</span>`
                }${r?.deprecated ? markup` ${badge('deprecated', 'warn')}` : ''}
              </td>`
      }
      <td>${stages.map((s) => badge(s, 'stage'))}</td>
    </tr>`;
  });
  const stageNames = [...new Set([...data.stageOrder, ...m.stages.map((s) => s.stage)])];
  return markup`${
    m.versions.length > 10
      ? filterForm('versions-table', 'Filter versions', [
          { name: 'stage', label: 'Stage', options: [...stageNames, 'none'] },
          {
            name: 'state',
            label: 'Gates',
            options: ['passed', 'failed', 'no gates', 'deprecated', 'unreadable'],
          },
        ])
      : ''
  }${dataTable({
    id: 'versions-table',
    caption: `Versions of ${m.name}, newest first`,
    empty: `${m.name} has no versions yet.`,
    head: markup`<th scope="col">Version</th>
      <th scope="col">Registered</th>
      <th scope="col">By</th>
      ${names.map((n) => markup`<th scope="col" class="num">${n}</th>`)}
      <th scope="col">Gates</th>
      <th scope="col">Stages</th>`,
    rows,
  })}${names.length ? markup`<p class="muted">Metrics as value [95% interval].</p>` : ''}`;
}

function timelineTable(data: CatalogData, m: CatalogModel): Html {
  if (!data.hasHistory)
    return markup`<p class="notice">
      The registry was not read from a git checkout, so the timeline is unknown; the stage cards
      above show the current pointers.
    </p>`;
  const events = stageTimeline(m);
  return dataTable({
    caption: `Promotions and rollbacks of ${m.name}, newest first`,
    empty: `No promotion of ${m.name} is recorded in git history.`,
    head: columnHeads([
      'When',
      'Stage',
      'Version',
      'What',
      'By',
      'Why',
      'Run',
      'Pull request',
      'Commit',
    ]),
    rows: events.map(
      (e) =>
        markup`<tr>
          <td class="time">${formatTime(e.date)}</td>
          <td>${badge(e.stage ?? '', 'stage')}</td>
          <td>${e.version ?? '—'}</td>
          <td>${e.action}</td>
          <td class="text">
            ${e.actor ?? e.author}${e.mergedBy ? markup`<br /><span class="muted">merged by ${e.mergedBy}</span>` : ''}
          </td>
          <td class="text">${e.body ?? ''}</td>
          <td>${e.run ? link(e.run, 'run') : '—'}</td>
          <td>${e.pullRequest ? pullLink(data, e.pullRequest) : '—'}</td>
          <td>${commitLink(data, e.commit)}</td>
        </tr>`,
    ),
  });
}

function driftSection(m: CatalogModel): Html {
  if (m.drift.length === 0)
    return markup`<p class="muted">
      No drift checks recorded for ${m.name}. The drift workflow's history file (<code
        >modelci drift --history</code
      >) feeds this section: pass it to <code>modelci site --drift-history</code>.
    </p>`;
  const last = m.drift[m.drift.length - 1]!;
  const threshold = last.threshold;
  const chart = renderLineChart({
    id: 'chart-drift',
    title: 'Share of drifted columns by check',
    unit: 'check',
    yDomain: [0, 1],
    format: (v) => `${(v * 100).toFixed(0)}%`,
    ...(threshold !== undefined
      ? { threshold: { value: threshold, label: `threshold ${(threshold * 100).toFixed(0)}%` } }
      : {}),
    points: m.drift.map((d) => ({
      label: formatDate(d.at),
      value: d.share,
      kind: d.drifted ? 'bad' : 'good',
    })),
  });
  const rows = [...m.drift]
    .reverse()
    .slice(0, DRIFT_ROWS)
    .map(
      (d) =>
        markup`<tr>
          <td class="time">${formatTime(d.at)}</td>
          <td>${driftCell(d)}</td>
          <td class="num">${d.n_drifted} of ${d.n_tested}</td>
          <td>
            ${d.performance_drifted === undefined ? markup`<span class="muted">not checked</span>` : d.performance_drifted ? markup`<span class="bad">dropped</span>` : markup`<span class="ok">held</span>`}
          </td>
          <td>${d.run_url ? link(d.run_url, 'run') : '—'}</td>
        </tr>`,
    );
  return markup`<p>Last check ${formatTime(last.at)}: ${driftCell(last)}</p>
    <figure>
      ${chart}
      <figcaption>Share of columns that drifted at each check (red: drift found).</figcaption>
    </figure>
    ${dataTable({
      caption: `Drift checks of ${m.name}, newest first`,
      head: markup`<th scope="col">When</th>
        <th scope="col">Verdict</th>
        <th scope="col" class="num">Drifted columns</th>
        <th scope="col">Performance</th>
        <th scope="col">Run</th>`,
      rows,
    })}${m.drift.length > DRIFT_ROWS ? markup`<p class="muted">The ${DRIFT_ROWS} newest of ${m.drift.length} checks; the chart shows all.</p>` : ''}`;
}

function runsSection(data: CatalogData, m: CatalogModel): Html {
  if (m.runs.length === 0)
    return markup`<p class="muted">No training runs recorded for ${m.name}.</p>`;
  const metrics = [...new Set(m.runs.flatMap((r) => Object.keys(r.metrics ?? {})))].slice(
    0,
    TABLE_METRICS,
  );
  const path = sitePaths.model(m.name);
  const to = (p: string): string => relativeLink(path, p);
  const known = new Set(m.versions.map((v) => v.version));
  return dataTable({
    caption: `Training runs of ${m.name}, newest first`,
    head: markup`<th scope="col">Run</th>
      <th scope="col">When</th>
      <th scope="col">Status</th>
      <th scope="col">Commit</th>
      ${metrics.map((n) => markup`<th scope="col" class="num">${n}</th>`)}
      <th scope="col">Params</th>
      <th scope="col">Version</th>`,
    rows: m.runs.map((r) =>
      r.error
        ? markup`<tr>
            <th scope="row"><code>${r.id}</code></th>
            <td colspan="${metrics.length + 5}" class="bad">${r.error}</td>
          </tr>`
        : markup`<tr>
            <th scope="row">
              ${r.url ? link(r.url, markup`<code>${r.id}</code>`) : markup`<code>${r.id}</code>`}
            </th>
            <td class="time">${formatTime(r.created_at)}</td>
            <td>
              ${r.status ? markup`<span class="${r.status === 'failed' ? 'bad' : ''}">${r.status}</span>` : '—'}
              ${r.failure ? markup`<div class="muted">${r.failure}</div>` : ''}
              ${r.tags?.length ? markup`<div>${r.tags.map((t) => badge(t))}</div>` : ''}
            </td>
            <td>${commitLink(data, r.commit)}</td>
            ${metrics.map((n) => markup`<td class="num">${formatMetric(r.metrics?.[n])}</td>`)}
            <td><code>${paramsText(r.params)}</code></td>
            <td>
              ${r.version ? (known.has(r.version) ? markup`<a href="${to(sitePaths.version(m.name, r.version))}">${r.version}</a>` : r.version) : '—'}
            </td>
          </tr>`,
    ),
  });
}
