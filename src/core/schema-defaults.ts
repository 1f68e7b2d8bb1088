/** A JSON Schema node, as far as defaults are concerned. */
interface SchemaNode {
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly [keyword: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A copy of `value` with every `default` of its schema filled in, depth first: a missing object
 * with `default: {}` is created and its own defaults applied. The one place config defaults are
 * applied, after the top-level and per-model sections are merged (so a per-model default never
 * hides a top-level setting).
 */
export function withDefaults<T>(
  schema: SchemaNode,
  value: unknown,
  /** Sections left as written, their defaults applied later (after a merge). */
  deferred: ReadonlySet<object> = new Set(),
): T {
  if (!isObject(value) || deferred.has(schema)) return value as T;
  const out: Record<string, unknown> = { ...value };
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (deferred.has(prop)) continue;
    if (out[key] === undefined && prop.default !== undefined)
      out[key] = structuredClone(prop.default);
    if (out[key] !== undefined) out[key] = withDefaults(prop, out[key], deferred);
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object')
    for (const key of Object.keys(out))
      if (!schema.properties?.[key]) out[key] = withDefaults(extra, out[key], deferred);
  return out as T;
}
