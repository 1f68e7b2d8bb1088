export type Direction = 'higher' | 'lower';

/** Default directions by a metric's last key segment (lowercased); `*` matches any suffix. */
const DEFAULT_DIRECTIONS: [pattern: RegExp, direction: Direction][] = [
  [/^(balanced_)?accuracy(_.*)?$/, 'higher'],
  [/^precision(_.*)?$/, 'higher'],
  [/^recall(_.*)?$/, 'higher'],
  [/^f1(_.*)?$/, 'higher'],
  [/^((roc|pr)_)?auc(_.*)?$/, 'higher'],
  [/^average_precision$/, 'higher'],
  [/^r2$/, 'higher'],
  [/^((log|val|train|test)_)?loss$/, 'lower'],
  [/^(rmse|mse|mae|mape|brier|brier_score)$/, 'lower'],
  [/^latency(_.*)?$/, 'lower'],
];

/** `eval.per_class[2].f1` -> `f1`; `scores[0]` -> `scores`. */
export function lastSegment(key: string): string {
  const noIndex = key.replace(/(\[\d+\])+$/, '');
  const dot = noIndex.lastIndexOf('.');
  return dot === -1 ? noIndex : noIndex.slice(dot + 1);
}

/**
 * Higher or lower is better for a flattened key: the configured direction by full key, then by
 * last segment, then the defaults for common names; undefined when nobody knows.
 */
export function metricDirection(
  key: string,
  configured: Record<string, Direction> = {},
): Direction | undefined {
  const last = lastSegment(key);
  const own = Object.hasOwn(configured, key)
    ? configured[key]
    : Object.hasOwn(configured, last)
      ? configured[last]
      : undefined;
  if (own) return own;
  const name = last.toLowerCase();
  return DEFAULT_DIRECTIONS.find(([re]) => re.test(name))?.[1];
}
