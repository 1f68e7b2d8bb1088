import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerMetrics } from '../../../src/serve/metrics.js';

const dir = 'monitoring';
const rules = join(dir, 'prometheus/modelci-alerts.yml');
const dashboard = JSON.parse(readFileSync(join(dir, 'grafana/modelci-serve.json'), 'utf8')) as {
  uid: string;
  panels: {
    type: string;
    title: string;
    datasource?: { uid: string };
    targets?: { expr: string }[];
  }[];
};
const work = mkdtempSync(join(tmpdir(), 'modelci-monitoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function promtool(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('promtool', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** The metric families the server exports (every family renders its HELP and TYPE). */
function exported(): Set<string> {
  const names = new Set<string>();
  for (const m of new ServerMetrics().render().matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(m[1]!);
    if (m[2] === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m[1]! + s);
  }
  return names;
}

// Pushed by the drift workflow (docs/serving.md), not exported by the server.
const PUSHED = new Set([
  'modelci_drift_detected',
  'modelci_drift_share',
  'modelci_drift_check_success',
  'push_time_seconds',
]);

const exprs = dashboard.panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
);

describe('shipped Prometheus rules', () => {
  it('pass promtool check rules', () => {
    const r = promtool('check', 'rules', rules);
    expect(r.out).toMatch(/SUCCESS: 8 rules found/);
    expect(r.status).toBe(0);
  });

  it('pass their unit tests (promtool test rules)', () => {
    const r = promtool(
      'test',
      'rules',
      join(dir, 'prometheus/modelci-alerts.test.yml'),
      join(dir, 'prometheus/modelci-drift-alerts.test.yml'),
    );
    expect(r.out.match(/SUCCESS/g)).toHaveLength(2);
    expect(r.status).toBe(0);
  });

  it('name only metrics the server exports or the drift workflow pushes', () => {
    const known = exported();
    const used = new Set(readFileSync(rules, 'utf8').match(/\b(modelci|process)_[a-z_]+\b/g));
    for (const name of used) expect(known.has(name) || PUSHED.has(name), name).toBe(true);
  });
});

describe('shipped Grafana dashboard', () => {
  it('has a stable uid and every panel on the data source input', () => {
    expect(dashboard.uid).toBe('modelci-serve');
    for (const p of dashboard.panels.filter((p) => p.type !== 'row'))
      expect(p.datasource?.uid, p.title).toBe('${DS_PROMETHEUS}');
    expect(exprs.length).toBeGreaterThan(20);
  });

  it('queries parse as PromQL (promtool, through recording rules)', () => {
    const file = join(work, 'dashboard-rules.yml');
    const body = exprs
      .map(
        (e, i) =>
          `      - record: dashboard:panel_${i}\n        expr: ${JSON.stringify(
            e.expr
              .replaceAll('$__rate_interval', '5m')
              .replaceAll('$model', '.*')
              .replaceAll('$job', '.*'),
          )}`,
      )
      .join('\n');
    writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${body}\n`);
    const r = promtool('check', 'rules', file);
    expect(r.out).toMatch(new RegExp(`SUCCESS: ${exprs.length} rules found`));
  });

  it('uses only metrics the server exports or the drift workflow pushes', () => {
    const known = exported();
    for (const { panel, expr } of exprs)
      for (const name of expr.match(/\b(modelci|process)_[a-z_]+\b/g) ?? [])
        expect(known.has(name) || PUSHED.has(name), `${panel}: ${name}`).toBe(true);
  });
});
