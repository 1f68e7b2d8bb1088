import { metricDirection } from '../report/direction.js';
import type {
  Fingerprint,
  GateVerdict,
  MetricValue,
  ModelSignature,
} from '../report/evaluation-report.js';
import type { Lineage, VersionRecord, VersionSlice } from '../registry/records.js';
import { primaryMetricName, stagesHolding } from './model-facts.js';
import type { AuditEntry, CardFields, CatalogModel, RunEntry } from './types.js';

/**
 * A version's Model Card as data: what the team wrote (`models.<m>.card`) beside what the
 * registry recorded. The HTML page (card-page.ts) and the Markdown file (card-markdown.ts) are
 * two renderings of this one structure, so they cannot disagree.
 */
export interface ModelCard {
  model: string;
  version: string;
  description?: string;
  task?: string;
  owners: string[];
  text: CardFields;
  artifact: VersionRecord['artifact'];
  createdAt: string;
  createdBy: string;
  stages: string[];
  deprecated?: VersionRecord['deprecated'];
  primaryMetric?: string;
  metrics: CardMetric[];
  gates?: GateVerdict;
  slices: VersionSlice[];
  trainingData?: Fingerprint | undefined;
  evaluationData?: Fingerprint | undefined;
  params?: Record<string, unknown>;
  signature?: ModelSignature;
  lineage: Lineage;
  /** The registry commit that registered this version, when git history is known. */
  registeredIn?: AuditEntry;
  /** Promotions of this version, newest first. */
  promotions: AuditEntry[];
  /** The training run whose model this version's artifact is (`modelci train`), when recorded. */
  trainingRun?: RunEntry;
}

export interface CardMetric extends MetricValue {
  name: string;
  direction?: 'higher' | 'lower';
  primary: boolean;
}

export function buildModelCard(m: CatalogModel, record: VersionRecord): ModelCard {
  const primary = primaryMetricName(m);
  const metrics = Object.entries(record.metrics ?? {})
    .filter(([, v]) => typeof v?.value === 'number')
    .map(([name, v]): CardMetric => {
      const direction =
        name === primary ? (m.direction ?? metricDirection(name)) : metricDirection(name);
      return { name, ...v, ...(direction ? { direction } : {}), primary: name === primary };
    })
    .sort((a, b) => Number(b.primary) - Number(a.primary));
  const registeredIn = m.history.find(
    (e) => e.action === 'register' && e.version === record.version,
  );
  // The newest run that produced this artifact (a re-run of the same code can produce it again).
  const trainingRun = m.runs.find((r) => r.version === record.version);
  return {
    model: m.name,
    version: record.version,
    ...(m.description ? { description: m.description } : {}),
    ...(m.task ? { task: m.task } : {}),
    owners: m.owners,
    text: m.card,
    artifact: record.artifact,
    createdAt: record.created_at,
    createdBy: record.created_by,
    stages: stagesHolding(m, record.version),
    ...(record.deprecated ? { deprecated: record.deprecated } : {}),
    ...(primary ? { primaryMetric: primary } : {}),
    metrics,
    ...(record.gates ? { gates: record.gates } : {}),
    slices: record.slices ?? [],
    trainingData: record.training_data,
    evaluationData: record.evaluation_data,
    ...(record.params ? { params: record.params } : {}),
    ...(record.signature ? { signature: record.signature } : {}),
    lineage: record.lineage ?? {},
    ...(registeredIn ? { registeredIn } : {}),
    ...(trainingRun ? { trainingRun } : {}),
    promotions: m.history.filter(
      (e) => e.version === record.version && (e.action === 'promote' || e.action === 'rollback'),
    ),
  };
}

/** `float[batch, 30]`. */
export function tensorText(t: { type: string; shape: (number | string | null)[] }): string {
  return `${t.type}[${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/** Metric columns of the slices table: the primary metric first, at most four. */
export function sliceMetricNames(card: ModelCard): string[] {
  const names = [...new Set(card.slices.flatMap((s) => Object.keys(s.metrics)))];
  const primary = card.primaryMetric;
  return names.sort((a, b) => Number(b === primary) - Number(a === primary)).slice(0, 4);
}
