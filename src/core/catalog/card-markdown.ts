import { stringify } from 'yaml';
import type { Fingerprint } from '../report/evaluation-report.js';
import { cell, escapeText, safeUrl, table } from '../report/markdown.js';
import { formatNumber } from '../report/number-format.js';
import { sliceMetricNames, tensorText, type ModelCard } from './card.js';
import { formatBytes, formatInterval, formatTime, formatValue } from './format.js';
import { safeHref } from './html.js';
import type { CardFields } from './types.js';

/**
 * The Model Card as Markdown with Hugging Face's YAML metadata (`license`, `library_name`, `tags`,
 * `datasets`, `metrics`, `model-index` with one result per evaluation), so the file can be
 * committed next to the model or pushed to a model hub as its README.md. Every string from the
 * registry or the config is escaped: it cannot open HTML, a link, a code span or a table cell, nor
 * mention anyone.
 */
export interface CardMarkdownOptions {
  /** Links commits and pull requests (`https://github.com/acme/models`). */
  repositoryUrl?: string;
}

const REGRESSION_METRICS = /^(rmse|mse|mae|mape|r2|r_squared)$/;

/** Hugging Face's task id for a tabular model. */
export function hubTask(card: ModelCard): { type: string; name: string } {
  const regression =
    card.task === 'regression' ||
    (!card.task &&
      card.metrics.length > 0 &&
      card.metrics.every((m) => REGRESSION_METRICS.test(m.name)));
  if (regression) return { type: 'tabular-regression', name: 'Tabular regression' };
  return {
    type: 'tabular-classification',
    name:
      card.task === 'multiclass'
        ? 'Multiclass classification'
        : card.task === 'binary'
          ? 'Binary classification'
          : 'Tabular classification',
  };
}

/** The YAML metadata block (without the `---` fences). */
export function hubMetadata(card: ModelCard): Record<string, unknown> {
  const task = hubTask(card);
  const evalName = card.evaluationData?.path
    ? baseName(card.evaluationData.path)
    : 'evaluation data';
  const meta: Record<string, unknown> = {};
  if (card.text.license) meta.license = card.text.license;
  if (card.artifact.format === 'onnx') meta.library_name = 'onnx';
  meta.tags = [...new Set(['modelci', task.type, ...(card.text.tags ?? [])])];
  if (card.text.datasets?.length) meta.datasets = card.text.datasets;
  if (card.metrics.length) meta.metrics = card.metrics.map((m) => m.name);
  if (card.metrics.length)
    meta['model-index'] = [
      {
        name: card.model,
        results: [
          {
            task,
            dataset: {
              type: card.text.datasets?.[0] ?? evalName,
              name: evalName,
              ...(card.evaluationData?.sha256 ? { revision: card.evaluationData.sha256 } : {}),
            },
            metrics: card.metrics.map((m) => ({
              type: m.name,
              value: m.value,
              name: m.ci ? `${m.name} (95% CI ${formatInterval(m.ci)})` : m.name,
            })),
          },
        ],
      },
    ];
  // Hub tools ignore keys they do not know; these say exactly which registry version this is.
  meta.modelci = {
    model: card.model,
    version: card.version,
    artifact_sha256: card.artifact.sha256,
    registered_at: card.createdAt,
    ...(card.stages.length ? { stages: card.stages } : {}),
  };
  return meta;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Multi-line text from the config: escaped line by line, block markers at line start made literal. */
export function escapeProse(text: string): string {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) =>
      // A backslash escapes punctuation only: `1.` becomes `1\.`, not `\1.`.
      escapeText(line)
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('  \n');
}

/**
 * `[#4](…/pull/4)`: the number is a schema-checked integer and link text is never autolinked, so
 * the `#` keeps its usual look instead of the zero-width break escapeText puts after it.
 */
function pullLink(n: number, url: string): string {
  const href = safeHref(url);
  return Number.isInteger(n) && href && /^https?:/i.test(href)
    ? `[#${n}](${safeUrl(href)})`
    : `&#35;${escapeText(String(n))}`;
}

