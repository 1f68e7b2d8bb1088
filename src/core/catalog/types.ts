import type { MetricValue } from '../report/evaluation-report.js';
import type { DriftHistoryEntry } from '../report/drift-report.js';
import type { HistoryEntry } from '../registry/trailers.js';
import type { ModelRecord, StagePointer, VersionRecord } from '../registry/records.js';

/**
 * What the catalog site shows, as plain data: the adapter (src/catalog/) reads the registry folder,
 * git history, drift history and runs into it; src/core/catalog/ renders it. Anything that could
 * not be read is carried as an `error` next to where it belongs, so one bad file never stops the
 * site: its page says so, and it is listed with the site's problems.
 */
export interface CatalogData {
  /** Shown in the header and the page titles. */
  title: string;
  /** ISO time the site was built (from the caller: core has no clock). */
  generatedAt: string;
  /** Where commits and pull requests link to, when known (`https://github.com/acme/models`). */
  repositoryUrl?: string;
  /** The commit of the registry the site was built from. */
  commit?: string;
  /** Stage names in promotion order (registry.stages). */
  stageOrder: string[];
  models: CatalogModel[];
  /** Every registry commit with its trailers, newest first. */
  audit: AuditEntry[];
  /** False when the registry is not in a git checkout: no audit log, no stage timeline. */
  hasHistory: boolean;
  /** Everything that could not be read, for the problems list. */
  problems: CatalogProblem[];
}

export interface CatalogProblem {
  /** The file, relative to the registry folder or as the user named it. */
  file: string;
  message: string;
  model?: string;
  version?: string;
}

/**
 * `models.<m>.card` in modelci.yaml: the Model Card text a team writes once, shown next to what
 * the registry records. Sections follow Mitchell et al., "Model Cards for Model Reporting" (2019).
 */
export interface CardFields {
  /** Primary intended uses. */
  intended_use?: string;
  /** Uses the model is not meant for. */
  out_of_scope_use?: string;
  /** Primary intended users. */
  users?: string;
  /** Known limitations: data it was not trained on, conditions where it fails. */
  limitations?: string;
  /** Risks, affected groups, sensitive data, mitigations. */
  ethical_considerations?: string;
  /** Further caveats and recommendations. */
  caveats?: string;
  /** What the training data is (the registry records its fingerprint). */
  training_data?: string;
  /** What the evaluation data is (the registry records its fingerprint). */
  evaluation_data?: string;
  /** License id (Hugging Face's `license` metadata), e.g. `apache-2.0`. */
  license?: string;
  /** Keywords (Hugging Face's `tags` metadata). */
  tags?: string[];
  /** Dataset ids (Hugging Face's `datasets` metadata). */
  datasets?: string[];
  /** Where to send questions. */
  contact?: string;
}

export interface CatalogModel {
  name: string;
  /** `model.yaml`; absent when the model has none or it is corrupt (`recordError`). */
  record?: ModelRecord;
  recordError?: string;
  /** model.yaml first, then modelci.yaml. */
  task?: 'binary' | 'multiclass' | 'regression';
  primaryMetric?: string;
  direction?: 'higher' | 'lower';
  description?: string;
  owners: string[];
  card: CardFields;
  /** Oldest first. */
  versions: CatalogVersion[];
  /** Current pointers, in stage order. */
  stages: CatalogStage[];
  /** This model's registry commits, newest first (empty without git history). */
  history: AuditEntry[];
  /** Drift checks, oldest first. */
  drift: DriftCheck[];
  /** Training runs (experiment tracking), newest first; empty until runs are recorded. */
  runs: RunEntry[];
}

export interface CatalogVersion {
  version: string;
  /** Registry-relative path of the record. */
  file: string;
  record?: VersionRecord;
  /** Why the record could not be read; the version is listed and its page shows this. */
  error?: string;
}

export interface CatalogStage {
  stage: string;
  pointer?: StagePointer;
  error?: string;
}

export interface AuditEntry extends HistoryEntry {
  /** Commit message body without trailers: the reason a promotion gives. */
  body?: string;
  /** The pull request that brought the commit to the branch (squash subject or merge commit). */
  pullRequest?: number;
  /** Author of the merge commit of that pull request: who merged it. */
  mergedBy?: string;
  /** A commit that changed registry files without modelci's trailers (a hand edit). */
  manual?: boolean;
  /** Models whose files the commit changed, when known from the diff (hand edits). */
  touched?: string[];
}

export interface DriftCheck extends DriftHistoryEntry {
  /** The file the check was read from. */
  source: string;
}

/** One training run (`modelci train`: one commit per run under refs/modelci/runs/<model>/<id>). */
export interface RunEntry {
  id: string;
  created_at?: string;
  status?: string;
  /** Why a failed run failed, one line. */
  failure?: string;
  tags?: string[];
  commit?: string;
  branch?: string;
  params?: Record<string, unknown>;
  metrics?: Record<string, MetricValue>;
  /** The registered version that came from this run. */
  version?: string;
  url?: string;
  /** Set when the ref does not hold a readable run record. */
  error?: string;
}
