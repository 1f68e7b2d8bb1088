import type {
  Fingerprint,
  GateVerdict,
  MetricValue,
  ModelSignature,
} from '../report/evaluation-report.js';

/** The three kinds of registry file, each versioned by its `schema` key. */
export const MODEL_SCHEMA = 'modelci/model@1' as const;
export const VERSION_SCHEMA = 'modelci/version@1' as const;
export const STAGE_SCHEMA = 'modelci/stage@1' as const;

/** `registry/<model>/model.yaml`. */
export interface ModelRecord {
  schema: typeof MODEL_SCHEMA;
  name: string;
  task?: 'binary' | 'multiclass' | 'regression';
  primary_metric?: string;
  direction?: 'higher' | 'lower';
  owners?: string[];
  description?: string;
  created_at: string;
}

export interface ArtifactRef {
  /** Where the bytes are: `git:<path in registry>`, `file:///abs/path`, `github-release:o/r/tag/name`. */
  uri: string;
  sha256: string;
  bytes: number;
  format: string;
}

export interface Lineage {
  commit?: string;
  ref?: string;
  run_url?: string;
  pull_request?: number;
  parent_version?: string;
  /** The training run that produced the artifact (`modelci runs show <id>`). */
  run?: string;
}

/** `registry/<model>/versions/<X.Y.Z>.yaml`: immutable once written (except `deprecated`). */
export interface VersionRecord {
  schema: typeof VERSION_SCHEMA;
  model: string;
  version: string;
  artifact: ArtifactRef;
  signature?: ModelSignature;
  metrics?: Record<string, MetricValue>;
  /** The data set the metrics were computed on. */
  evaluation_data?: Fingerprint;
  gates?: GateVerdict;
  /** Metrics per slice of the evaluation data (`evaluate.slices`), for the model card. */
  slices?: VersionSlice[];
  /** The verdict of the evaluation data's data contract checks (`data_checks` of the report). */
  data_checks?: { contract: string; passed: boolean; errors: number; warnings: number };
  params?: Record<string, unknown>;
  training_data?: Fingerprint;
  /** The drift reference stored with the version (`profiles/<X.Y.Z>.json`) and what it profiled. */
  reference_profile?: ReferenceProfileRef;
  lineage: Lineage;
  created_at: string;
  created_by: string;
  /** The one mutable part: set by `modelci deprecate`. */
  deprecated?: { at: string; by: string; reason?: string };
}

export interface VersionSlice {
  column: string;
  value: string;
  rows: number;
  metrics: Record<string, MetricValue>;
}

export interface ReferenceProfileRef {
  /** Relative to the model folder: `profiles/<X.Y.Z>.json`. */
  path: string;
  sha256: string;
  bytes: number;
  /** The data that was profiled. */
  data: string;
  rows: number;
}

/** `registry/<model>/stages/<stage>.yaml`: the desired state of one stage. */
export interface StagePointer {
  schema: typeof STAGE_SCHEMA;
  model: string;
  stage: string;
  version: string;
  /** The version this pointer replaced; rollback goes there. */
  previous?: string;
  promoted_at: string;
  promoted_by: string;
  reason?: string;
  run_url?: string;
  /** Set when this pointer was written by a rollback. */
  rollback?: boolean;
  /** Versions the stage held before, newest last, that a rollback may go back to. */
  history?: string[];
  /** Versions rollbacks left; a rollback never returns to them unless asked by version. */
  rolled_back_from?: string[];
  /**
   * `false` when the last stage took this version with registry.require_evaluation switched off
   * (the audit trail of the switch; the commit has `Evaluation-Required: false` too).
   */
  evaluation_required?: boolean;
}

const NAME = '^[a-z0-9][a-z0-9._-]*$';
const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$';
const SHA256 = '^[0-9a-f]{64}$';
const TIME = { type: 'string', minLength: 1 } as const;

const fingerprintSchema = {
  type: 'object',
  required: ['sha256'],
  properties: {
    path: { type: 'string' },
    sha256: { type: 'string', pattern: SHA256 },
    bytes: { type: 'integer', minimum: 0 },
    rows: { type: 'integer', minimum: 0 },
  },
} as const;

const metricValueSchema = {
  type: 'object',
  required: ['value'],
  properties: {
    value: { type: 'number' },
    ci: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
  },
} as const;

const tensorSchema = {
  type: 'object',
  required: ['name', 'type', 'shape'],
  properties: {
    name: { type: 'string' },
    type: { type: 'string' },
    shape: { type: 'array', items: { type: ['integer', 'string', 'null'] } },
  },
} as const;

export const modelRecordSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'name', 'created_at'],
  properties: {
    schema: { const: MODEL_SCHEMA },
    name: { type: 'string', pattern: NAME },
    task: { enum: ['binary', 'multiclass', 'regression'] },
    primary_metric: { type: 'string' },
    direction: { enum: ['higher', 'lower'] },
    owners: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    created_at: TIME,
  },
} as const;

