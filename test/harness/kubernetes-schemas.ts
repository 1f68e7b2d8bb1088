import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Validators for Kubernetes manifests built from the schemas committed in
 * test/fixtures/kubernetes/ (fetch-schemas.sh says where each comes from): Deployment and Service
 * from Kubernetes v1.32's OpenAPI document as kubeconform uses it ("standalone-strict": unknown
 * fields are errors), and KServe's InferenceService CRD (v1beta1).
 */

const DIR = join(import.meta.dirname, '../fixtures/kubernetes');

type Json = Record<string, unknown>;

/** The fixture's bytes as upstream has them (before gzip). */
export function fixtureBytes(file: string): Buffer {
  return gunzipSync(readFileSync(join(DIR, file)));
}

/** fetch-schemas.sh's `take ... <sha256> <fixture>` lines: fixture -> the upstream sha256. */
export function recordedSha256(): Map<string, string> {
  const script = readFileSync(join(DIR, 'fetch-schemas.sh'), 'utf8');
  const out = new Map<string, string>();
  for (const m of script.matchAll(/^\s+([0-9a-f]{64}) (\S+\.gz)$/gm)) out.set(m[2]!, m[1]!);
  return out;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const INT32: Format = {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
// The OpenAPI formats the schemas use; a wrong one is as much an error as a wrong type.
const FORMATS: Record<string, Format> = {
  int32: INT32,
  int64: { type: 'number', validate: (n: number) => Number.isSafeInteger(n) },
  double: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
  // Carried next to anyOf [integer, string]: the anyOf is what checks it.
  'int-or-string': true,
  quantity: true,
};

function newAjv(): Ajv {
  // strict: false, for the x-kubernetes-* keywords; the schemas' own $schema URLs are not ajv's.
  return new Ajv({ strict: false, allErrors: true, validateSchema: false, formats: FORMATS });
}

function withoutDollarSchema(schema: Json): Json {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

/**
 * A CRD's structural schema, made to refuse unknown fields: the API server prunes them, but
 * `kubectl apply` (field validation Strict, its default since Kubernetes 1.27) refuses a
 * manifest that has one. Objects that preserve unknown fields or are maps stay open.
 */
export function strictStructural(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictStructural);
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(s))
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as Json).map(([p, ps]) => [p, strictStructural(ps)]))
        : strictStructural(v);
  if (
    s.properties !== undefined &&
    s.additionalProperties === undefined &&
    s['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out.additionalProperties = false;
  return out;
}

/**
 * Refuses what the manifests under test never write (the schema `false`): an InferenceService's
 * canary, explainer and transformer, the predictor's framework and worker specs, and status. Only
 * stricter than KServe's schema, and it compiles in a third of the time (~250 KB of the schema
 * is the predictor's pod spec, which stays whole).
 */
const ISVC_UNWRITTEN: Record<string, string[]> = {
  '': ['status'],
  spec: ['canary', 'explainer', 'transformer'],
  'spec.predictor': [
    'model',
    'workerSpec',
    'huggingface',
    'lightgbm',
    'onnx',
    'paddle',
    'pmml',
    'pytorch',
    'sklearn',
    'tensorflow',
    'triton',
    'xgboost',
  ],
};

function refuseUnwritten(schema: Json): void {
  for (const [path, keys] of Object.entries(ISVC_UNWRITTEN)) {
    let node = schema;
    for (const p of path ? path.split('.') : []) node = (node.properties as Json)[p] as Json;
    const props = node.properties as Json;
    for (const k of keys) {
      if (!(k in props)) throw new Error(`the InferenceService schema has no ${path}.${k}`);
      props[k] = false;
    }
  }
}

export interface KubernetesSchemas {
  deployment: ValidateFunction;
  service: ValidateFunction;
  inferenceService: ValidateFunction;
  /** The v1beta1 openAPIV3Schema of the InferenceService CRD, as committed. */
  inferenceServiceSchema: Json;
}

let cached: KubernetesSchemas | undefined;

export function kubernetesSchemas(): KubernetesSchemas {
  if (cached) return cached;
  const ajv = newAjv();
  const json = (f: string) => JSON.parse(fixtureBytes(f).toString('utf8')) as Json;
  const deploymentSchema = withoutDollarSchema(json('deployment-apps-v1.json.gz'));
  const crd = parse(fixtureBytes('serving.kserve.io_inferenceservices.yaml.gz').toString('utf8'), {
    maxAliasCount: -1,
  }) as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: Json } }> } };
  const v1beta1 = crd.spec.versions.find((v) => v.name === 'v1beta1');
  if (!v1beta1) throw new Error('the InferenceService CRD has no v1beta1 version');
  const isvc = strictStructural(v1beta1.schema.openAPIV3Schema) as Json;
  // A CRD's schema says only `metadata: {type: object}`: the API server checks ObjectMeta as for
  // any kind, so the Deployment schema's ObjectMeta stands in for it.
  refuseUnwritten(isvc);
  const props = isvc.properties as Json;
  props.metadata = (deploymentSchema.properties as Json).metadata;
  cached = {
    deployment: ajv.compile(deploymentSchema),
    service: ajv.compile(withoutDollarSchema(json('service-v1.json.gz'))),
    inferenceService: ajv.compile(isvc),
    inferenceServiceSchema: v1beta1.schema.openAPIV3Schema,
  };
  return cached;
}

/** `path: message` lines of a failed validation, for an assertion's diff. */
export function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) =>
      `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}
