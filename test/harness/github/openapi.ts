import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// GitHub's OpenAPI 3.0 description (the committed subset) turned into validators: loaded and
// converted once per process, each operation's validators compiled on first use.
const SUBSET = fileURLToPath(
  new URL('../../fixtures/openapi/api.github.com.subset.json', import.meta.url),
);
const DOC_ID = 'github-openapi.json';

type Json = Record<string, unknown>;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  multiSegment: boolean;
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  path: string;
  parameters: Parameter[];
  /** JSON request body schema, when the operation takes one. */
  bodySchema: Json | undefined;
  bodyRequired: boolean;
  /** The body is bytes, not JSON (release asset uploads). */
  rawBody: boolean;
  /** Declared response statuses (e.g. '200', '404', 'default'). */
  statuses: string[];
}

export interface ApiDescription {
  version: string;
  octokitOpenapiVersion: string;
  operation(method: HttpMethod, path: string): Operation | undefined;
  operations(): Operation[];
  validateRequest(op: Operation, req: RequestParts): string[];
  validateResponse(op: Operation, status: number, body: unknown): string[];
}

export interface RequestParts {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** False when the body is not JSON (uploads): only parameters are checked. */
  jsonBody: boolean;
}

let cached: ApiDescription | undefined;

export function loadApiDescription(): ApiDescription {
  cached ??= build(JSON.parse(readFileSync(SUBSET, 'utf8')) as Json);
  return cached;
}

function build(raw: Json): ApiDescription {
  const doc = toJsonSchemaDialect(raw) as Json;
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    formats: FORMATS,
  });
  ajv.addSchema(doc, DOC_ID);
  const info = doc.info as Json;
  const ops = new Map<string, Operation>();
  const responsesByOp = new Map<string, Json>();
  const paths = doc.paths as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    const shared = (item.parameters as Json[] | undefined) ?? [];
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters as Json[] | undefined) ?? [])].map((p) =>
        deref(doc, p),
      );
      const body = op.requestBody ? deref(doc, op.requestBody as Json) : undefined;
      const content = body?.content as Record<string, Json> | undefined;
      const M = method.toUpperCase() as HttpMethod;
      ops.set(`${M} ${path}`, {
        operationId: op.operationId as string,
        method: M,
        path,
        parameters: params.map((p) => ({
          name: p.name as string,
          in: p.in as Parameter['in'],
          required: p.required === true,
          schema: (p.schema as Json | undefined) ?? {},
          multiSegment: p['x-multi-segment'] === true,
        })),
        bodySchema: content?.['application/json']?.schema as Json | undefined,
        bodyRequired: body?.required === true,
        rawBody: content !== undefined && !('application/json' in content),
        statuses: Object.keys((op.responses as Json | undefined) ?? {}),
      });
      responsesByOp.set(`${M} ${path}`, op.responses as Json);
    }
  }

  const validators = new Map<object, ValidateFunction>();
  const compile = (schema: Json): ValidateFunction => {
    let v = validators.get(schema);
    if (!v) {
      v = ajv.compile(schema);
      validators.set(schema, v);
    }
    return v;
  };

  return {
    version: String(info.version),
    octokitOpenapiVersion: String(info['x-octokit-openapi-version']),
    operation: (method, path) => ops.get(`${method} ${path}`),
    operations: () => [...ops.values()],
    validateRequest(op, req) {
      const errors: string[] = [];
      for (const p of op.parameters) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        const source = p.in === 'path' ? req.pathParams : req.query;
        const raw = source[p.name];
        if (raw === undefined) {
          if (p.required) errors.push(`${p.in} parameter "${p.name}" wasn't supplied.`);
          continue;
        }
        const value = coerce(raw, p.schema);
        const v = compile(p.schema);
        if (!v(value))
          errors.push(...describe(v.errors, `${p.in} parameter "${p.name}"`, value, 'param'));
      }
      const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const q of Object.keys(req.query))
        if (!known.has(q)) errors.push(`query parameter "${q}" is not a permitted key.`);
      if (!req.jsonBody) return errors;
      if (op.bodySchema) {
        if (req.body === undefined) {
          if (op.bodyRequired) errors.push('a request body is required.');
          return errors;
        }
        const v = compile(op.bodySchema);
        if (!v(req.body)) errors.push(...describe(v.errors, 'body', req.body, 'body'));
        // GitHub ignores most unknown keys; the stand-in does not, so a misspelt field fails.
        const allowed = topLevelProperties(doc, op.bodySchema);
        if (allowed && req.body && typeof req.body === 'object' && !Array.isArray(req.body))
          for (const k of Object.keys(req.body))
            if (!allowed.has(k)) errors.push(`"${k}" is not a permitted key.`);
      } else if (req.body !== undefined && op.method !== 'GET' && op.method !== 'DELETE') {
        errors.push(`${op.operationId} takes no request body.`);
      }
      return errors;
    },
    validateResponse(op, status, body) {
      const responses = responsesByOp.get(`${op.method} ${op.path}`) ?? {};
      const declared = (responses[String(status)] ?? responses.default) as Json | undefined;
      if (!declared) return [`status ${status} is not a documented response of ${op.operationId}`];
      const response = deref(doc, declared);
      const content = response.content as Record<string, Json> | undefined;
      const media = content
        ? (content['application/json'] ??
          Object.entries(content).find(([k]) => k.includes('json'))?.[1])
        : undefined;
      // Error answers always carry GitHub's `{ message }` even where no schema is declared.
      if (!media?.schema) {
        return body === undefined || body === null || body === '' || status >= 400
          ? []
          : [`${op.operationId} ${status} declares no body but one was sent`];
      }
      const v = compile(media.schema as Json);
      return v(body) ? [] : describe(v.errors, 'response', body, 'response');
    },
  };
}

