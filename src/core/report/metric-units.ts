import { formatBytes, formatNumber, formatSigned } from './number-format.js';

/** The unit a metric is measured in, from its name: latency in milliseconds, sizes in bytes. */
export type MetricUnit = 'ms' | 'bytes' | undefined;

export function metricUnit(name: string): MetricUnit {
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (/^latency(_|$)/.test(last) || /_ms$/.test(last)) return 'ms';
  if (/(^|_)bytes$/.test(last)) return 'bytes';
  return undefined;
}

/** A metric's value with its unit: `0.0106 ms`, `1.2 KiB`, `0.9955`. */
export function formatMetricValue(name: string, v: number, precision: number): string {
  const unit = metricUnit(name);
  if (unit === 'bytes') return formatBytes(v);
  return unit ? `${formatNumber(v, precision)} ${unit}` : formatNumber(v, precision);
}

/** A signed change with the metric's unit: `+0.0064 ms`, `+120 B`. */
export function formatMetricDelta(name: string, v: number, precision: number): string {
  const unit = metricUnit(name);
  if (unit === 'bytes') return `${v > 0 ? '+' : v < 0 ? '-' : ''}${formatBytes(Math.abs(v))}`;
  return unit ? `${formatSigned(v, precision)} ${unit}` : formatSigned(v, precision);
}
