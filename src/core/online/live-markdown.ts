/**
 * The online experiment as Markdown for a pull request comment or a job summary, with the metric
 * tables and verdicts of the evaluation comment (better/worse only when significant at α).
 */
import { reportMetricsTable } from '../report/evaluation-markdown.js';
import { cell, details, MAX_NAME_CHARS, table } from '../report/markdown.js';
import { formatMetricDelta, formatMetricValue } from '../report/metric-units.js';
import {
  formatCount,
  formatNumber,
  formatPClause,
  formatShare,
  formatSigned,
} from '../report/number-format.js';
import { SHOWN_VERDICT_LABEL, shownVerdict } from '../report/verdict.js';
import type { ArmComparison, ArmSummary, LiveReport } from './live-report.js';

const MISSING = '—';

function armName(a: { role: string; versions: string[] }): string {
  return `${a.role} ${a.versions.map((v) => cell(v, 40)).join(', ')}`;
}

function ms(v: number | undefined): string {
  return v === undefined ? MISSING : formatNumber(v, 3);
}

function trafficTable(r: LiveReport): string {
  return table(
    ['arm', 'requests', 'share', 'p50 ms', 'p95 ms', 'p99 ms', 'labelled rows'],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    r.arms.map((a: ArmSummary) => [
      armName(a),
      formatCount(a.requests),
      a.share === null ? 'shadow' : formatShare(a.share),
      ms(a.latency?.p50),
      ms(a.latency?.p95),
      ms(a.latency?.p99),
      r.labels ? formatCount(a.labelled) : MISSING,
    ]),
  );
}

function srmLine(r: LiveReport): string | undefined {
  const s = r.traffic.srm;
  if (!s)
    return r.traffic.canary_share === null
      ? undefined
      : 'Split not tested: the log has no canary weight (pass `--canary-weight`).';
  const expected = s.segments
    .filter((g) => g.weight > 0 && g.weight < 1)
    .map((g) => formatShare(g.weight))
    .join(', ');
  const stat = `χ² = ${formatNumber(s.statistic, 3)} (${s.dof} df), ${formatPClause(s.p_value)}`;
  return s.mismatch
    ? `⚠️ **Sample ratio mismatch**: routed at ${expected}, the canary got ${formatShare(r.traffic.canary_share ?? 0)} (${stat}). The comparison below is not trustworthy until the assignment is fixed.`
    : `Split as routed (${expected} canary): ${stat}.`;
}

function shadowSection(r: LiveReport): string | undefined {
  const s = r.shadow;
  if (!s) return undefined;
  const parts: string[] = [
    `Paired on ${formatCount(s.requests)} requests stable answered (${formatCount(s.rows)} rows)${s.missing ? `; ${formatCount(s.missing)} without a shadow run` : ''}.`,
  ];
  if (s.label_agreement !== undefined) {
    const ci = s.label_agreement_ci
      ? ` [${formatShare(s.label_agreement_ci[0])}, ${formatShare(s.label_agreement_ci[1])}]`
      : '';
    parts.push(
      `Same label on ${formatShare(s.label_agreement)}${ci} of rows; ${formatCount(s.flips ?? 0)} flipped${
        s.flip_table?.length
          ? ` (${s.flip_table
              .slice(0, 6)
              .map((f) => `${cell(f.from, 20)} → ${cell(f.to, 20)}: ${formatCount(f.rows)}`)
              .join(', ')})`
          : ''
      }.`,
    );
  }
  if (s.difference)
    parts.push(
      `${s.difference.measure}: mean ${formatNumber(s.difference.mean, 3)}, p95 ${formatNumber(s.difference.p95, 3)}, max ${formatNumber(s.difference.max, 3)}.`,
    );
  return parts.join(' ');
}

function shiftSection(r: LiveReport): string | undefined {
  const s = r.prediction_shift;
  if (!s) return undefined;
  const head = `${s.test === 'ks' ? 'KS' : 'χ²'} = ${formatNumber(s.statistic, 3)}, ${formatPClause(s.p_value)}: ${
    s.shifted ? '**the canary answers differently**' : 'no significant shift'
  } (other requests than stable's; no labels needed).`;
  if (!s.distribution) return head;
  return `${head}\n\n${table(
    ['predicted', 'stable', 'canary'],
    ['left', 'right', 'right'],
    s.distribution
      .slice(0, 20)
      .map((d) => [cell(d.label, 40), formatShare(d.stable), formatShare(d.canary)]),
  )}`;
}

