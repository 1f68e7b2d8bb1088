import { ModelciError } from '../errors.js';

/** A leaf of a metrics file: numbers are diffed; everything else is shown as text. */
export type MetricScalar = number | string | boolean | null;

/** Flattened metrics, in file order: `eval.auc`, `per_class[0].f1`. */
export type FlatMetrics = Map<string, MetricScalar>;

/** Where each flattened key came from, so a conflict between files can name both. */
export interface MetricSource {
  file: string;
  data: unknown;
}

/**
 * Flattens nested DVC-style metrics to dotted keys. Arrays get an index segment, `a[0]`, the same
 * notation error messages use for key paths; an empty object or array contributes nothing.
 */
export function flattenMetrics(
  data: unknown,
  prefix = '',
  out: FlatMetrics = new Map(),
): FlatMetrics {
  if (Array.isArray(data)) {
    data.forEach((v, i) => flattenMetrics(v, `${prefix}[${i}]`, out));
  } else if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
    for (const [k, v] of Object.entries(data as Record<string, unknown>))
      flattenMetrics(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix !== '') {
    out.set(prefix, toScalar(data));
  }
  return out;
}

function toScalar(v: unknown): MetricScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Merges several metrics files into one flat set. The same key in two files is an error naming
 * both, since silently picking one would compare the wrong numbers.
 */
export function mergeMetricSources(sources: MetricSource[]): FlatMetrics {
  const merged: FlatMetrics = new Map();
  const origin = new Map<string, string>();
  for (const { file, data } of sources) {
    if (data === undefined || data === null)
      throw new ModelciError('DATA', 'no metrics in file (it is empty)', {
        file,
        hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
      });
    if (typeof data !== 'object')
      throw new ModelciError('DATA', `metrics must be a mapping, got a ${typeof data}`, {
        file,
        hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
      });
    const flat = flattenMetrics(data);
    if (flat.size === 0)
      throw new ModelciError('DATA', 'no metrics in file (no values found)', {
        file,
        hint: 'Write the metrics as a JSON or YAML mapping, e.g. {"accuracy": 0.91}',
      });
    for (const [key, value] of flat) {
      const first = origin.get(key);
      if (first !== undefined)
        throw new ModelciError('DATA', `metric "${key}" is also in ${first}`, {
          file,
          path: key,
          hint: 'Give each metric in one file only, or pass the files for one side only',
        });
      origin.set(key, file);
      merged.set(key, value);
    }
  }
  return merged;
}