function link(text: string, url: string | undefined): string {
  const href = safeHref(url);
  return href && /^https?:/i.test(href)
    ? `[${escapeText(text)}](${safeUrl(href)})`
    : escapeText(text);
}

export function renderCardMarkdown(card: ModelCard, opts: CardMarkdownOptions = {}): string {
  const repo = opts.repositoryUrl?.replace(/\/+$/, '');
  const out: string[] = [
    '---',
    stringify(hubMetadata(card), { lineWidth: 0 }).trimEnd(),
    '---',
    '',
  ];
  const prose = (key: keyof CardFields): string => {
    const t = card.text[key];
    return typeof t === 'string' && t.trim()
      ? escapeProse(t)
      : `_Not documented: add \`models.${escapeText(card.model)}.card.${key}\` to modelci.yaml._`;
  };
  out.push(`# ${escapeText(card.model)} ${card.version}`, '');
  if (card.description) out.push(escapeProse(card.description), '');
  if (card.deprecated)
    out.push(
      `> **Deprecated** on ${formatTime(card.deprecated.at)} by ${escapeText(card.deprecated.by)}${card.deprecated.reason ? `: ${escapeText(card.deprecated.reason)}` : ''}.`,
      '',
    );
  out.push('## Model details', '');
  const details: [string, string][] = [
    ['Model', escapeText(card.model)],
    ['Version', card.version],
    ['Task', card.task ?? '—'],
    ['Owners', card.owners.length ? card.owners.map((o) => escapeText(o)).join(', ') : '—'],
    ...(card.text.contact ? [['Contact', escapeText(card.text.contact)] as [string, string]] : []),
    ...(card.text.license ? [['License', escapeText(card.text.license)] as [string, string]] : []),
    ['Stages', card.stages.length ? card.stages.map((s) => escapeText(s)).join(', ') : 'none'],
    ['Format', escapeText(card.artifact.format)],
    ['Artifact', `\`${codeText(card.artifact.uri)}\``],
    ['Artifact sha256', `\`${codeText(card.artifact.sha256)}\``],
    ['Artifact size', formatBytes(card.artifact.bytes)],
    ['Registered', `${formatTime(card.createdAt)} by ${escapeText(card.createdBy)}`],
  ];
  out.push(...details.map(([k, v]) => `- **${k}:** ${v}`), '');
  out.push(
    '## Intended use',
    '',
    prose('intended_use'),
    '',
    '### Intended users',
    '',
    prose('users'),
    '',
  );
  out.push('### Out of scope', '', prose('out_of_scope_use'), '');
  out.push('## Metrics', '');
  if (card.metrics.length) {
    out.push(
      table(
        ['Metric', 'Value', '95% interval', 'Better'],
        ['left', 'right', 'right', 'left'],
        card.metrics.map((m) => [
          `${cell(m.name)}${m.primary ? ' (primary)' : ''}`,
          formatNumber(m.value),
          m.ci ? formatInterval(m.ci) : '—',
          m.direction ?? '—',
        ]),
      ),
      '',
    );
    if (card.metrics.some((m) => m.ci))
      out.push('Intervals are 95% bootstrap confidence intervals over the evaluation rows.', '');
  } else out.push('No metrics recorded.', '');
  if (card.gates) {
    out.push('### Gates', '');
    out.push(
      card.gates.results.length
        ? table(
            ['Gate', 'Result', 'Why'],
            ['left', 'left', 'left'],
            card.gates.results.map((g) => [
              cell(g.gate),
              g.passed ? 'passed' : '**failed**',
              cell(g.reason, 300),
            ]),
          )
        : 'No gates were configured.',
      '',
    );
  }
  out.push(
    '## Evaluation data',
    '',
    prose('evaluation_data'),
    '',
    ...fingerprintLines(card.evaluationData),
    '',
  );
  out.push(
    '## Training data',
    '',
    prose('training_data'),
    '',
    ...fingerprintLines(card.trainingData),
    '',
  );
  out.push('## Slices', '');
  if (card.slices.length) {
    const names = sliceMetricNames(card);
    out.push(
      table(
        ['Column', 'Value', 'Rows', ...names.map((n) => cell(n))],
        ['left', 'left', 'right', ...names.map(() => 'right' as const)],
        card.slices.map((s) => [
          cell(s.column),
          cell(s.value),
          String(s.rows),
          ...names.map((n) => {
            const x = s.metrics[n];
            return x ? `${formatNumber(x.value)}${x.ci ? ` [${formatInterval(x.ci)}]` : ''}` : '—';
          }),
        ]),
      ),
      '',
    );
  } else out.push('No slice metrics recorded.', '');
  out.push('## Limitations', '', prose('limitations'), '');
  out.push('## Ethical considerations', '', prose('ethical_considerations'), '');
  out.push('## Caveats and recommendations', '', prose('caveats'), '');
  if (card.params && Object.keys(card.params).length)
    out.push(
      '## Parameters',
      '',
      table(
        ['Parameter', 'Value'],
        ['left', 'left'],
        Object.entries(card.params).map(([k, v]) => [cell(k), cell(formatValue(v), 300)]),
      ),
      '',
    );
  if (card.signature)
    out.push(
      '## Signature',
      '',
      table(
        ['Tensor', 'Kind', 'Type and shape'],
        ['left', 'left', 'left'],
        [
          ...card.signature.inputs.map((t) => [cell(t.name), 'input', cell(tensorText(t))]),
          ...card.signature.outputs.map((t) => [cell(t.name), 'output', cell(tensorText(t))]),
        ],
      ),
      '',
    );
  const l = card.lineage;
  const commit = (sha: string | undefined): string =>
    sha
      ? repo
        ? link(sha.slice(0, 12), `${repo}/commit/${sha}`)
        : `\`${codeText(sha.slice(0, 12))}\``
      : '—';
  out.push('## Lineage', '');
  out.push(
    `- **Code commit:** ${commit(l.commit)}${l.ref ? ` on \`${codeText(l.ref)}\`` : ''}`,
    `- **Workflow run:** ${l.run_url ? link('run', l.run_url) : '—'}`,
    `- **Pull request:** ${l.pull_request ? (repo ? pullLink(l.pull_request, `${repo}/pull/${l.pull_request}`) : `&#35;${l.pull_request}`) : '—'}`,
    `- **Parent version:** ${l.parent_version ?? '—'}`,
    `- **Training run:** ${card.trainingRun ? (card.trainingRun.url ? link(card.trainingRun.id, card.trainingRun.url) : `\`${codeText(card.trainingRun.id)}\``) : '—'}`,
    `- **Registry commit:** ${commit(card.registeredIn?.commit)}`,
  );
  if (card.promotions.length) out.push('', '### Promotions', '');
  for (const e of card.promotions)
    out.push(
      `- ${formatTime(e.date)}: ${escapeText(e.action)} to ${escapeText(e.stage ?? '')} by ${escapeText(e.actor ?? e.author)}`,
    );
  out.push(
    '',
    `_Generated by modelci from the registry record of ${escapeText(card.model)} ${card.version}._`,
    '',
  );
  return out.join('\n');
}

function fingerprintLines(fp: Fingerprint | undefined): string[] {
  if (!fp) return ['No fingerprint recorded.'];
  return [
    ...(fp.path ? [`- **File:** \`${codeText(fp.path)}\``] : []),
    `- **sha256:** \`${codeText(fp.sha256)}\``,
    ...(fp.rows !== undefined ? [`- **Rows:** ${fp.rows}`] : []),
    ...(typeof fp.bytes === 'number' ? [`- **Size:** ${formatBytes(fp.bytes)}`] : []),
  ];
}

/** Text inside a code span: a backtick would end it, a newline would break the line. */
function codeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[`\r\n\u0000-\u001f]/g, ' ');
}
