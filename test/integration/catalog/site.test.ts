import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCard } from '../../../src/commands/card.js';
import { runSite, type SiteResult } from '../../../src/commands/site.js';
import { readCatalog } from '../../../src/catalog/read-catalog.js';
import { loadConfig } from '../../../src/config/load.js';
import type { ModelciConfig } from '../../../src/config/schema/index.js';
import type { CatalogData } from '../../../src/core/catalog/types.js';
import { ModelciError } from '../../../src/core/errors.js';
import { openRegistry } from '../../../src/registry/registry.js';
import { gitEnv } from '../registry/git-fixture.js';
import { buildCatalogFixture, CHURN_METRICS, type CatalogFixture } from './registry-fixture.js';

let f: CatalogFixture;
let site: SiteResult;
let data: CatalogData;
let config: ModelciConfig;
const REPO_URL = 'https://github.com/acme/models';

beforeAll(async () => {
  f = await buildCatalogFixture();
  config = loadConfig(f.config, { explicit: true }).config;
  const opts = {
    registry: f.registry,
    config,
    driftHistory: [f.driftHistory, join(f.root, 'not-yet.json')],
    repositoryUrl: REPO_URL,
    env: gitEnv,
    now: '2026-03-25T12:00:00Z',
  };
  site = await runSite({ ...opts, out: join(f.root, 'site') });
  data = (await readCatalog(opts)).data;
}, 240_000);

afterAll(() => {
  for (const d of f?.dirs ?? []) rmSync(d, { recursive: true, force: true });
});

const page = (p: string) => readFileSync(join(site.out, p), 'utf8');