/** `**canary 2.0.0 vs stable**: accuracy 0.85 [0.81, 0.89] · Δ −0.1 [..] · ❌ worse (p < 0.001)`. */
function headline(r: LiveReport, c: ArmComparison, precision: number): string {
  const name = r.primary_metric;
  const m = c.metrics[name];
  const d = c.comparison[name];
  const arm = r.arms.find((a) => a.role === c.candidate);
  const who = `**${arm ? armName(arm) : c.candidate} vs ${c.baseline}**`;
  if (!m || !d) return `${who}: ${cell(name, MAX_NAME_CHARS)} not computed`;
  const ci = (x?: [number, number], signed = false) =>
    x
      ? ` [${(signed ? formatSigned : formatNumber)(x[0], precision)}, ${(signed ? formatSigned : formatNumber)(x[1], precision)}]`
      : '';
  return `${who} (${c.design === 'paired' ? 'paired, same requests' : 'two samples'}): **${cell(name, MAX_NAME_CHARS)}** ${formatMetricValue(name, m.value, precision)}${ci(m.ci)} · Δ ${formatMetricDelta(name, d.delta, precision)}${ci(d.ci_delta, true)} · ${SHOWN_VERDICT_LABEL[shownVerdict(d, r.alpha)]} (${formatPClause(d.p_value)})`;
}

/** The whole report; `marker` (the sticky comment's) goes first when given. */
export function renderLiveReport(
  r: LiveReport,
  opts: { precision?: number; marker?: string } = {},
): string {
  const precision = opts.precision ?? 4;
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);
  const window = r.window.from
    ? ` (${cell(r.window.from, 30)} → ${cell(r.window.to ?? '', 30)})`
    : '';
  out.push(
    `### Online experiment: \`${cell(r.model, MAX_NAME_CHARS).replace(/`/g, '')}\`${window}`,
  );
  if (r.comparisons.length)
    out.push(r.comparisons.map((c) => headline(r, c, precision)).join('\n\n'));
  else
    out.push(
      r.labels
        ? 'No labelled rows to compare metrics on.'
        : 'No labels given: traffic, agreement and prediction shift only (pass `--labels` for metrics per arm).',
    );
  if (r.problems.length) out.push(r.problems.map((p) => `- ⚠️ ${cell(p, 400)}`).join('\n'));
  out.push(`#### Traffic\n\n${trafficTable(r)}`);
  const srm = srmLine(r);
  if (srm) out.push(srm);
  const shadow = shadowSection(r);
  if (shadow) out.push(`#### Shadow against stable\n\n${shadow}`);
  const shift = shiftSection(r);
  if (shift) out.push(`#### Canary predictions against stable\n\n${shift}`);
  if (r.labels)
    out.push(
      `#### Metrics\n\nLabels: ${cell(r.labels.file, 80)} (column ${cell(r.labels.column)}, joined on ${cell(r.labels.join)}): ${formatCount(r.labels.rows)} rows, ${formatCount(r.labels.matched)} matched, ${formatCount(r.labels.unmatched)} matched no request.`,
    );
  for (const c of r.comparisons) {
    const names = [
      r.primary_metric,
      ...Object.keys(c.metrics).filter((n) => n !== r.primary_metric),
    ].filter((n) => c.metrics[n]);
    const arm = r.arms.find((a) => a.role === c.candidate);
    out.push(
      details(
        `${arm ? armName(arm) : c.candidate} vs ${c.baseline}: ${formatCount(c.rows.candidate)} and ${formatCount(c.rows.baseline)} labelled rows`,
        reportMetricsTable({ ...c, bootstrap: r.bootstrap }, precision, names, r.primary_metric, {
          baseline: c.baseline,
          candidate: c.candidate,
        }),
      ),
    );
  }
  out.push(
    `<sub>✅ / ❌: beyond the tolerance and significant at α = ${formatNumber(r.alpha, 3)}; a canary is compared with stable on other requests (two-proportion z for accuracy, two-sample bootstrap otherwise), a shadow on the same requests (McNemar, paired bootstrap). Rows of one request are counted as independent. ${formatCount(r.log.requests)} logged requests from ${r.log.files.map((f) => cell(f, 60)).join(', ')}.</sub>`,
  );
  return out.join('\n\n') + '\n';
}
