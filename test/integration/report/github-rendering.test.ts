import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../../src/commands/drift.js';
import { compareProfiles } from '../../../src/core/drift/compare-profiles.js';
import { driftGoneComment, retrainBody } from '../../../src/core/drift/retrain-request.js';
import { renderDeploySummary } from '../../../src/core/deploy/summary.js';
import { TableProfile } from '../../../src/core/profile/table-profile.js';
import { renderComment, SUMMARY_MAX_BYTES } from '../../../src/core/report/comment.js';
import { renderDriftMarkdown } from '../../../src/core/report/drift-report.js';
import { renderEvaluationReport } from '../../../src/core/report/evaluation-markdown.js';
import type { EvaluationReport } from '../../../src/core/report/evaluation-report.js';
import { flattenMetrics } from '../../../src/core/report/flatten.js';
import { historySeries, parseHistory } from '../../../src/core/report/history.js';
import { diffMetrics } from '../../../src/core/report/metric-diff.js';
import { THRESHOLD_COLOUR } from '../../../src/core/report/chart-theme.js';
import {
  inspectGfm,
  overlappingLabels,
  startMermaid,
  type MermaidRenderer,
} from '../../harness/github-markdown.js';
import { tempDir } from '../../harness/temp.js';
import { validationReport } from '../../../src/core/contract/report.js';
import { renderDataChecks } from '../../../src/core/report/data-checks.js';
import { renderRunChanges } from '../../../src/core/runs/changes-markdown.js';
import { record } from '../../unit/runs/fixture.js';
import { candidateOnly } from '../../harness/evaluation-reports.js';

// Every Markdown modelci writes, rendered the way GitHub does: the GFM grammar for tables and HTML,
// Mermaid 11 in headless Chromium for the charts. Screenshots of each chart kind, in GitHub's light
// and dark themes, go to screenshots/charts/ (gitignored) for a person to look at.
const root = join(import.meta.dirname, '../../..');
const SHOTS = join(root, 'screenshots', 'charts');
const json = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));
const dir = tempDir('modelci-render-');
let mermaid: MermaidRenderer;
beforeAll(async () => {
  mermaid = await startMermaid(SHOTS);
}, 60_000);
afterAll(async () => {
  await mermaid?.close();
});

