import { buildModelCard, sliceMetricNames, tensorText, type ModelCard } from './card.js';
import { formatBytes, formatInterval, formatTime, formatValue } from './format.js';
import { formatNumber } from '../report/number-format.js';
import type { Fingerprint } from '../report/evaluation-report.js';
import { markup, link, type Html } from './html.js';
import { badge, commitLink, dataTable, pullLink, renderPage } from './layout.js';
import { relativeLink, sitePaths } from './paths.js';
import type { CardFields, CatalogData, CatalogModel, CatalogVersion, RunEntry } from './types.js';

/**
 * A version's page is its Model Card: what it is for and not for, who owns it, the data it was
 * trained and evaluated on (fingerprints), its metrics with intervals, slices, gates, limitations
 * and ethical considerations, and where it came from.
 */
export function renderVersionPage(data: CatalogData, m: CatalogModel, v: CatalogVersion): string {
  const path = sitePaths.version(m.name, v.version);
  const crumbs = [
    { label: 'Models', path: sitePaths.catalog },
    { label: m.name, path: sitePaths.model(m.name) },
    { label: v.version },
  ];
  const title = `${m.name} ${v.version}`;
  if (!v.record) {
    const body = markup`<h1>${title}</h1>
      <div class="problem" role="alert">
        <p><strong>This version's record could not be read.</strong></p>
        <p>${v.error ?? 'unknown error'}</p>
        <p>
          File: <code>${v.file}</code>. Restore it from git history (<code
            >git log -p -- ${v.file}</code
          >); <code>modelci registry verify</code> checks every record.
        </p>
      </div>`;
    return renderPage(data, { path, title: `${title} (unreadable)`, crumbs, body });
  }
  const card = buildModelCard(m, v.record);
  return renderPage(data, {
    path,
    title: `${title} model card`,
    crumbs,
    body: cardBody(data, card, path),
  });
}

function section(id: string, title: string, content: Html): Html {
  return markup`<section aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    ${content}
  </section>`;
}

/** What the team wrote, or where to write it. */
function prose(card: ModelCard, key: keyof CardFields): Html {
  const text = card.text[key];
  if (typeof text === 'string' && text.trim()) return markup`<p class="prose">${text.trim()}</p>`;
  return markup`<p class="muted">
    Not documented. Add <code>models.${card.model}.card.${key}</code> to modelci.yaml.
  </p>`;
}

function fingerprint(fp: Fingerprint | undefined, what: string): Html {
  if (!fp) return markup`<p class="muted">No ${what} fingerprint recorded.</p>`;
  return markup`<dl class="facts">
    ${
      fp.path
        ? markup`<dt>File</dt>
            <dd><code>${fp.path}</code></dd>`
        : ''
    }
    <dt>sha256</dt>
    <dd><code>${fp.sha256}</code></dd>
    ${
      fp.rows !== undefined
        ? markup`<dt>Rows</dt>
            <dd>${fp.rows}</dd>`
        : ''
    }${
      typeof fp.bytes === 'number'
        ? markup`<dt>Size</dt>
            <dd>${formatBytes(fp.bytes)}</dd>`
        : ''
    }
  </dl>`;
}

function trainingRun(run: RunEntry | undefined): Html {
  if (!run) return markup`—`;
  const id = markup`<code>${run.id}</code>`;
  return markup`${run.url ? link(run.url, id) : id}${run.created_at ? markup` <span class="muted">(${formatTime(run.created_at)})</span>` : ''}`;
}