export const versionRecordSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'model', 'version', 'artifact', 'lineage', 'created_at', 'created_by'],
  properties: {
    schema: { const: VERSION_SCHEMA },
    model: { type: 'string', pattern: NAME },
    version: { type: 'string', pattern: SEMVER },
    artifact: {
      type: 'object',
      additionalProperties: false,
      required: ['uri', 'sha256', 'bytes', 'format'],
      properties: {
        uri: { type: 'string', minLength: 1 },
        sha256: { type: 'string', pattern: SHA256 },
        bytes: { type: 'integer', minimum: 0 },
        format: { type: 'string', minLength: 1 },
      },
    },
    signature: {
      type: 'object',
      required: ['inputs', 'outputs'],
      properties: {
        inputs: { type: 'array', items: tensorSchema },
        outputs: { type: 'array', items: tensorSchema },
      },
    },
    metrics: { type: 'object', additionalProperties: metricValueSchema },
    evaluation_data: fingerprintSchema,
    gates: {
      type: 'object',
      required: ['passed', 'results'],
      properties: {
        passed: { type: 'boolean' },
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['gate', 'passed', 'reason'],
            properties: {
              gate: { type: 'string' },
              passed: { type: 'boolean' },
              reason: { type: 'string' },
            },
          },
        },
      },
    },
    slices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['column', 'value', 'rows', 'metrics'],
        properties: {
          column: { type: 'string' },
          value: { type: 'string' },
          rows: { type: 'integer', minimum: 0 },
          metrics: { type: 'object', additionalProperties: metricValueSchema },
        },
      },
    },
    data_checks: {
      type: 'object',
      additionalProperties: false,
      required: ['contract', 'passed', 'errors', 'warnings'],
      properties: {
        contract: { type: 'string' },
        passed: { type: 'boolean' },
        errors: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
      },
    },
    params: { type: 'object' },
    training_data: fingerprintSchema,
    reference_profile: {
      type: 'object',
      required: ['path', 'sha256', 'bytes', 'data', 'rows'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '^profiles/[^/]+\\.json$' },
        sha256: { type: 'string', pattern: SHA256 },
        bytes: { type: 'integer', minimum: 0 },
        data: { type: 'string' },
        rows: { type: 'integer', minimum: 0 },
      },
    },
    lineage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        commit: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
        ref: { type: 'string' },
        run_url: { type: 'string' },
        pull_request: { type: 'integer', minimum: 1 },
        parent_version: { type: 'string', pattern: SEMVER },
        run: { type: 'string', pattern: '^\\d{8}-\\d{6}-[0-9a-f]{6}$' },
      },
    },
    created_at: TIME,
    created_by: { type: 'string', minLength: 1 },
    deprecated: {
      type: 'object',
      additionalProperties: false,
      required: ['at', 'by'],
      properties: { at: TIME, by: { type: 'string' }, reason: { type: 'string' } },
    },
  },
} as const;

export const stagePointerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'model', 'stage', 'version', 'promoted_at', 'promoted_by'],
  properties: {
    schema: { const: STAGE_SCHEMA },
    model: { type: 'string', pattern: NAME },
    stage: { type: 'string', pattern: NAME },
    version: { type: 'string', pattern: SEMVER },
    previous: { type: 'string', pattern: SEMVER },
    promoted_at: TIME,
    promoted_by: { type: 'string', minLength: 1 },
    reason: { type: 'string' },
    run_url: { type: 'string' },
    rollback: { type: 'boolean' },
    history: { type: 'array', items: { type: 'string', pattern: SEMVER } },
    rolled_back_from: { type: 'array', items: { type: 'string', pattern: SEMVER } },
    evaluation_required: { type: 'boolean' },
  },
} as const;

/**
 * What decides "same content" for immutability: the artifact, signature, metrics, gates, params and
 * data; not when, by whom or from which commit or run it was registered (a re-run differs there),
 * and not the stored drift profile, which sameVersionContent compares on its own.
 */
export function versionContent(r: VersionRecord): unknown {
  // Slices and data checks come from the same report as the metrics; leaving them out keeps a CI
  // re-run of a version registered before they were recorded a no-op instead of a refused change.
  const {
    created_at: _a,
    created_by: _b,
    deprecated: _d,
    lineage: _l,
    version: _v,
    slices: _s,
    data_checks: _dc,
    reference_profile: _p,
    ...rest
  } = r;
  return canonical(rest);
}

/** Plain data with object keys sorted, so two equal records compare equal as JSON. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/**
 * Same content: equal versionContent, and the same drift profile when both store one. A re-run with
 * profiling on or off (data.train checked out or not) is the same version; a different profile of
 * the same model is not.
 */
export function sameVersionContent(a: VersionRecord, b: VersionRecord): boolean {
  const pa = a.reference_profile?.sha256;
  const pb = b.reference_profile?.sha256;
  if (pa && pb && pa !== pb) return false;
  return JSON.stringify(versionContent(a)) === JSON.stringify(versionContent(b));
}