/** WCAG 2 relative luminance of `#rrggbb` (or `white`). */
function luminance(colour: string): number {
  const hex = colour === 'white' ? 'ffffff' : colour.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The project's own HTML: collapsible sections, small print, line breaks, hidden markers. */
const OWN_HTML =
  /<\/?(details|summary|sub|br)>|<!-- modelci:(comment [^>]*|retrain|drift-gone) -->/g;

function report(): EvaluationReport {
  return json('test/fixtures/report/evaluation-report.json') as EvaluationReport;
}

function profile(columns: Record<string, (string | number | null)[]>): TableProfile {
  const names = Object.keys(columns);
  const p = new TableProfile();
  p.beginSource('mem.csv', 'csv');
  const length = columns[names[0]!]!.length;
  p.addBatch({ columns: names, firstRow: 1, length, values: names.map((n) => columns[n]!) });
  return p;
}

/** A drift report with a chart of every kind: numeric bins, whole numbers, long categories. */
function driftCharts(): string {
  const n = 400;
  const side = (shift: number) =>
    profile({
      'income #123 GH-1 https://evil.example/x': Array.from({ length: n }, (_, i) =>
        Math.round(((i * 7919) % 1000) * 37.1 + shift * 9000),
      ),
      rating: Array.from({ length: n }, (_, i) => (shift && i % 3 === 0 ? 5 : 1 + ((i * 13) % 5))),
      plan: Array.from({ length: n }, (_, i) =>
        shift && i % 2 ? 'professional-enterprise-annual-2026' : ['basic', 'free', 'team'][i % 3]!,
      ),
      ['a'.repeat(120)]: Array.from({ length: n }, (_, i) => (i % 10) + shift * 3),
    });
  const r = compareProfiles(side(0), side(1));
  return renderDriftMarkdown(r, {
    model: 'churn',
    reference: 'ref.csv',
    current: 'cur.csv',
    maxCharts: 10,
    now: '2026-12-03T09:00:00Z',
    history: [
      { at: '2026-12-01T09:00:00Z', drifted: false, share: 0.1, n_drifted: 1, n_tested: 10 },
      { at: '2026-12-02T09:00:00Z', drifted: false, share: 0.2, n_drifted: 2, n_tested: 10 },
      { at: '2026-12-02T15:30:00Z', drifted: true, share: 0.6, n_drifted: 6, n_tested: 10 },
    ],
  });
}

/** The most an axis holds: 20 checks in one day, 11 categories with 12-character names. */
function driftCrowded(): string {
  const n = 220;
  const names = Array.from({ length: 14 }, (_, i) => `segment-${String(i).padStart(4, '0')}`);
  const side = (shift: number) =>
    profile({ segment: Array.from({ length: n }, (_, i) => names[i % (shift ? 7 : 14)]!) });
  const r = compareProfiles(side(0), side(1));
  return renderDriftMarkdown(r, {
    model: 'crowded',
    reference: 'ref.csv',
    current: 'cur.csv',
    now: '2026-12-03T23:00:00Z',
    history: Array.from({ length: 25 }, (_, i) => ({
      at: `2026-12-03T${String(i % 24).padStart(2, '0')}:${i < 24 ? '00' : '30'}:00Z`,
      drifted: false,
      share: (i % 5) / 10,
      n_drifted: i % 5,
      n_tested: 10,
    })),
  });
}

/** The comment's "what changed" section between two training runs, params from users included. */
function runChanges(): string {
  const holdout = { path: 'h.csv', sha256: 'h'.repeat(64), bytes: 100, rows: 500, label: 'y' };
  const evaluation = (accuracy: number, ci: [number, number]) => ({
    dataset: holdout,
    metrics: { accuracy: { value: accuracy, ci } },
    confidence: 0.95,
    evaluated_at: '2026-01-02T04:00:00Z',
  });
  const base = record({
    id: '20260102-030405-aaaaaa',
    data: { holdout },
    params: { C: 1, solver: 'lbfgs' },
    evaluation: evaluation(0.9, [0.87, 0.93]),
  });
  const head = record({
    id: '20260103-091500-bbbbbb',
    data: { holdout },
    params: { C: 0.01, solver: '@octocat | <img src=x> #12 GH-1 https://evil.example' },
    code: { commit: '2'.repeat(40), dirty: false, branch: 'pr' },
    evaluation: evaluation(0.8, [0.77, 0.83]),
  });
  return renderRunChanges(base, head, { baseBranch: 'main', primaryMetric: 'accuracy' });
}

/** The comment's Data checks section, with values from the data in the messages and examples. */
function dataChecks(): string {
  const file = 'data/holdout.csv';
  return renderDataChecks(
    validationReport(
      'registry/churn/contract.yaml',
      [{ file, role: 'data', format: 'csv', rows: 143, columns: 31 }],
      [
        {
          dataset: file,
          check: 'allowed',
          column: 'clinic #12 | x',
          severity: 'error',
          count: 12,
          share: 12 / 143,
          message:
            '12 values not in the 4 allowed: "<b>central</b> @octocat https://evil.example" (12)',
          examples: [{ row: 3, value: '<b>central</b> | GH-1' }],
        },
      ],
    ),
  );
}

async function wineDrift() {
  const lines = readFileSync(join(root, 'test/fixtures/data/wine.csv'), 'utf8').trim().split('\n');
  const ref = join(dir, 'ref.csv');
  const cur = join(dir, 'cur.csv');
  writeFileSync(ref, [lines[0], ...lines.slice(1, 90)].join('\n'));
  writeFileSync(cur, [lines[0], ...lines.slice(90)].join('\n'));
  const history = join(dir, 'history.json');
  const config = join(dir, 'none.yaml');
  const first = await runDrift({
    reference: ref,
    current: cur,
    config,
    now: '2026-12-01T10:00:00Z',
  });
  writeFileSync(history, JSON.stringify([first.json]));
  return runDrift({
    reference: ref,
    current: cur,
    config,
    history,
    performance: { label: 'cultivar' },
    now: '2026-12-02T10:00:00Z',
  });
}

async function documents(): Promise<Record<string, string>> {
  const withBaseline = report();
  const base = flattenMetrics(json('examples/churn/metrics/base.json'));
  const head = flattenMetrics(json('examples/churn/metrics/head.json'));
  base.set('eval #123 GH-1 see https://evil.example/a www.evil.example', 0.5);
  head.set('eval #123 GH-1 see https://evil.example/a www.evil.example', 0.6);
  base.set(`long.${'x'.repeat(120)}`, 0.5);
  head.set(`long.${'x'.repeat(120)}`, 0.4);
  const history = parseHistory(json('examples/churn/metrics/history.json'), 'history.json');
  const withHistory = {
    model: 'churn',
    workflow: 'PR',
    rows: diffMetrics(base, head),
    primaryMetric: 'roc_auc',
    chart: {
      metric: 'test.roc_auc',
      points: historySeries(history, 'test.roc_auc', { value: head.get('test.roc_auc') as number }),
    },
  };
  const drift = await wineDrift();
  const ctx = {
    model: 'wine',
    dataWindow: 'w1',
    reference: 'ref.csv',
    current: 'cur.csv',
    at: '2026-12-02T10:00:00Z',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    registryDir: 'registry',
  };
  const longHistory = {
    model: 'churn',
    workflow: 'PR',
    rows: diffMetrics(base, head),
    chart: {
      metric: 'test.roc_auc',
      points: Array.from({ length: 30 }, (_, i) => ({
        label: `release-2026.${i + 1}`,
        value: 0.9 + i / 1000,
      })),
    },
  };
  return {
    'comment with a baseline': renderComment({
      model: 'churn',
      workflow: 'PR',
      report: withBaseline,
      primaryMetric: 'roc_auc',
    }).markdown,
    'comment without a baseline': renderComment({
      model: 'churn',
      workflow: 'PR',
      report: candidateOnly(withBaseline),
    }).markdown,
    'comment with history (metrics files)': renderComment(withHistory).markdown,
    'comment with 30 history points': renderComment(longHistory).markdown,
    'comment job summary': renderComment(withHistory, { max: SUMMARY_MAX_BYTES, unit: 'utf8' })
      .markdown,
    'evaluate job summary': renderEvaluationReport(withBaseline, { precision: 4 }),
    'drift report with charts and trend (drift job summary)': drift.markdown,
    'drift report, every chart kind': driftCharts(),
    'drift report, crowded axes': driftCrowded(),
    'comment section: what changed since the base run': runChanges(),
    'comment section: data checks': dataChecks(),
    'retraining pull request body': retrainBody(drift.json, drift.markdown, ctx),
    'drift-gone comment': driftGoneComment(drift.json, ctx),
    'deploy job summary': renderDeploySummary({
      model: 'churn',
      environment: 'staging',
      version: '1.2.0',
      sha256: 'a'.repeat(64),
      outcome: 'rolled-back',
      target: 'server',
      url: 'http://127.0.0.1:8080',
      deploymentId: 7,
      failure: 'smoke test failed: #12 @octocat',
      rolledBackTo: '1.1.0',
      inactive: [5],
      smokeChecks: [{ name: 'health', passed: false, detail: 'HTTP 503 | <b>down</b>' }],
    }),
  };
}

describe('every Markdown modelci writes, rendered as GitHub renders it', () => {
  let docs: Record<string, string>;
  beforeAll(async () => {
    docs = await documents();
  }, 120_000);

  it("GFM: every table row has its header's cell count; only our own HTML; no autolinks from data", () => {
    for (const [name, md] of Object.entries(docs)) {
      const f = inspectGfm(md);
      expect(f.badRows, name).toEqual([]);
      for (const chunk of f.html)
        expect(chunk.replace(OWN_HTML, ''), `${name}: ${chunk}`).not.toMatch(/</);
      expect(f.autolinks, name).toEqual([]);
    }
  });

  it('#123, GH-1 and URLs in names are not references or links; long names are cut, in full below', () => {
    const withHistory = docs['comment with history (metrics files)']!;
    const drift = docs['drift report, every chart kind']!;
    for (const md of [withHistory, drift]) {
      const prose = md.replace(/```mermaid[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      expect(prose).not.toMatch(/(^|[^\w&])#\d/m);
      expect(prose).not.toMatch(/\bGH-\d/);
    }
    const table = withHistory.split('<details>')[0]!;
    expect(table).toContain(`long.${'x'.repeat(54)}…`);
    expect(table).not.toContain('x'.repeat(60));
    expect(withHistory).toContain('x'.repeat(120)); // the unrounded values, collapsed
    const [driftTable, fullNames] = drift.split('<summary>Full names of 1 column cut in the table');
    expect(driftTable).toContain(`| ${'a'.repeat(59)}… |`);
    expect(driftTable).not.toContain('a'.repeat(60));
    expect(fullNames).toContain(`- ${'a'.repeat(120)}\n`);
  });

  it('every Mermaid block renders with mermaid 11 (a parse error fails), x labels side by side and apart', async () => {
    let blocks = 0;
    let labels = 0;
    for (const [name, md] of Object.entries(docs))
      for (const [i, chart] of inspectGfm(md).mermaid.entries()) {
        const where = `${name}, chart ${i + 1}`;
        const { xLabels } = await mermaid.render(chart).catch((e: Error) => {
          throw new Error(`${where}: ${e.message}`);
        });
        expect(overlappingLabels(xLabels), where).toEqual([]);
        expect(
          xLabels.filter((l) => l.rotated).map((l) => l.text),
          where,
        ).toEqual([]);
        blocks++;
        labels += xLabels.length;
      }
    expect(blocks).toBeGreaterThanOrEqual(10);
    expect(labels).toBeGreaterThanOrEqual(100);
  }, 180_000);

  it('every series reads in both themes (3:1 or more); the threshold is fainter than the data', async () => {
    const checked = { series: 0, thresholds: 0 };
    for (const [name, md] of Object.entries(docs))
      for (const [i, chart] of inspectGfm(md).mermaid.entries())
        for (const theme of ['default', 'dark'] as const) {
          const where = `${name}, chart ${i + 1}, ${theme} theme`;
          const { background, series } = await mermaid.render(chart, { theme });
          expect(background, where).toBeDefined();
          const data = series.filter((s) => s.colour !== THRESHOLD_COLOUR);
          expect(data.length, where).toBeGreaterThan(0);
          for (const s of data) {
            expect(contrast(s.colour, background!), `${where}: ${s.colour}`).toBeGreaterThanOrEqual(
              3,
            );
            checked.series++;
          }
          for (const t of series.filter((s) => s.colour === THRESHOLD_COLOUR)) {
            const faintest = Math.min(...data.map((s) => contrast(s.colour, background!)));
            const ratio = contrast(t.colour, background!) / faintest;
            // On white the threshold is lighter than the data; on #333 it may be a shade
            // brighter, but it is grey: the data line carries the colour.
            expect(ratio, where).toBeLessThan(theme === 'default' ? 1 : 1.1);
            checked.thresholds++;
          }
        }
    expect(checked.thresholds).toBeGreaterThanOrEqual(4);
    expect(checked.series).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it('the label check catches what issue 12 saw: ten range labels under ten bars', async () => {
    const old = [
      'xychart-beta',
      '  x-axis [' +
        Array.from({ length: 10 }, (_, i) => `"${10.38 + i}..${11.41 + i}"`).join(', ') +
        ']',
      '  y-axis "share" 0 --> 1',
      `  bar [${Array(10).fill(0.1).join(', ')}]`,
    ].join('\n');
    const { xLabels } = await mermaid.render(old);
    expect(xLabels).toHaveLength(10);
    const clash = overlappingLabels(xLabels).length + xLabels.filter((l) => l.rotated).length;
    expect(clash).toBeGreaterThan(0);
  });

  it('screenshots of each chart kind in the light and dark theme', async () => {
    const kinds: Record<string, string> = {};
    const charts = inspectGfm(docs['drift report, every chart kind']!).mermaid;
    kinds['history-line'] = inspectGfm(docs['comment with history (metrics files)']!).mermaid[0]!;
    kinds['drift-numeric-bins'] = charts.find(
      (c) => c.includes('x-axis "bin"') && c.includes('income'),
    )!;
    kinds['drift-whole-numbers'] = charts.find((c) => c.includes('title "rating"'))!;
    kinds['drift-categories'] = charts.find((c) => c.includes('title "plan"'))!;
    kinds['drift-trend'] = charts.find((c) => c.includes('Share of drifted'))!;
    const crowded = inspectGfm(docs['drift report, crowded axes']!).mermaid;
    kinds['drift-trend-20-checks'] = crowded.find((c) => c.includes('Share of drifted'))!;
    kinds['drift-categories-crowded'] = crowded.find((c) => c.includes('title "segment"'))!;
    kinds['history-30-points'] = inspectGfm(docs['comment with 30 history points']!).mermaid[0]!;
    for (const [kind, chart] of Object.entries(kinds)) {
      expect(chart, kind).toBeDefined();
      for (const theme of ['default', 'dark'] as const)
        await mermaid.render(chart, {
          screenshot: `${kind}-${theme === 'default' ? 'light' : 'dark'}`,
          theme,
        });
    }
  }, 120_000);
});