function cardBody(data: CatalogData, card: ModelCard, path: string): Html {
  const to = (p: string): string => relativeLink(path, p);
  const versionLink = (v: string): Html =>
    markup`<a href="${to(sitePaths.version(card.model, v))}">${v}</a>`;
  const primary = card.metrics.find((x) => x.primary);
  const l = card.lineage;
  return markup`<h1>${card.model} ${card.version} <span class="muted">model card</span></h1>
    ${card.deprecated ? markup`<p class="notice" role="note"><strong>Deprecated</strong> on ${formatTime(card.deprecated.at)} by ${card.deprecated.by}${card.deprecated.reason ? markup`: ${card.deprecated.reason}` : ''}. It can no longer be promoted.</p>` : ''}
    <p>
      ${card.stages.length ? markup`Held by ${card.stages.map((s) => badge(s, 'stage'))}` : markup`<span class="muted">No stage holds this version.</span>`}${
        primary
          ? markup` · <code>${primary.name}</code>
              <strong>${formatNumber(primary.value)}</strong
              >${primary.ci ? markup` (95% interval ${formatInterval(primary.ci)})` : ''}`
          : ''
      }${card.gates ? markup` · gates ${card.gates.passed ? markup`<span class="ok">passed</span>` : markup`<span class="bad">failed</span>`}` : ''}
    </p>
    ${section(
      'details',
      'Model details',
      markup`${card.description ? markup`<p class="prose">${card.description}</p>` : ''}
        <dl class="facts">
          <dt>Model</dt>
          <dd>${card.model}</dd>
          <dt>Version</dt>
          <dd>${card.version}</dd>
          <dt>Task</dt>
          <dd>${card.task ?? '—'}</dd>
          <dt>Owners</dt>
          <dd>${card.owners.length ? card.owners.join(', ') : '—'}</dd>
          ${
            card.text.contact
              ? markup`<dt>Contact</dt>
                  <dd>${card.text.contact}</dd>`
              : ''
          }
          ${
            card.text.license
              ? markup`<dt>License</dt>
                  <dd>${card.text.license}</dd>`
              : ''
          }
          <dt>Format</dt>
          <dd>${card.artifact.format}</dd>
          <dt>Artifact</dt>
          <dd><code>${card.artifact.uri}</code></dd>
          <dt>Artifact sha256</dt>
          <dd><code>${card.artifact.sha256}</code></dd>
          <dt>Artifact size</dt>
          <dd>${formatBytes(card.artifact.bytes)}</dd>
          <dt>Registered</dt>
          <dd>${formatTime(card.createdAt)} by ${card.createdBy}</dd>
        </dl>`,
    )}
    ${section(
      'intended-use',
      'Intended use',
      markup`${prose(card, 'intended_use')}
        <h3>Intended users</h3>
        ${prose(card, 'users')}
        <h3>Out of scope</h3>
        ${prose(card, 'out_of_scope_use')}`,
    )}
    ${section(
      'metrics',
      'Metrics',
      markup`${dataTable({
        caption: `Metrics of ${card.model} ${card.version} on the evaluation data`,
        empty: 'No metrics recorded (the version was registered without an evaluation report).',
        head: markup`<th scope="col">Metric</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">95% interval</th>
            <th scope="col">Better</th>`,
        rows: card.metrics.map(
          (x) =>
            markup`<tr>
                <th scope="row">
                  <code>${x.name}</code>${x.primary ? markup` ${badge('primary')}` : ''}
                </th>
                <td class="num">${formatNumber(x.value)}</td>
                <td class="num">${x.ci ? formatInterval(x.ci) : '—'}</td>
                <td>${x.direction ?? '—'}</td>
              </tr>`,
        ),
      })}${card.metrics.some((x) => x.ci) ? markup`<p class="muted">Intervals are 95% bootstrap confidence intervals over the evaluation rows.</p>` : ''}
        <h3>Gates</h3>
        ${
          card.gates
            ? dataTable({
                caption: 'Gate results at registration',
                head: markup`<th scope="col">Gate</th>
                  <th scope="col">Result</th>
                  <th scope="col">Why</th>`,
                rows: card.gates.results.map(
                  (g) =>
                    markup`<tr>
                      <th scope="row"><code>${g.gate}</code></th>
                      <td>
                        ${g.passed ? markup`<span class="ok">passed</span>` : markup`<span class="bad">failed</span>`}
                      </td>
                      <td>${g.reason}</td>
                    </tr>`,
                ),
                empty: 'No gates were configured.',
              })
            : markup`<p class="muted">No gate results recorded.</p>`
        }`,
    )}
    ${section('evaluation-data', 'Evaluation data', markup`${prose(card, 'evaluation_data')}${fingerprint(card.evaluationData, 'evaluation data')}`)}
    ${section('training-data', 'Training data', markup`${prose(card, 'training_data')}${fingerprint(card.trainingData, 'training data')}`)}
    ${section('slices', 'Slices', slicesTable(card))}
    ${section('limitations', 'Limitations', prose(card, 'limitations'))}
    ${section('ethics', 'Ethical considerations', prose(card, 'ethical_considerations'))}
    ${section('caveats', 'Caveats and recommendations', prose(card, 'caveats'))}
    ${section(
      'params',
      'Parameters',
      card.params && Object.keys(card.params).length
        ? dataTable({
            caption: 'Training parameters',
            head: markup`<th scope="col">Parameter</th>
              <th scope="col">Value</th>`,
            rows: Object.entries(card.params).map(
              ([k, v]) =>
                markup`<tr>
                  <th scope="row"><code>${k}</code></th>
                  <td><code>${formatValue(v)}</code></td>
                </tr>`,
            ),
          })
        : markup`<p class="muted">No parameters recorded.</p>`,
    )}
    ${section(
      'signature',
      'Signature',
      card.signature
        ? dataTable({
            caption: 'Model inputs and outputs',
            head: markup`<th scope="col">Tensor</th>
              <th scope="col">Kind</th>
              <th scope="col">Type and shape</th>`,
            rows: [
              ...card.signature.inputs.map(
                (t) =>
                  markup`<tr>
                    <th scope="row"><code>${t.name}</code></th>
                    <td>input</td>
                    <td><code>${tensorText(t)}</code></td>
                  </tr>`,
              ),
              ...card.signature.outputs.map(
                (t) =>
                  markup`<tr>
                    <th scope="row"><code>${t.name}</code></th>
                    <td>output</td>
                    <td><code>${tensorText(t)}</code></td>
                  </tr>`,
              ),
            ],
          })
        : markup`<p class="muted">No signature recorded.</p>`,
    )}
    ${section(
      'lineage',
      'Lineage',
      markup`<dl class="facts">
          <dt>Code commit</dt>
          <dd>${commitLink(data, l.commit)}${l.ref ? markup` on <code>${l.ref}</code>` : ''}</dd>
          <dt>Workflow run</dt>
          <dd>${l.run_url ? link(l.run_url, l.run_url) : '—'}</dd>
          <dt>Pull request</dt>
          <dd>${l.pull_request ? pullLink(data, l.pull_request) : '—'}</dd>
          <dt>Parent version</dt>
          <dd>${l.parent_version ? versionLink(l.parent_version) : '—'}</dd>
          <dt>Training run</dt>
          <dd>${trainingRun(card.trainingRun)}</dd>
          <dt>Registry commit</dt>
          <dd>${card.registeredIn ? commitLink(data, card.registeredIn.commit) : '—'}</dd>
        </dl>
        ${
          card.promotions.length
            ? markup`<h3>Promotions</h3>
                <ul>
                  ${card.promotions.map((e) => markup`<li>${formatTime(e.date)}: ${e.action} to ${badge(e.stage ?? '', 'stage')} by ${e.actor ?? e.author}${e.pullRequest ? markup` (pull request ${pullLink(data, e.pullRequest)})` : ''}</li>`)}
                </ul>`
            : ''
        }`,
    )}
    <p class="muted">
      The same card as Markdown with Hugging Face metadata:
      <code>modelci card ${card.model}@${card.version}</code>.
    </p>`;
}

function slicesTable(card: ModelCard): Html {
  if (card.slices.length === 0)
    return markup`<p class="muted">
      No slice metrics recorded. Set <code>models.${card.model}.evaluate.slices</code> to evaluate
      per slice.
    </p>`;
  const shown = sliceMetricNames(card);
  return dataTable({
    caption: 'Metrics per slice of the evaluation data',
    head: markup`<th scope="col">Column</th>
      <th scope="col">Value</th>
      <th scope="col" class="num">Rows</th>
      ${shown.map((n) => markup`<th scope="col" class="num">${n}</th>`)}`,
    rows: card.slices.map(
      (s) =>
        markup`<tr>
          <td><code>${s.column}</code></td>
          <td>${s.value}</td>
          <td class="num">${s.rows}</td>
          ${shown.map((n) => {
            const x = s.metrics[n];
            return markup`<td class="num">
              ${x ? `${formatNumber(x.value)}${x.ci ? ` [${formatInterval(x.ci)}]` : ''}` : '—'}
            </td>`;
          })}
        </tr>`,
    ),
  });
}
