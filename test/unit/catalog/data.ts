// Catalog data in memory, for the renderer's tests: a small catalog with every kind of thing a
// page shows, and a large one (20 models × 500 versions) for page weights.
import type { AuditEntry, CatalogData, CatalogModel } from '../../../src/core/catalog/types.js';
import type { VersionRecord } from '../../../src/core/registry/records.js';

export function versionRecord(model: string, version: string, auc: number): VersionRecord {
  return {
    schema: 'modelci/version@1',
    model,
    version,
    artifact: {
      uri: `git:${model}/artifacts/x/model.onnx`,
      sha256: 'a'.repeat(64),
      bytes: 1234,
      format: 'onnx',
    },
    metrics: {
      roc_auc: { value: auc, ci: [auc - 0.02, auc + 0.02] },
      accuracy: { value: auc - 0.05, ci: [auc - 0.07, auc - 0.03] },
    },
    evaluation_data: { path: 'data/holdout.csv', sha256: 'e'.repeat(64), bytes: 1000, rows: 500 },
    training_data: { path: 'data/train.csv', sha256: 'f'.repeat(64), bytes: 4000, rows: 2000 },
    gates: {
      passed: true,
      results: [{ gate: 'min.roc_auc', passed: true, reason: `roc_auc ${auc} ≥ 0.8` }],
    },
    params: { C: 1 },
    lineage: {
      commit: 'c'.repeat(40),
      run_url: 'https://github.com/acme/models/actions/runs/1',
      pull_request: 4,
    },
    created_at: '2026-01-01T00:00:00Z',
    created_by: 'ana',
  };
}

function model(name: string, versions: number, extra: Partial<CatalogModel> = {}): CatalogModel {
  const vs = Array.from({ length: versions }, (_, i) => {
    const version = `1.${i + 1}.0`;
    return {
      version,
      file: `${name}/versions/${version}.yaml`,
      record: versionRecord(name, version, 0.8 + ((i * 7) % 13) / 100),
    };
  });
  const last = vs[vs.length - 1]?.version;
  const prev = vs[vs.length - 2]?.version ?? last;
  return {
    name,
    task: 'binary',
    primaryMetric: 'roc_auc',
    description: `The ${name} model.`,
    owners: ['@team'],
    card: { intended_use: 'Ranking.', limitations: 'Only 2024 data.' },
    versions: vs,
    stages: last
      ? [
          { stage: 'staging', pointer: pointer(name, 'staging', last) },
          { stage: 'production', pointer: pointer(name, 'production', prev!) },
        ]
      : [],
    history: [],
    drift: [
      {
        at: '2026-01-03T00:00:00Z',
        drifted: false,
        share: 0.1,
        n_drifted: 1,
        n_tested: 10,
        source: 'h.json',
      },
      {
        at: '2026-01-04T00:00:00Z',
        drifted: true,
        share: 0.6,
        n_drifted: 6,
        n_tested: 10,
        threshold: 0.5,
        source: 'h.json',
      },
    ],
    runs: [],
    ...extra,
  };
}

function pointer(m: string, stage: string, version: string) {
  return {
    schema: 'modelci/stage@1' as const,
    model: m,
    stage,
    version,
    promoted_at: '2026-01-02T00:00:00Z',
    promoted_by: 'ana',
    reason: 'release',
  };
}

function audit(models: CatalogModel[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let n = 0;
  for (const m of models)
    for (const v of m.versions) {
      n++;
      out.push({
        commit: n.toString(16).padStart(40, '0'),
        date: '2026-01-01T00:00:00Z',
        author: 'Release Bot',
        subject: `Register ${m.name} ${v.version}`,
        body: 'minor bump',
        model: m.name,
        action: 'register',
        version: v.version,
        actor: 'release-bot',
        run: 'https://github.com/acme/models/actions/runs/1',
      });
    }
  for (const m of models)
    for (const s of m.stages.filter((x) => x.pointer))
      out.push({
        commit: (++n).toString(16).padStart(40, '0'),
        date: '2026-01-02T00:00:00Z',
        author: 'ana',
        subject: `Promote ${m.name} ${s.pointer!.version} to ${s.stage}`,
        model: m.name,
        action: 'promote',
        version: s.pointer!.version,
        stage: s.stage,
        actor: 'ana',
      });
  return out.reverse();
}

export function catalog(models: CatalogModel[]): CatalogData {
  const a = audit(models);
  for (const m of models) m.history = a.filter((e) => e.model === m.name);
  return {
    title: 'Model catalog',
    generatedAt: '2026-01-05T00:00:00Z',
    repositoryUrl: 'https://github.com/acme/models',
    commit: 'd'.repeat(40),
    stageOrder: ['staging', 'production'],
    models,
    audit: a,
    hasHistory: true,
    problems: [],
  };
}

/** Three models: a normal one, one with a corrupt version and stage, one with nothing yet. */
export function smallCatalog(): CatalogData {
  const churn = model('churn', 12, {
    runs: [
      {
        id: 'r1',
        created_at: '2026-01-01T00:00:00Z',
        status: 'succeeded',
        metrics: { roc_auc: { value: 0.9 } },
        params: { C: 1 },
        version: '1.12.0',
      },
      { id: 'r0', error: 'no run.json in the run commit' },
    ],
  });
  const fraud = model('fraud', 2);
  fraud.versions.push({
    version: '1.3.0',
    file: 'fraud/versions/1.3.0.yaml',
    error: 'malformed version record: must be a mapping',
  });
  fraud.stages.push({
    stage: 'canary',
    error: 'malformed stage record: missing required key "version"',
  });
  const empty = model('empty', 0, { drift: [] });
  const data = catalog([churn, fraud, empty]);
  data.problems = [
    {
      file: 'fraud/versions/1.3.0.yaml',
      message: 'malformed version record: must be a mapping',
      model: 'fraud',
      version: '1.3.0',
    },
    { file: 'fraud/stages/canary.yaml', message: 'malformed stage record', model: 'fraud' },
  ];
  return data;
}

/** The registry of the load target: `models` × `versions`, with its audit log. */
export function largeCatalog(models = 20, versions = 500): CatalogData {
  return catalog(
    Array.from({ length: models }, (_, i) =>
      model(`model-${String(i).padStart(2, '0')}`, versions),
    ),
  );
}
