import type { MetricValue } from '../report/evaluation-report.js';
import { formatNumber } from '../report/number-format.js';

/** `2026-01-02 14:03 UTC` for an ISO time; the text itself when it is not one. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-01-02`. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : iso;
}

/** `12 days`, `3 hours`, `just now`: how long from `from` to `to` (both ISO). */
export function formatAge(from: string | undefined, to: string): string | undefined {
  if (!from) return undefined;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  const minutes = Math.max(0, Math.round((b - a) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** `0.9412` and, with an interval, `0.9412 [0.9213, 0.9598]`. */
export function formatMetric(m: MetricValue | undefined): string {
  if (!m || typeof m.value !== 'number') return '—';
  return m.ci ? `${formatNumber(m.value)} [${formatInterval(m.ci)}]` : formatNumber(m.value);
}

export function formatInterval(ci: [number, number]): string {
  return `${formatNumber(ci[0])}, ${formatNumber(ci[1])}`;
}

/** `1.2 MB`, `840 kB`, `312 B` (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

export function shortSha(sha: string | undefined): string {
  return sha ? sha.slice(0, 12) : '—';
}

/** A parameter value as text: strings as they are, anything else as JSON. */
export function formatValue(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

/** `C=1 seed=42`, shortened to `max` characters. */
export function paramsText(params: Record<string, unknown> | undefined, max = 160): string {
  if (!params || Object.keys(params).length === 0) return '—';
  const text = Object.entries(params)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