/** Resolves one level of `$ref` (parameters, request bodies, responses) by JSON pointer. */
function deref(doc: Json, node: Json): Json {
  let cur = node;
  for (let i = 0; i < 5 && typeof cur.$ref === 'string'; i++) {
    const ref = (cur.$ref as string).slice(DOC_ID.length + 2);
    cur = ref
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((n, k) => (n as Json)[k], doc) as Json;
  }
  return cur;
}

/** Property names a body schema allows at its top level; undefined when it allows any. */
function topLevelProperties(doc: Json, schema: Json): Set<string> | undefined {
  const s = deref(doc, schema);
  if (s.type !== 'object' && !s.properties && !s.allOf && !s.anyOf && !s.oneOf) return undefined;
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) return undefined;
  const names = new Set(Object.keys((s.properties as Json | undefined) ?? {}));
  for (const part of [...((s.allOf ?? s.anyOf ?? s.oneOf ?? []) as Json[])]) {
    const sub = topLevelProperties(doc, part);
    if (!sub) return undefined;
    for (const n of sub) names.add(n);
  }
  return names.size ? names : undefined;
}

/** Query and path values arrive as strings; coerce them as the parameter's schema says. */
function coerce(raw: string, schema: Json): unknown {
  const t = schema.type;
  if ((t === 'integer' || t === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (t === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (t === 'array') return raw.split(',');
  return raw;
}

/** ajv errors in GitHub's wording where GitHub has one ("x" wasn't supplied, not a string). */
function describe(
  errors: ErrorObject[] | null | undefined,
  subject: string,
  root: unknown,
  kind: 'param' | 'body' | 'response',
): string[] {
  const lines = new Set<string>();
  for (const e of errors ?? []) {
    const where = e.instancePath
      ? e.instancePath.slice(1).split('/').join('.')
      : kind === 'param'
        ? subject
        : '';
    const at = (field: string) =>
      kind === 'param' ? subject : `'${kind === 'body' ? 'properties/' : ''}${field}'`;
    const value = kind === 'param' ? root : pick(root, e.instancePath);
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const field = where ? `${where}.${missing}` : missing;
      lines.add(
        kind === 'response' ? `response: ${field} is required` : `"${field}" wasn't supplied.`,
      );
    } else if (e.keyword === 'type') {
      lines.add(
        `For ${at(where)}, ${JSON.stringify(value)} is not ${article(String((e.params as { type: string }).type))}.`,
      );
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      lines.add(
        `For ${at(where)}, ${JSON.stringify(value)} is not a member of ${JSON.stringify(allowed)}.`,
      );
    } else if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      lines.add(`"${where ? `${where}.` : ''}${extra}" is not a permitted key.`);
    } else if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if') {
      lines.add(`For ${at(where)}, ${JSON.stringify(value)} ${e.message ?? 'is invalid'}.`);
    }
  }
  if (lines.size === 0 && errors?.length) lines.add(`${subject} matches none of its schemas.`);
  return [...lines];
}

function article(type: string): string {
  const t = type.replace(/,null$/, '');
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function pick(root: unknown, pointer: string): unknown {
  if (!pointer) return root;
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Json)[k] : undefined), root);
}

/**
 * OpenAPI 3.0 -> JSON Schema: `oneOf` is read as `anyOf` (see below), `nullable: true` becomes a `null` type (or an anyOf with null when
 * there is no `type`), and local `#/...` refs become absolute so any sub-schema compiles alone.
 */
export function toJsonSchemaDialect(node: unknown, parentKey?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchemaDialect(n));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/') && parentKey !== 'properties')
      out[k] = `${DOC_ID}${v}`;
    // GitHub writes oneOf where its alternatives overlap (basic-error vs. rule-violation-error
    // both fit `{ message }`), so "exactly one" would reject real answers: read it as anyOf.
    else if (k === 'oneOf' && parentKey !== 'properties') out.anyOf = toJsonSchemaDialect(v, k);
    else out[k] = toJsonSchemaDialect(v, k);
  }
  if (parentKey === 'properties' || out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const FORMATS = {
  'date-time': DATE_TIME,
  // GitHub sends "" for unset URLs (a deployment status's target_url) despite `format: uri`.
  uri: (s: string) => s === '' || (/^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s)),
  email: /^[^\s@]+@[^\s@]+$/,
  'uri-template': true,
  int64: true,
  int32: true,
  binary: true,
  'repo.nwo': /^[^/\s]+\/[^/\s]+$/,
} as const;