describe('modelci site on a registry written by register and promote (real git)', () => {
  it('writes every page and reports what it could not read, without stopping', () => {
    expect(site).toMatchObject({ models: 3, versions: 7, pages: 2 + 1 + 1 + 3 * 2 + 7 });
    expect(site.index).toBe(join(f.root, 'site', 'index.html'));
    expect(site.problems.map((p) => p.file)).toEqual([
      'fraud/versions/0.2.0.yaml',
      'fraud/stages/production.yaml',
      f.driftHistory,
    ]);
    expect(site.notes).toEqual([
      `drift history ${join(f.root, 'not-yet.json')} does not exist (yet)`,
    ]);
    expect(page('models/fraud/versions/0.2.0.html')).toContain(
      "This version's record could not be read.",
    );
  });

  it('reads the stage timeline from the commit trailers, newest first, with reasons', () => {
    const churn = data.models.find((m) => m.name === 'churn')!;
    const timeline = churn.history
      .filter((e) => e.stage)
      .map((e) => `${e.action} ${e.version} ${e.stage}${e.body ? `: ${e.body}` : ''}`);
    expect(timeline).toEqual([
      'promote 0.4.0 production: production held 0.1.0. wins on roc_auc',
      'promote 0.4.0 staging: staging held 0.2.0.',
      'rollback 0.1.0 production: production held 0.2.0. latency regression in canary',
      'promote 0.2.0 production: production held 0.1.0. better roc_auc',
      'promote 0.2.0 staging: staging held 0.1.0.',
      'promote 0.1.0 production: production held nothing. first release',
      'promote 0.1.0 staging: staging held nothing.',
    ]);
  });

  it('knows the promotion that came through pull request #57 and who merged it', () => {
    const churn = data.models.find((m) => m.name === 'churn')!;
    const merged = churn.history.find((e) => e.version === '0.4.0' && e.stage === 'production')!;
    expect(merged).toMatchObject({ pullRequest: 57, mergedBy: 'Mona Reviewer', actor: 'ana' });
    expect(page('index.html')).toMatch(/merged pull request #57 by\s+Mona Reviewer/);
    expect(page('models/churn/index.html')).toContain(`href="${REPO_URL}/pull/57"`);
  });

  it('lists the hand edit that broke fraud in the audit log', () => {
    const edit = data.audit.find((e) => e.manual)!;
    expect(edit).toMatchObject({
      subject: 'Hand edit gone wrong',
      action: 'edit',
      touched: ['fraud'],
    });
    expect(page('models/fraud/index.html')).toContain(
      "1 commit changed files of fraud without modelci's trailers",
    );
    expect(page('models/fraud/audit.html')).toContain('Hand edit gone wrong');
  });

  it('shows the runs modelci train kept under refs/modelci/runs/, linked to the version they trained', () => {
    const churn = data.models.find((m) => m.name === 'churn')!;
    expect(churn.runs.map((r) => [r.id.slice(0, 15), r.status ?? r.error, r.version])).toEqual([
      ['20260311-080000', 'failed', undefined],
      ['20260310-080000', 'succeeded', '0.4.0'],
      ['broken', 'the commit message holds no run record', undefined],
    ]);
    const [failed, ok] = churn.runs;
    expect(failed!.failure).toMatch(/exit code 3/);
    expect(ok).toMatchObject({ tags: ['candidate'], params: { C: 0.5, max_iter: 200 } });
    const html = page('models/churn/index.html');
    // The trainer's metrics, the run's workflow link, and the version it trained.
    expect(html).toContain(
      `<a href="https://github.com/acme/models/actions/runs/99"><code>${ok!.id}</code></a>`,
    );
    expect(html).toMatch(
      new RegExp(
        `${ok!.id}[\\s\\S]*?0\\.9173[\\s\\S]*?href="[^"]*versions/0\\.4\\.0\\.html">0\\.4\\.0</a>`,
      ),
    );
    expect(html).toContain('the commit message holds no run record');
  });

  it('shows the drift checks of each model, the last verdict on the catalog', () => {
    const churn = data.models.find((m) => m.name === 'churn')!;
    expect(churn.drift.map((d) => d.share)).toEqual([0.1, 0.2, 0.6]);
    expect(page('index.html')).toMatch(
      /drifting<\/span>\s*<br \/><span class="muted">60% of columns, performance dropped/,
    );
  });

  it('every number of the 0.4.0 card is the record’s', () => {
    const rec = openRegistry(f.registry).getVersion('churn', '0.4.0');
    const card = page('models/churn/versions/0.4.0.html');
    const [auc, lo, hi] = CHURN_METRICS[3].roc_auc;
    expect(rec.metrics!.roc_auc).toEqual({ value: auc, ci: [lo, hi] });
    expect(card).toContain(`<td class="num">${auc}</td><td class="num">${lo}, ${hi}</td>`);
    expect(card).toContain(rec.artifact.sha256);
    const run = data.models
      .find((m) => m.name === 'churn')!
      .runs.find((x) => x.version === '0.4.0')!;
    expect(card).toMatch(
      new RegExp(
        `<dt>Training run</dt>\\s*<dd><a href="https://github.com/acme/models/actions/runs/99"><code>${run.id}</code></a>`,
      ),
    );
    expect(card).toContain(
      'Rank customers by churn risk so the retention team calls the riskiest first.',
    );
    expect(card).toMatch(/age_band<\/code><\/td>\s*<td>18-30<\/td>\s*<td class="num">120<\/td>/);
  });

  it('replaces its own earlier output, but never a folder that is not a site', async () => {
    const again = await runSite({
      out: site.out,
      registry: f.registry,
      config,
      env: gitEnv,
    });
    expect(again.pages).toBe(site.pages);
    const other = join(f.root, 'precious');
    mkdirSync(other);
    writeFileSync(join(other, 'thesis.tex'), 'do not delete');
    const err = await runSite({
      out: other,
      registry: f.registry,
      config,
      env: gitEnv,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelciError);
    expect((err as ModelciError).format()).toMatch(
      /precious: the output folder exists and is not a modelci site/,
    );
    expect(readFileSync(join(other, 'thesis.tex'), 'utf8')).toBe('do not delete');
  });

  it('a missing registry folder is a one-line error, and nothing is written', async () => {
    const out = join(f.root, 'nothing');
    const err = await runSite({ out, registry: join(f.root, 'nope'), env: gitEnv }).catch(
      (e: unknown) => e,
    );
    expect((err as ModelciError).format()).toMatch(
      /nope: registry folder not found\. Pass the registry folder/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('modelci card', () => {
  it('writes the production card with Hugging Face metadata whose numbers are the record’s', async () => {
    const out = join(f.root, 'hub', 'README.md');
    const r = await runCard({
      ref: 'churn#production',
      registry: f.registry,
      config,
      out,
      env: gitEnv,
      repositoryUrl: REPO_URL,
    });
    expect(r).toMatchObject({ model: 'churn', version: '0.4.0', file: out });
    expect(readFileSync(out, 'utf8')).toBe(r.markdown);
    const meta = parse(/^---\n([\s\S]*?)\n---\n/.exec(r.markdown)![1]!) as {
      license: string;
      'model-index': { results: { metrics: { type: string; value: number }[] }[] }[];
    };
    expect(meta.license).toBe('apache-2.0');
    const rec = openRegistry(f.registry).getVersion('churn', '0.4.0');
    expect(meta['model-index'][0]!.results[0]!.metrics).toEqual([
      expect.objectContaining({ type: 'roc_auc', value: rec.metrics!.roc_auc!.value }),
      expect.objectContaining({ type: 'accuracy', value: rec.metrics!.accuracy!.value }),
    ]);
    expect(r.markdown).toContain(
      '## Ethical considerations\n\nAge is a feature; its slices are checked at every release.',
    );
    expect(r.markdown).toMatch(/- \S+ \S+ UTC: promote to production by ana/);
    // Lineage back to the training run whose model this artifact is.
    const run = data.models
      .find((m) => m.name === 'churn')!
      .runs.find((x) => x.version === '0.4.0')!;
    expect(r.markdown).toContain(
      `- **Training run:** [${run.id}](https://github.com/acme/models/actions/runs/99)`,
    );
  });

  it('an unreadable record is an error naming the file (one card is all the command makes)', async () => {
    const err = await runCard({ ref: 'fraud@0.2.0', registry: f.registry, env: gitEnv }).catch(
      (e: unknown) => e,
    );
    expect((err as ModelciError).format()).toMatch(
      /fraud\/versions\/0\.2\.0\.yaml: row 5, column 1: malformed version record/,
    );
  });
});
