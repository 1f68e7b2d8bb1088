import type { MetricValue } from '../report/evaluation-report.js';
import type { VersionRecord } from '../registry/records.js';
import type {
  AuditEntry,
  CatalogModel,
  CatalogStage,
  CatalogVersion,
  DriftCheck,
} from './types.js';

/** Answers the catalog asks of one model: what each stage holds, since when, how good, drifting. */

export function versionIndex(model: CatalogModel): Map<string, CatalogVersion> {
  return new Map(model.versions.map((v) => [v.version, v]));
}

/** The stage that serves users: the last in promotion order that holds a version. */
export function servingStage(model: CatalogModel, stageOrder: string[]): CatalogStage | undefined {
  const held = model.stages.filter((s) => s.pointer);
  for (let i = stageOrder.length - 1; i >= 0; i--) {
    const s = held.find((h) => h.stage === stageOrder[i]);
    if (s) return s;
  }
  return held[held.length - 1];
}

/** The newest readable version record. */
export function latestRecord(model: CatalogModel): VersionRecord | undefined {
  for (let i = model.versions.length - 1; i >= 0; i--) {
    const r = model.versions[i]!.record;
    if (r) return r;
  }
  return undefined;
}

/** The primary metric, else the first metric the latest record has. */
export function primaryMetricName(model: CatalogModel): string | undefined {
  if (model.primaryMetric) return model.primaryMetric;
  const r = latestRecord(model);
  return r?.metrics ? Object.keys(r.metrics)[0] : undefined;
}

/** Metric names across all versions, the primary first, then in first-seen order. */
export function metricNames(model: CatalogModel): string[] {
  const seen = new Set<string>();
  const primary = primaryMetricName(model);
  if (primary) seen.add(primary);
  for (const v of model.versions) for (const k of Object.keys(v.record?.metrics ?? {})) seen.add(k);
  return [...seen];
}

export function metricOf(
  record: VersionRecord | undefined,
  name: string | undefined,
): MetricValue | undefined {
  if (!record || !name) return undefined;
  const m = record.metrics?.[name];
  return m && typeof m.value === 'number' ? m : undefined;
}

/** The commit that put the stage's current version there (promote or rollback), if git knows. */
export function stageEvent(model: CatalogModel, stage: CatalogStage): AuditEntry | undefined {
  const v = stage.pointer?.version;
  if (!v) return undefined;
  return model.history.find(
    (e) =>
      e.stage === stage.stage &&
      e.version === v &&
      (e.action === 'promote' || e.action === 'rollback'),
  );
}

/** Promotions and rollbacks, newest first. */
export function stageTimeline(model: CatalogModel): AuditEntry[] {
  return model.history.filter(
    (e) => e.stage !== undefined && (e.action === 'promote' || e.action === 'rollback'),
  );
}

/** Stages that currently hold `version`. */
export function stagesHolding(model: CatalogModel, version: string): string[] {
  return model.stages.filter((s) => s.pointer?.version === version).map((s) => s.stage);
}

export function lastDrift(model: CatalogModel): DriftCheck | undefined {
  return model.drift[model.drift.length - 1];
}

/** Who approved what a stage holds: whoever merged its promotion pull request, else who promoted. */
export function approver(
  model: CatalogModel,
  stage: CatalogStage,
): { by: string; how: string; event?: AuditEntry } | undefined {
  const p = stage.pointer;
  if (!p) return undefined;
  const event = stageEvent(model, stage);
  if (event?.mergedBy && event.pullRequest)
    return { by: event.mergedBy, how: `merged pull request #${event.pullRequest}`, event };
  return {
    by: p.promoted_by,
    how: p.rollback ? 'rolled back' : 'promoted',
    ...(event ? { event } : {}),
  };
}
